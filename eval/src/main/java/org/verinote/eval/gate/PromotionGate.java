package org.verinote.eval.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;
import org.verinote.eval.stats.Interval;
import org.verinote.eval.stats.Statistics;

/**
 * Decides whether a candidate configuration may replace the baseline: both runs are paired per case id, and for every
 * gated metric the per-case improvement (candidate − baseline, sign flipped for lower-is-better metrics) is
 * bootstrapped. The metric passes when the interval's lower bound is at least {@code -tolerance} — a non-inferiority
 * test: the candidate must be shown not to be worse by more than the tolerance. The gate passes only if every gated
 * metric passes.
 *
 * <p>Immutable and thread-safe; deterministic for a given seed.
 *
 * {@snippet :
 * PromotionGate gate = PromotionGate.builder()
 *     .gate("rougeLsum", 1.0)          // at most 1 ROUGE point worse
 *     .gate("fidelity", 0.02)          // at most 2 percentage points less supported text
 *     .gateLowerIsBetter("hedges", 0.1)
 *     .build();
 * GateVerdict v = gate.evaluate(baselineRun, candidateRun);
 * System.exit(v.exitCode());
 * }
 */
public final class PromotionGate {

  private record Rule(double tolerance, boolean higherIsBetter) {}

  private static final PromotionGate STANDARD = builder().gate("rouge1", 1.0).gate("rouge2", 1.0)
      .gate("rougeLsum", 1.0).gate("fidelity", 0.02).gate("completeness", 0.02).gateLowerIsBetter("failed", 0.0)
      .build();

  private final Map<String, Rule> rules;
  private final List<String> order;
  private final int resamples;
  private final double confidence;
  private final long seed;

