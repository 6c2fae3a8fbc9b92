package org.verinote.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox entry that is due: an approved draft waiting to be written to the EHR, or one whose previous attempt
 * failed or was interrupted.
 *
 * @param draftId the draft
 * @param submissionKey the EHR idempotency key
 * @param dueAt when it became due
 */
public record PendingSubmission(String draftId, String submissionKey, Instant dueAt) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public PendingSubmission {
    Objects.requireNonNull(draftId, "draftId");
    Objects.requireNonNull(submissionKey, "submissionKey");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
