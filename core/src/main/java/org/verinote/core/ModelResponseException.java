package org.verinote.core;

/**
 * The model endpoint answered 2xx but the body is not what the protocol promises (HTML, truncated JSON, no choices). Retriable: a second call often succeeds.
 */
public final class ModelResponseException extends ModelException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param message what happened; never the prompt or response text
   * @param cause the underlying error, or {@code null}
   */
  public ModelResponseException(String modelId, String message, Throwable cause) {
    super(modelId, message, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
