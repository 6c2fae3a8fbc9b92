package org.verinote.eval.gate;

import org.verinote.eval.stats.Interval;

/**
 * The gate's judgement on one metric.
 *
 * @param metric the metric name
 * @param higherIsBetter the metric's direction
 * @param baselineMean mean over the paired cases, baseline
 * @param candidateMean mean over the paired cases, candidate
 * @param improvement bootstrap interval of the mean paired improvement (candidate − baseline, sign flipped for
 *     lower-is-better metrics, so positive is always better)
 * @param tolerance how much worse the candidate may be (same unit as the metric)
 * @param passed whether the lower bound of {@code improvement} is at least {@code -tolerance}
 */
public record MetricVerdict(String metric, boolean higherIsBetter, double baselineMean, double candidateMean,
    Interval improvement, double tolerance, boolean passed) {}
