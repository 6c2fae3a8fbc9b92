package org.verinote.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link DraftStore#update} does to the draft's submission outbox entry, in the same transaction as the draft
 * write and the audit event.
 *
 * @param kind the change
 * @param dueAt when the entry becomes due, for {@link Kind#ENQUEUE} and {@link Kind#RESCHEDULE}; else {@code null}
 */
public record OutboxChange(Kind kind, Instant dueAt) {

  /** The kinds of change. */
  public enum Kind {
    /** Leave the outbox as it is. */
    NONE,
    /** Record the intent to submit (on approval): a new entry, due at {@code dueAt}. */
    ENQUEUE,
    /** Make the entry due again at {@code dueAt}: a lease for an attempt in flight, or a retry time. */
    RESCHEDULE,
    /** The EHR confirmed: the entry is done. */
    COMPLETE,
    /** No automatic retry any more (a non-retriable error, or attempts exhausted). */
    PARK
  }

  private static final OutboxChange NONE = new OutboxChange(Kind.NONE, null);

  /**
   * Validates.
   *
   * @throws NullPointerException if {@code kind} is null, or {@code dueAt} is null for ENQUEUE and RESCHEDULE
   * @throws IllegalArgumentException if {@code dueAt} is given for another kind
   */
  public OutboxChange {
    Objects.requireNonNull(kind, "kind");
    boolean timed = kind == Kind.ENQUEUE || kind == Kind.RESCHEDULE;
    if (timed) {
      Objects.requireNonNull(dueAt, "dueAt");
    } else if (dueAt != null) {
      throw new IllegalArgumentException(kind + " takes no due time");
    }
  }

  /** @return no outbox change */
  public static OutboxChange none() {
    return NONE;
  }

  /** @param dueAt when the submission is due @return an enqueue */
  public static OutboxChange enqueue(Instant dueAt) {
    return new OutboxChange(Kind.ENQUEUE, dueAt);
  }

  /** @param dueAt when the entry is due again @return a reschedule */
  public static OutboxChange reschedule(Instant dueAt) {
    return new OutboxChange(Kind.RESCHEDULE, dueAt);
  }

  /** @return a completion */
  public static OutboxChange complete() {
    return new OutboxChange(Kind.COMPLETE, null);
  }

  /** @return a park */
  public static OutboxChange park() {
    return new OutboxChange(Kind.PARK, null);
  }
}
