package org.verinote.eval.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The statistics the gate and the drift detector use: a seeded percentile bootstrap of the mean and the
 * Mann-Whitney U test with the normal approximation (tie-corrected, continuity-corrected, two-sided).
 *
 * <p>Thread-safe (stateless); every method is deterministic for a given seed.
 */
public final class Statistics {

  private Statistics() {}

  /**
   * The mean.
   *
   * @param values the values
   * @return the mean, NaN if empty
   */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  /**
   * Percentile bootstrap confidence interval of the mean: resample with replacement {@code resamples} times,
   * take the {@code (1-c)/2} and {@code (1+c)/2} quantiles of the resampled means.
   *
   * @param values the sample (e.g. paired differences)
   * @param resamples number of resamples, at least 100
   * @param confidence e.g. 0.95
   * @param seed random seed
   * @return the mean and its interval
   * @throws IllegalArgumentException if the sample is empty or a parameter is out of range
   */
  public static Interval bootstrapMean(double[] values, int resamples, double confidence, long seed) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("bootstrap needs at least one value, got none");
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be >= 100, got " + resamples);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    int n = values.length;
    for (int r = 0; r < resamples; r++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[random.nextInt(n)];
      }
      means[r] = s / n;
    }
    Arrays.sort(means);
    double alpha = (1 - confidence) / 2;
    double low = quantile(means, alpha);
    double high = quantile(means, 1 - alpha);
    return new Interval(mean(values), Math.min(low, high), Math.max(low, high), confidence);
  }

  /**
   * Result of a Mann-Whitney U test.
   *
   * @param u the U statistic of the first sample
   * @param z the standard normal score (continuity-corrected)
   * @param pValue two-sided p-value from the normal approximation
   */
  public record MannWhitney(double u, double z, double pValue) {}

  /**
   * Two-sided Mann-Whitney U test, normal approximation with tie and continuity correction (as
   * {@code scipy.stats.mannwhitneyu(method="asymptotic")}).
   *
   * @param a first sample
   * @param b second sample
   * @return U of {@code a}, z and p
   * @throws IllegalArgumentException if a sample is empty
   */
  public static MannWhitney mannWhitney(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("Mann-Whitney needs two non-empty samples, got " + n1 + " and " + n2);
    }
    int n = n1 + n2;
    double[] all = new double[n];
    System.arraycopy(a, 0, all, 0, n1);
    System.arraycopy(b, 0, all, n1, n2);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(all[x], all[y]));
    double[] ranks = new double[n];
    double tieTerm = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      int t = j - i + 1;
      tieTerm += (double) t * t * t - t;
      i = j + 1;
    }
    double r1 = 0;
    for (int k = 0; k < n1; k++) {
      r1 += ranks[k];
    }
    double u1 = r1 - n1 * (n1 + 1) / 2.0;
    double mu = n1 * (double) n2 / 2.0;
    double sigma = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
    if (sigma == 0) {
      return new MannWhitney(u1, 0.0, 1.0);
    }
    double u = Math.max(u1, n1 * (double) n2 - u1);
    double z = (u - mu - 0.5) / sigma;
    double p = Math.min(1.0, 2 * normalSurvival(z));
    return new MannWhitney(u1, u1 >= mu ? z : -z, p);
  }

  /**
   * The standard normal upper tail {@code P(Z > z)}, via the complementary error function (absolute error below
   * 1.2e-7).
   *
   * @param z the score
   * @return the tail probability
   */
  public static double normalSurvival(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
    double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? y : 2 - y;
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    double frac = pos - lo;
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
  }
}
