package org.verinote.core;

/**
 * The model endpoint rejected the request as invalid (HTTP 400, 404, 422): wrong model name, bad parameters. Not retriable.
 */
public final class ModelInvalidRequestException extends ModelException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param message what happened; never the prompt or response text
   * @param cause the underlying error, or {@code null}
   */
  public ModelInvalidRequestException(String modelId, String message, Throwable cause) {
    super(modelId, message, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
