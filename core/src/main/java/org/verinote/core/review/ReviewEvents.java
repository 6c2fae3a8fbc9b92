package org.verinote.core.review;

import java.time.Duration;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.PipelineListener;
import org.verinote.core.events.PipelineListeners;
import org.verinote.core.events.Ref;

/**
 * Turns the review workflow's audited transitions into {@link PipelineEvent}s: ids, versions and codes only (the
 * audit action's subject is a section key, a submission key, a record id or an error code — never text).
 */
final class ReviewEvents {

  private ReviewEvents() {}

  static void emit(PipelineListener listener, String action, ReviewDraft d, String actor, String subject,
      long startNanos) {
    if (PipelineListeners.isNoop(listener)) {
      return;
    }
    EventType type = type(action);
    if (type == null) {
      return;
    }
    PipelineEvent.Builder b = PipelineEvent.builder(type, d.tenantId(), d.encounterId()).modelRunId(d.modelRunId())
        .duration(Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos)))
        .ref(Ref.DRAFT_ID, d.draftId()).ref(Ref.ACTOR, actor).count(Count.DRAFT_VERSION, d.version());
    switch (type) {
      case EDITED -> b.code(subject).count(Count.SECTIONS, d.editedSections().size());
      case APPROVED, SUBMITTED -> b.ref(Ref.SUBMISSION_KEY, subject);
      case CONFIRMED -> b.ref(Ref.RECORD_ID, subject);
      case SUBMISSION_FAILED -> b.code(subject).count(Count.ATTEMPTS, d.submissionAttempts());
      default -> { }
    }
    listener.onEvent(b.build());
  }

  private static EventType type(String action) {
    switch (action) {
      case "DRAFT_CREATED":
        return EventType.DRAFT_CREATED;
      case "REVIEW_STARTED":
        return EventType.REVIEW_STARTED;
      case "SECTION_EDITED":
        return EventType.EDITED;
      case "APPROVED":
        return EventType.APPROVED;
      case "REJECTED":
        return EventType.REJECTED;
      case "SUBMISSION_STARTED":
        return EventType.SUBMITTED;
      case "SUBMISSION_CONFIRMED":
        return EventType.CONFIRMED;
      case "SUBMISSION_FAILED":
        return EventType.SUBMISSION_FAILED;
      default:
        return null;
    }
  }
}
