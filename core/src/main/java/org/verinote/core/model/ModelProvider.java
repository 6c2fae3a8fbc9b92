package org.verinote.core.model;

import org.verinote.core.ModelException;

/**
 * A model that turns a prompt into text: a hosted API, a local server, or an in-process model.
 *
 * <p>Implementations must be thread-safe: one instance serves many encounters concurrently.
 */
public interface ModelProvider {

  /**
   * Identity and capabilities. Cheap; called on every request.
   *
   * @return the model info
   */
  ModelInfo info();

  /**
   * Generates a completion.
   *
   * @param request the request; its messages are already de-identified and egress-checked when de-identification
   *     is on
   * @return the response
   * @throws NullPointerException if {@code request} is null
   * @throws ModelException (one of its subtypes) when the model cannot answer: authentication, invalid request,
   *     rate limit, server error, timeout, malformed response, unavailable
   */
  ModelResponse generate(ModelRequest request);
}
