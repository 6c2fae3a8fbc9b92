package org.verinote.eval.judge;

import java.util.Map;
import java.util.Objects;

/**
 * The judge's answer for one item.
 *
 * @param id the case id
 * @param scores criterion → score in 1..5; empty when the answer could not be parsed
 * @param valid whether the answer was a JSON object with an integer 1..5 for every criterion
 * @param latencyMillis wall-clock time of the model call
 * @param inputTokens prompt tokens reported by the provider, -1 if unknown
 * @param outputTokens completion tokens reported by the provider, -1 if unknown
 */
public record JudgeScore(String id, Map<String, Integer> scores, boolean valid, double latencyMillis,
    int inputTokens, int outputTokens) {

  /**
   * Copies the map.
   *
   * @throws NullPointerException if an argument is null
   */
  public JudgeScore {
    Objects.requireNonNull(id, "id");
    scores = Map.copyOf(scores);
  }
}
