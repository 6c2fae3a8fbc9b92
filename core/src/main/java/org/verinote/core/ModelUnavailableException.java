package org.verinote.core;

/**
 * The call was not attempted or no provider was left to try: circuit breaker open, bulkhead full, every provider of a fallback chain failed. Retriable later.
 */
public final class ModelUnavailableException extends ModelException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param message what happened; never the prompt or response text
   * @param cause the underlying error, or {@code null}
   */
  public ModelUnavailableException(String modelId, String message, Throwable cause) {
    super(modelId, message, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
