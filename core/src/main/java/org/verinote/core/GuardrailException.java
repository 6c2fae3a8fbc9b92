package org.verinote.core;

/**
 * A guardrail layer failed (threw) while the chain was configured to fail closed. The message names the layer.
 */
public final class GuardrailException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which layer failed and how; never PHI
   * @param cause the layer's exception
   */
  public GuardrailException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
