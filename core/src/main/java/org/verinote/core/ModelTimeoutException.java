package org.verinote.core;

/**
 * The model did not answer within the configured time. Retriable.
 */
public final class ModelTimeoutException extends ModelException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param message what happened; never the prompt or response text
   * @param cause the underlying error, or {@code null}
   */
  public ModelTimeoutException(String modelId, String message, Throwable cause) {
    super(modelId, message, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
