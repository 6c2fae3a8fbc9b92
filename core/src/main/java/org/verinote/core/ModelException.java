package org.verinote.core;

/**
 * A {@link org.verinote.core.model.ModelProvider} call failed.
 *
 * <p>The concrete subtype says how: {@link ModelAuthenticationException} (HTTP 401/403),
 * {@link ModelInvalidRequestException} (400/404/422), {@link ModelRateLimitedException} (429, with the server's
 * Retry-After), {@link ModelServerException} (5xx), {@link ModelTimeoutException},
 * {@link ModelResponseException} (a 2xx whose body is not what the protocol promises) and
 * {@link ModelUnavailableException} (the call was not attempted: circuit open, bulkhead full, no provider left).
 * Messages never contain the prompt or the response text.
 */
public abstract sealed class ModelException extends VerinoteException
    permits ModelAuthenticationException, ModelInvalidRequestException, ModelRateLimitedException,
        ModelServerException, ModelTimeoutException, ModelResponseException, ModelUnavailableException {
  private static final long serialVersionUID = 1L;

  private final String modelId;

  ModelException(String modelId, String message, Throwable cause) {
    super(message, cause);
    this.modelId = modelId;
  }

  /**
   * The id of the model whose call failed.
   *
   * @return the model id as configured, e.g. {@code "openai:gpt-4o"}
   */
  public String modelId() {
    return modelId;
  }
}
