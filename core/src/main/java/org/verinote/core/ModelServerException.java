package org.verinote.core;

/**
 * The model endpoint failed with a server error (HTTP 5xx). Retriable.
 */
public final class ModelServerException extends ModelException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param status the HTTP status code (500–599)
   * @param message what happened; never the prompt or response text
   * @param cause the underlying error, or {@code null}
   */
  public ModelServerException(String modelId, int status, String message, Throwable cause) {
    super(modelId, message, cause);
    this.status = status;
  }

  /**
   * The HTTP status the server answered.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
