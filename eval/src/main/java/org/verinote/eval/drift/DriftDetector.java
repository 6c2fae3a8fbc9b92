package org.verinote.eval.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.stats.Interval;
import org.verinote.eval.stats.Statistics;

/**
 * Detects when a metric has moved: over a time-ordered stream, the most recent {@code recentWindow} points are
 * compared with the {@code referenceWindow} points before them (default: everything before) by a two-sided
 * Mann-Whitney U test and a bootstrap interval of the mean shift. The metric has drifted when the test is significant
 * ({@code p < alpha}) and the absolute shift exceeds the threshold. The report also carries the simple "first half vs
 * second half" means and a rolling mean for charts.
 *
 * <p>Immutable and thread-safe; deterministic for a given seed.
 */
public final class DriftDetector {

  private final int recentWindow;
  private final int referenceWindow;
  private final double threshold;
  private final double alpha;
  private final long seed;

  private DriftDetector(Builder b) {
    this.recentWindow = b.recentWindow;
    this.referenceWindow = b.referenceWindow;
    this.threshold = b.threshold;
    this.alpha = b.alpha;
    this.seed = b.seed;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks one metric's stream. Points are sorted by time first (stable for equal times).
   *
   * @param metric the metric name (for the report)
   * @param points the observations
   * @return the report
   * @throws InvalidInputException if there are fewer than {@code recentWindow + 2} points
   */
  public DriftReport detect(String metric, List<ScorePoint> points) {
    Objects.requireNonNull(metric, "metric");
    List<ScorePoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparing(ScorePoint::time));
    int n = sorted.size();
    if (n < recentWindow + 2) {
      throw new InvalidInputException("Drift detection on '" + metric + "' needs at least " + (recentWindow + 2)
          + " points (recent window " + recentWindow + " plus a reference), found " + n
          + ". Collect more scores or shrink --recent.");
    }
    double[] values = sorted.stream().mapToDouble(ScorePoint::value).toArray();
    int refEnd = n - recentWindow;
    int refStart = referenceWindow > 0 ? Math.max(0, refEnd - referenceWindow) : 0;
    double[] reference = Arrays.copyOfRange(values, refStart, refEnd);
    double[] recent = Arrays.copyOfRange(values, refEnd, n);
    Statistics.MannWhitney mw = Statistics.mannWhitney(reference, recent);
    Interval shift = shiftInterval(reference, recent);
    double firstHalf = Statistics.mean(Arrays.copyOfRange(values, 0, n / 2));
    double secondHalf = Statistics.mean(Arrays.copyOfRange(values, n / 2, n));
    List<Double> rolling = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
      if (i >= recentWindow) {
        sum -= values[i - recentWindow];
      }
      rolling.add(sum / Math.min(i + 1, recentWindow));
    }
    boolean drifted = mw.pValue() < alpha && Math.abs(shift.estimate()) > threshold;
    return new DriftReport(metric, reference.length, recent.length, Statistics.mean(reference),
        Statistics.mean(recent), shift, mw.pValue(), firstHalf, secondHalf, drifted, rolling);
  }

  /** Bootstrap of the difference of means (independent resampling of both windows). */
  private Interval shiftInterval(double[] reference, double[] recent) {
    SplittableRandom random = new SplittableRandom(seed);
    int resamples = 2000;
    double[] diffs = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      diffs[r] = resampledMean(recent, random) - resampledMean(reference, random);
    }
    Arrays.sort(diffs);
    double low = diffs[(int) Math.floor(0.025 * (resamples - 1))];
    double high = diffs[(int) Math.ceil(0.975 * (resamples - 1))];
    return new Interval(Statistics.mean(recent) - Statistics.mean(reference), low, high, 0.95);
  }

  private static double resampledMean(double[] v, SplittableRandom random) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[random.nextInt(v.length)];
    }
    return s / v.length;
  }

  /** Builds a {@link DriftDetector}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private int recentWindow = 50;
    private int referenceWindow = 0;
    private double threshold = 0.0;
    private double alpha = 0.05;
    private long seed = 7;

    private Builder() {}

    /**
     * Sets the recent window size (default 50).
     *
     * @param n at least 3
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 3}
     */
    public Builder recentWindow(int n) {
      if (n < 3) {
        throw new IllegalArgumentException("recentWindow must be >= 3, got " + n);
      }
      this.recentWindow = n;
      return this;
    }

    /**
     * Sets the reference window size (default 0 = every point before the recent window).
     *
     * @param n 0 or at least 3
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is 1, 2 or negative
     */
    public Builder referenceWindow(int n) {
      if (n != 0 && n < 3) {
        throw new IllegalArgumentException("referenceWindow must be 0 (all) or >= 3, got " + n);
      }
      this.referenceWindow = n;
      return this;
    }

    /**
     * Sets the minimum absolute mean shift that counts as drift (default 0, any significant shift).
     *
     * @param t the threshold, {@code >= 0}, in the metric's unit
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder threshold(double t) {
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + t);
      }
      this.threshold = t;
      return this;
    }

    /**
     * Sets the significance level (default 0.05).
     *
     * @param a in (0, 0.5]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder alpha(double a) {
      if (!(a > 0 && a <= 0.5)) {
        throw new IllegalArgumentException("alpha must be in (0, 0.5], got " + a);
      }
      this.alpha = a;
      return this;
    }

    /**
     * Sets the bootstrap seed.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the detector.
     *
     * @return the detector
     */
    public DriftDetector build() {
      return new DriftDetector(this);
    }
  }
}
