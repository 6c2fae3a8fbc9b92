package org.verinote.eval.stats;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the point estimate
 * @param low the lower bound
 * @param high the upper bound
 * @param confidence the confidence level, e.g. 0.95
 */
public record Interval(double estimate, double low, double high, double confidence) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code low > high} or the confidence is not in (0, 1)
   */
  public Interval {
    if (low > high) {
      throw new IllegalArgumentException("Interval low must be <= high, got " + low + " > " + high);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
  }
}
