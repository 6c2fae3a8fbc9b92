package org.verinote.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The model endpoint rate-limited the call (HTTP 429). Retriable, after {@link #retryAfter()} when the server
 * said how long to wait.
 */
public final class ModelRateLimitedException extends ModelException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param modelId the model whose call failed
   * @param retryAfter the server's Retry-After, or {@code null} if it sent none
   * @param message what happened; never the prompt or response text
   */
  public ModelRateLimitedException(String modelId, Duration retryAfter, String message) {
    super(modelId, message, null);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked the client to wait.
   *
   * @return the wait, or empty if the server sent no Retry-After
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
