package org.verinote.core;

/**
 * The model endpoint refused the credentials (HTTP 401 or 403). Not retriable: fix the key.
 */
public final class ModelAuthenticationException extends ModelException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param message what happened; never the prompt or response text
   * @param cause the underlying error, or {@code null}
   */
  public ModelAuthenticationException(String modelId, String message, Throwable cause) {
    super(modelId, message, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
