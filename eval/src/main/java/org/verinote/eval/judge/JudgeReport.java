package org.verinote.eval.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;

/**
 * The judge's scores over the sampled items with cost and latency accounting.
 *
 * @param rubricId the rubric used
 * @param modelId the judge model ({@code id@version})
 * @param scores one per sampled item, in input order
 * @param costUsd estimated cost from the configured token prices (0 when prices are not set or usage unknown)
 */
public record JudgeReport(String rubricId, String modelId, List<JudgeScore> scores, double costUsd) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if an argument is null
   */
  public JudgeReport {
    Objects.requireNonNull(rubricId, "rubricId");
    Objects.requireNonNull(modelId, "modelId");
    scores = List.copyOf(scores);
  }

  /** @return the share of answers that parsed, in [0, 1]; 0 for an empty report */
  public double validShare() {
    return scores.isEmpty() ? 0 : scores.stream().filter(JudgeScore::valid).count() / (double) scores.size();
  }

  /**
   * The mean score of a criterion over the valid answers.
   *
   * @param criterion the key
   * @return the mean in [1, 5], NaN if no valid answer
   */
  public double mean(String criterion) {
    return scores.stream().filter(JudgeScore::valid).mapToInt(s -> s.scores().getOrDefault(criterion, 0))
        .filter(v -> v > 0).average().orElse(Double.NaN);
  }

  /** @return mean model-call latency in milliseconds, NaN if empty */
  public double meanLatencyMillis() {
    return scores.stream().mapToDouble(JudgeScore::latencyMillis).average().orElse(Double.NaN);
  }

  /** @return total prompt + completion tokens reported (unknown counts as 0) */
  public long totalTokens() {
    return scores.stream().mapToLong(s -> Math.max(0, s.inputTokens()) + Math.max(0, s.outputTokens())).sum();
  }

  /**
   * Adds {@code judge.<criterion>} metrics to the judged cases of a run (other cases unchanged), so judge scores
   * are reported and gated alongside the automatic metrics.
   *
   * @param run the run
   * @return a new run
   */
  public EvalRun mergeInto(EvalRun run) {
    Map<String, JudgeScore> byId = new LinkedHashMap<>();
    scores.forEach(s -> byId.put(s.id(), s));
    List<CaseResult> cases = new ArrayList<>();
    for (CaseResult c : run.cases()) {
      JudgeScore s = byId.get(c.id());
      if (s == null || !s.valid()) {
        cases.add(c);
        continue;
      }
      Map<String, Double> m = new LinkedHashMap<>(c.metrics());
      s.scores().forEach((k, v) -> m.put("judge." + k, v.doubleValue()));
      m.put("judge.latency_ms", s.latencyMillis());
      cases.add(new CaseResult(c.id(), m));
    }
    Map<String, String> meta = new LinkedHashMap<>(run.metadata());
    meta.put("judge.model", modelId);
    meta.put("judge.rubric", rubricId);
    meta.put("judge.sampled", Integer.toString(scores.size()));
    meta.put("judge.cost_usd", String.format(java.util.Locale.ROOT, "%.6f", costUsd));
    return new EvalRun(run.name(), meta, cases);
  }
}
