package org.verinote.core.record;

import java.util.Optional;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.review.ApprovedNote;

/**
 * The anti-corruption layer between Verinote and one EHR: reads the context de-identification and notes need, and
 * writes approved notes — idempotently.
 *
 * <p>Implementations must be thread-safe. Integrators prove theirs with the adapter conformance kit in
 * {@code verinote-fhir-adapters}' test-jar.
 */
public interface ClinicalRecordAdapter {

  /**
   * A short name for receipts and logs, e.g. {@code "fhir-r4"}.
   *
   * @return the name
   */
  String name();

  /**
   * Reads what the EHR knows about a patient.
   *
   * @param patientRef the EHR's patient reference
   * @return the context, or empty if the EHR has no such patient
   * @throws AdapterException if the EHR cannot be read
   */
  Optional<PatientContext> readPatient(String patientRef);

  /**
   * Reads an encounter.
   *
   * @param encounterRef the EHR's encounter reference
   * @return the context, or empty if the EHR has no such encounter
   * @throws AdapterException if the EHR cannot be read
   */
  Optional<EncounterContext> readEncounter(String encounterRef);

  /**
   * Writes an approved note. Idempotent on {@link ApprovedNote#submissionKey()}: submitting the same note again —
   * for example after a timeout whose outcome was unknown — never creates a second record.
   *
   * @param note the approved note; the type guarantees a clinician approved it
   * @return the EHR's receipt
   * @throws AdapterException if the EHR refused or could not be reached; {@link AdapterException#isRetriable()} says
   *     whether to try again
   */
  SubmissionReceipt submit(ApprovedNote note);
}
