package org.verinote.eval.drift;

import java.util.List;
import org.verinote.eval.stats.Interval;

/**
 * The drift detector's finding for one metric.
 *
 * @param metric the metric name
 * @param referenceSize points in the reference window
 * @param recentSize points in the recent window
 * @param referenceMean mean of the reference window
 * @param recentMean mean of the recent window
 * @param shift bootstrap interval of {@code recentMean − referenceMean}
 * @param mannWhitneyP two-sided Mann-Whitney p-value (normal approximation)
 * @param firstHalfMean mean of the first half of the whole stream (the sliding "first half vs second half" check)
 * @param secondHalfMean mean of the second half
 * @param drifted whether the metric moved beyond the threshold: {@code p < alpha} and {@code |shift| > threshold}
 * @param rollingMeans rolling means over the stream (window = recent window size), for charts
 */
public record DriftReport(String metric, int referenceSize, int recentSize, double referenceMean, double recentMean,
    Interval shift, double mannWhitneyP, double firstHalfMean, double secondHalfMean, boolean drifted,
    List<Double> rollingMeans) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if the list is null
   */
  public DriftReport {
    rollingMeans = List.copyOf(rollingMeans);
  }
}
