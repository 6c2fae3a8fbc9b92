package org.verinote.core.model;

/**
 * Token usage a model endpoint reported for one call; {@code -1} where it reported nothing.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 */
public record Usage(int inputTokens, int outputTokens) {

  /** Usage that was not reported. */
  public static final Usage UNKNOWN = new Usage(-1, -1);
}
