package org.verinote.core.review;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.verinote.core.IllegalTransitionException;

/**
 * Where a review draft is in its life. Every allowed transition is listed in {@link #ALLOWED} — the single place the
 * workflow consults; every other move is refused with an {@link IllegalTransitionException} naming both states.
 *
 * <pre>
 * DRAFTED ──edit──▶ IN_REVIEW ──edit──▶ IN_REVIEW
 *    │                 │
 *    ├──approve──▶ APPROVED ◀──approve──┤
 *    └──reject───▶ REJECTED ◀──reject───┘
 * APPROVED ──worker claims──▶ SUBMITTED ──EHR receipt──▶ CONFIRMED
 *                               │   ▲
 *               EHR error / crash▼   │ retried
 *                          SUBMISSION_FAILED ──requeued by a person──▶ APPROVED
 * </pre>
 */
public enum ReviewState {
  /** Created from a structuring result; nobody has edited it yet. */
  DRAFTED,
  /** A clinician has edited it; further edits keep it here. */
  IN_REVIEW,
  /** A named clinician approved it; an {@link ApprovedNote} exists and a submission is pending in the outbox. */
  APPROVED,
  /** The submission worker is writing it to the EHR (or was, when it crashed: the outcome is unknown). */
  SUBMITTED,
  /** The EHR acknowledged it with a record id. Terminal. */
  CONFIRMED,
  /** A clinician rejected it; it will never reach the EHR. Terminal. */
  REJECTED,
  /**
   * The last EHR write failed (or was interrupted); the worker retries it, or — once parked — a person requeues it
   * ({@link ReviewWorkflow#requeueSubmission}).
   */
  SUBMISSION_FAILED;

  /** Every allowed transition: the only place the workflow looks. */
  private static final Map<ReviewState, Set<ReviewState>> ALLOWED;

  static {
    Map<ReviewState, Set<ReviewState>> m = new EnumMap<>(ReviewState.class);
    m.put(DRAFTED, EnumSet.of(IN_REVIEW, APPROVED, REJECTED));
    m.put(IN_REVIEW, EnumSet.of(IN_REVIEW, APPROVED, REJECTED));
    m.put(APPROVED, EnumSet.of(SUBMITTED));
    m.put(SUBMITTED, EnumSet.of(CONFIRMED, SUBMISSION_FAILED));
    m.put(SUBMISSION_FAILED, EnumSet.of(SUBMITTED, APPROVED));
    m.put(CONFIRMED, EnumSet.noneOf(ReviewState.class));
    m.put(REJECTED, EnumSet.noneOf(ReviewState.class));
    for (Map.Entry<ReviewState, Set<ReviewState>> e : m.entrySet()) {
      e.setValue(Collections.unmodifiableSet(e.getValue()));
    }
    ALLOWED = Collections.unmodifiableMap(m);
  }

  /**
   * Whether a draft in this state may move to {@code next}.
   *
   * @param next the requested state
   * @return {@code true} if the transition is allowed
   */
  public boolean canMoveTo(ReviewState next) {
    return ALLOWED.get(this).contains(next);
  }

  /**
   * The states a draft in this state may move to.
   *
   * @return an unmodifiable set, empty for terminal states
   */
  public Set<ReviewState> next() {
    return ALLOWED.get(this);
  }

  /**
   * Whether no transition leaves this state.
   *
   * @return {@code true} for {@link #CONFIRMED} and {@link #REJECTED}
   */
  public boolean isTerminal() {
    return ALLOWED.get(this).isEmpty();
  }

  /**
   * Checks a transition.
   *
   * @param next the requested state
   * @throws IllegalTransitionException naming both states if the transition is not allowed
   */
  void checkMoveTo(ReviewState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(name(), next.name());
    }
  }
}
