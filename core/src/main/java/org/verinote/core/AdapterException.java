package org.verinote.core;

import java.util.OptionalInt;

/**
 * A {@link org.verinote.core.record.ClinicalRecordAdapter} call to an EHR failed.
 *
 * <p>Carries the EHR's HTTP (or protocol) status where there was one, and whether a retry may succeed. For a
 * retriable failure of a write, the outcome at the EHR may be unknown: adapters reconcile before they retry.
 */
public final class AdapterException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean retriable;

  /**
   * Creates the exception.
   *
   * @param message what failed, with ids and status, never PHI
   * @param status the EHR's status code, or {@code -1} if there was none (connection failure, timeout)
   * @param retriable whether a retry may succeed
   * @param cause the underlying error, or {@code null}
   */
  public AdapterException(String message, int status, boolean retriable, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retriable = retriable;
  }

  /**
   * The status the EHR answered with.
   *
   * @return the status code, or empty if the call got no answer
   */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  @Override
  public boolean isRetriable() {
    return retriable;
  }
}
