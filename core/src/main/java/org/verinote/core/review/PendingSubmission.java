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
 * @param draftVersion the draft version that scheduled the entry; if the draft has moved on since, the entry is
 *     stale (another worker acted on it) and is skipped
 */
public record PendingSubmission(String draftId, String submissionKey, Instant dueAt, long draftVersion) {

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