  private PromotionGate(Builder b) {
    this.rules = Map.copyOf(b.rules);
    this.order = List.copyOf(b.rules.keySet());
    this.resamples = b.resamples;
    this.confidence = b.confidence;
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
   * The default gate for ACI-Bench style runs: rouge1, rouge2, rougeLsum (1 point each), fidelity and completeness
   * (0.02), failed (lower is better, 0).
   *
   * @return the gate
   */
  public static PromotionGate standard() {
    return STANDARD;
  }


  /**
   * {@link #standard()} restricted to the metrics both runs contain (a ROUGE-only run from {@code eval score} has no
   * fidelity), so the default gate applies to any pair of runs.
   *
   * @param baseline the baseline run
   * @param candidate the candidate run
   * @return the gate
   * @throws InvalidInputException if the runs share none of the standard metrics
   */
  public static PromotionGate standardFor(EvalRun baseline, EvalRun candidate) {
    Builder b = builder();
    for (String m : STANDARD.order) {
      if (baseline.metricNames().contains(m) && candidate.metricNames().contains(m)) {
        Rule r = STANDARD.rules.get(m);
        b.add(m, r.tolerance, r.higherIsBetter);
      }
    }
    if (b.rules.isEmpty()) {
      throw new InvalidInputException("Expected both runs to contain at least one of " + STANDARD.order
          + ", found none in common. Gate explicit metrics instead.");
    }
    return b.build();
  }

  /**
   * Compares the runs.
   *
   * @param baseline the production configuration's run
   * @param candidate the new configuration's run
   * @return the verdict
   * @throws InvalidInputException if the runs share no case, or a gated metric is missing from every paired case
   */
  public GateVerdict evaluate(EvalRun baseline, EvalRun candidate) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(candidate, "candidate");
    Map<String, CaseResult> base = new HashMap<>();
    baseline.cases().forEach(c -> base.put(c.id(), c));
    List<CaseResult[]> pairs = new ArrayList<>();
    TreeSet<String> unpaired = new TreeSet<>(base.keySet());
    for (CaseResult c : candidate.cases()) {
      CaseResult b = base.get(c.id());
      if (b == null) {
        unpaired.add(c.id());
      } else {
        unpaired.remove(c.id());
        pairs.add(new CaseResult[] {b, c});
      }
    }
    if (pairs.isEmpty()) {
      throw new InvalidInputException("Expected the baseline and candidate runs to share case ids, found none in"
          + " common (" + baseline.cases().size() + " and " + candidate.cases().size()
          + " cases). Evaluate both on the same dataset.");
    }
    List<MetricVerdict> verdicts = new ArrayList<>();
    boolean all = true;
    for (String metric : order) {
      Rule rule = rules.get(metric);
      List<double[]> values = new ArrayList<>();
      for (CaseResult[] p : pairs) {
        Double b = p[0].metrics().get(metric);
        Double c = p[1].metrics().get(metric);
        if (b != null && c != null) {
          values.add(new double[] {b, c});
        }
      }
      if (values.isEmpty()) {
        throw new InvalidInputException("Gated metric '" + metric + "' is missing from every paired case. Found "
            + "metrics " + candidate.metricNames() + ". Remove it from the gate or produce it in both runs.");
      }
      double[] improvement = new double[values.size()];
      double[] bs = new double[values.size()];
      double[] cs = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        bs[i] = values.get(i)[0];
        cs[i] = values.get(i)[1];
        double d = cs[i] - bs[i];
        improvement[i] = rule.higherIsBetter ? d : -d;
      }
      Interval ci = Statistics.bootstrapMean(improvement, resamples, confidence, seed);
      boolean pass = ci.low() >= -rule.tolerance - 1e-12;
      all &= pass;
      verdicts.add(new MetricVerdict(metric, rule.higherIsBetter, Statistics.mean(bs), Statistics.mean(cs), ci,
          rule.tolerance, pass));
    }
    return GateVerdict.of(all, pairs.size(), verdicts, new ArrayList<>(unpaired));
  }

  /** Builds a {@link PromotionGate}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private int resamples = 2000;
    private double confidence = 0.95;
    private long seed = 20231;

    private Builder() {}

    /**
     * Gates a higher-is-better metric.
     *
     * @param metric the metric name
     * @param tolerance how much lower the candidate may be, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if the tolerance is negative or not finite
     * @throws IllegalStateException if the metric is already gated
     */
    public Builder gate(String metric, double tolerance) {
      return add(metric, tolerance, true);
    }

    /**
     * Gates a lower-is-better metric (failures, hedges, latency).
     *
     * @param metric the metric name
     * @param tolerance how much higher the candidate may be, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if the tolerance is negative or not finite
     * @throws IllegalStateException if the metric is already gated
     */
    public Builder gateLowerIsBetter(String metric, double tolerance) {
      return add(metric, tolerance, false);
    }

    /**
     * Sets the bootstrap resamples (default 2000).
     *
     * @param n at least 100
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 100}
     */
    public Builder resamples(int n) {
      if (n < 100) {
        throw new IllegalArgumentException("resamples must be >= 100, got " + n);
      }
      this.resamples = n;
      return this;
    }

    /**
     * Sets the confidence level (default 0.95).
     *
     * @param c in (0.5, 1)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder confidence(double c) {
      if (!(c > 0.5 && c < 1)) {
        throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + c);
      }
      this.confidence = c;
      return this;
    }

    /**
     * Sets the bootstrap seed (default fixed, so verdicts are reproducible).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    private Builder add(String metric, double tolerance, boolean higher) {
      Objects.requireNonNull(metric, "metric");
      if (metric.isBlank()) {
        throw new IllegalArgumentException("metric must not be blank");
      }
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException("tolerance for " + metric + " must be a finite number >= 0, got "
            + tolerance);
      }
      if (rules.containsKey(metric)) {
        throw new IllegalStateException("metric " + metric + " is already gated");
      }
      rules.put(metric, new Rule(tolerance, higher));
      return this;
    }

    /**
     * Builds the gate.
     *
     * @return the gate
     * @throws IllegalStateException if no metric is gated
     */
    public PromotionGate build() {
      if (rules.isEmpty()) {
        throw new IllegalStateException("PromotionGate needs at least one gated metric");
      }
      return new PromotionGate(this);
    }
  }
}
