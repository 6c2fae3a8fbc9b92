package org.verinote.core;

/**
 * Input that Verinote cannot work with: an empty or binary transcript, an unknown template, a malformed file.
 *
 * <p>Not retriable: the same input fails the same way. The message names what was expected and what was found,
 * never the clinical text itself.
 */
public final class InvalidInputException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected, what was found and what to do; must not contain PHI
   */
  public InvalidInputException(String message) {
    super(message, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was expected, what was found and what to do; must not contain PHI
   * @param cause the underlying error
   */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
