package org.verinote.core.record;

import java.time.Instant;
import java.util.Objects;

/**
 * The EHR's acknowledgement of a submitted note.
 *
 * @param adapter the adapter's name
 * @param submissionKey the idempotency key of the submission
 * @param recordId the id the EHR gave the note (a FHIR resource id, an HL7 document number)
 * @param duplicate whether the EHR already held this submission (an idempotent replay), in which case nothing new
 *     was written
 * @param at when the EHR acknowledged it
 */
public record SubmissionReceipt(String adapter, String submissionKey, String recordId, boolean duplicate,
    Instant at) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public SubmissionReceipt {
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(submissionKey, "submissionKey");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(at, "at");
  }
}
