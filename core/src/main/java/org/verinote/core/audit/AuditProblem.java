package org.verinote.core.audit;

import java.util.Objects;

/**
 * One defect {@link AuditChain#verify(java.util.List)} found in a chain.
 *
 * @param seq the sequence number of the event concerned (for a missing event, the number that is missing)
 * @param kind what is wrong
 * @param message a human-readable description naming the event; ids only
 */
public record AuditProblem(long seq, Kind kind, String message) {

  /** What is wrong with an event. */
  public enum Kind {
    /** The event's content no longer matches its own hash: a field was changed. */
    ALTERED,
    /** An event is missing: a gap in the sequence, or the chain ends before the recorded head. */
    MISSING,
    /** The event does not link to its predecessor: events were reordered, or one was removed and renumbered. */
    BROKEN_LINK
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public AuditProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
