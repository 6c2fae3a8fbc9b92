package org.verinote.core;

/**
 * The root of every exception Verinote throws on purpose.
 *
 * <p>Unchecked, and sealed so that callers can handle the whole family exhaustively: bad input
 * ({@link InvalidInputException}), model failures ({@link ModelException} and its kinds), a refused egress
 * ({@link PhiEgressException}), review-workflow conflicts ({@link VersionConflictException},
 * {@link IllegalTransitionException}, {@link NotFoundException}), EHR errors ({@link AdapterException}), a
 * guardrail that failed closed ({@link GuardrailException}) and a review store that failed ({@link StoreException}).
 *
 * <p>Misuse of the API (null arguments, illegal arguments, a builder used twice for the same setting) raises the
 * JDK's own {@link NullPointerException}, {@link IllegalArgumentException} or {@link IllegalStateException}.
 *
 * <p>Messages never contain protected health information: they carry ids, counts and states.
 */
public abstract sealed class VerinoteException extends RuntimeException
    permits InvalidInputException, ModelException, PhiEgressException, VersionConflictException,
        IllegalTransitionException, NotFoundException, AdapterException, GuardrailException, StoreException {
  private static final long serialVersionUID = 1L;

  VerinoteException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same operation later may succeed (a timeout, a rate limit, a 5xx) as opposed to a
   * failure that will recur (bad input, authentication, a version conflict that needs a refresh first).
   *
   * @return {@code true} if a retry of the identical call may succeed
   */
  public abstract boolean isRetriable();
}
