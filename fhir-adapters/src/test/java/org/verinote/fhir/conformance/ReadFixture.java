package org.verinote.fhir.conformance;

import java.util.Objects;
import org.verinote.core.PatientContext;
import org.verinote.core.record.EncounterContext;

/**
 * What the backend holds for the read checks: a known patient and encounter with the contexts the adapter must map
 * them to, and a patient reference the backend does not know.
 *
 * @param patientRef a patient the backend holds
 * @param expectedPatient what {@code readPatient(patientRef)} must return
 * @param encounterRef an encounter the backend holds
 * @param expectedEncounter what {@code readEncounter(encounterRef)} must return
 * @param unknownPatientRef a patient reference the backend does not hold
 */
public record ReadFixture(String patientRef, PatientContext expectedPatient, String encounterRef,
    EncounterContext expectedEncounter, String unknownPatientRef) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public ReadFixture {
    Objects.requireNonNull(patientRef, "patientRef");
    Objects.requireNonNull(expectedPatient, "expectedPatient");
    Objects.requireNonNull(encounterRef, "encounterRef");
    Objects.requireNonNull(expectedEncounter, "expectedEncounter");
    Objects.requireNonNull(unknownPatientRef, "unknownPatientRef");
  }
}
