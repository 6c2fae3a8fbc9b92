package org.verinote.fhir;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers, per submission key, how far a write got, so that a write whose outcome is unknown is reconciled
 * before it is retried and a confirmed write is never repeated.
 *
 * <p>States move {@code PENDING → SENT → CONFIRMED}, or {@code SENT → UNKNOWN} when the EHR did not answer (then
 * {@code UNKNOWN → CONFIRMED} once reconciliation finds the record), or {@code → REJECTED} when the EHR refused the
 * note and nothing was written. Implementations must be thread-safe; the adapters serialise calls per key. Keep
 * the ledger in durable storage (a database table keyed by submission key) when the host may restart between a
 * timeout and its retry; {@link #inMemory()} suffices for one process.
 */
public interface SubmissionLedger {

  /** How far a submission got. */
  enum State {
    /** About to be sent. */
    PENDING,
    /** Sent, no answer yet. */
    SENT,
    /** Sent, the answer was lost (timeout, connection reset): the EHR may or may not hold it. */
    UNKNOWN,
    /** The EHR holds exactly one record for the key. */
    CONFIRMED,
    /** The EHR refused it; nothing was written. */
    REJECTED
  }

  /**
   * One ledger entry.
   *
   * @param submissionKey the idempotency key
   * @param state the state
   * @param recordId the EHR's record id once known, or {@code null}
   * @param at when the state was entered
   */
  record Entry(String submissionKey, State state, String recordId, Instant at) {
    /**
     * Validates.
     *
     * @throws NullPointerException if key, state or time is null
     */
    public Entry {
      Objects.requireNonNull(submissionKey, "submissionKey");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Looks a submission up.
   *
   * @param submissionKey the key
   * @return its latest entry, or empty if never seen
   */
  Optional<Entry> find(String submissionKey);

  /**
   * Records a state change, replacing the key's previous entry.
   *
   * @param entry the new entry
   */
  void record(Entry entry);

  /**
   * A ledger held in memory: enough for one process, lost on restart.
   *
   * @return a new, empty ledger
   */
  static SubmissionLedger inMemory() {
    return new InMemoryLedger();
  }
}
