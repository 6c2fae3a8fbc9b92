package org.verinote.eval.drift;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a metric in a time-ordered stream (a production review, a nightly eval).
 *
 * @param time when it was observed
 * @param value the metric value, finite
 */
public record ScorePoint(Instant time, double value) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the time is null
   * @throws IllegalArgumentException if the value is not finite
   */
  public ScorePoint {
    Objects.requireNonNull(time, "time");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("ScorePoint value must be finite, got " + value);
    }
  }
}
