package org.verinote.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.Finding;
import org.verinote.core.InvalidInputException;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.rouge.AciBenchRouge;
import org.verinote.eval.rouge.CorpusRouge;
import org.verinote.eval.rouge.Division;
import org.verinote.eval.rouge.RougeScores;
import org.verinote.eval.rouge.RougeType;
import org.verinote.guardrails.AuditResult;
import org.verinote.guardrails.Guardrails;

/**
 * Turns predictions into an {@link EvalRun} of ROUGE metrics with ACI-Bench's protocol: per case {@code rouge1},
 * {@code rouge2}, {@code rougeL}, {@code rougeLsum} (F1 × 100) and the same per division
 * ({@code subjective.rouge1}, …). The metadata carries the exact ACI-Bench table values ({@code table.rouge1},
 * {@code table.subjective.rouge1}, …: numpy-compatible mean of F1, × 100, two decimals).
 *
 * <p>Thread-safe (stateless).
 */
public final class Scoring {

  private Scoring() {}

  /**
   * Scores aligned predictions against a dataset's references.
   *
   * @param name the run name
   * @param dataset the gold data
   * @param predictions one text per case (null = missing, scored as {@code "nan"} like ACI-Bench)
   * @param metadata descriptive metadata to attach
   * @return the run
   * @throws IllegalArgumentException if the sizes differ
   */
  public static EvalRun rouge(String name, Dataset dataset, List<String> predictions, Map<String, String> metadata) {
    Objects.requireNonNull(dataset, "dataset");
    AciBenchRouge.Result r = AciBenchRouge.create().evaluate(dataset.references(), predictions);
    List<Map<String, Double>> metrics = rougeMetrics(r);
    List<CaseResult> cases = new ArrayList<>();
    for (int i = 0; i < dataset.size(); i++) {
      cases.add(new CaseResult(dataset.cases().get(i).id(), metrics.get(i)));
    }
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put("dataset", dataset.name());
    meta.put("protocol", "aci-bench evaluate_fullnote.py; rouge-score 0.1.2, no stemming");
    for (RougeType t : RougeType.values()) {
      meta.put("table." + t.key(), r.all().tableValue(t));
      for (Division d : Division.values()) {
        meta.put("table." + d.key() + "." + t.key(), r.divisions().get(d).tableValue(t));
      }
    }
    return new EvalRun(name, meta, cases);
  }

  /** Per-case metric maps (F1 × 100) for the full notes and each division. */
  static List<Map<String, Double>> rougeMetrics(AciBenchRouge.Result r) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (int i = 0; i < r.all().size(); i++) {
      Map<String, Double> m = new LinkedHashMap<>();
      put(m, "", r.all().items().get(i));
      for (Division d : Division.values()) {
        CorpusRouge c = r.divisions().get(d);
        put(m, d.key() + ".", c.items().get(i));
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Audits predictions with a guardrail chain against each case's transcript and adds {@code fidelity} (1 − share of
   * sentences with a grounding finding, from {@link Guardrails#audit}), {@code audit.findings} and
   * {@code audit.findings.<layer>} to the run's cases. Works for any system's plain-text notes (parsed with
   * {@link Guardrails#parseNote}); a missing or blank prediction, or a transcript that does not parse, gets no audit
   * metrics.
   *
   * @param run a run over {@code dataset} (same case ids)
   * @param dataset the dataset with the transcripts
   * @param predictions the note texts, aligned with the dataset
   * @param chain the audit chain, e.g. {@link Guardrails#standard()}
   * @return a new run with the audit metrics
   */
  public static EvalRun audit(EvalRun run, Dataset dataset, List<String> predictions, GuardrailChain chain) {
    Objects.requireNonNull(chain, "chain");
    Map<String, Map<String, Double>> extra = new LinkedHashMap<>();
    for (int i = 0; i < dataset.size(); i++) {
      String p = predictions.get(i);
      if (p == null || p.isBlank()) {
        continue;
      }
      try {
        Transcript t = Transcript.parse(dataset.cases().get(i).transcript());
        extra.put(dataset.cases().get(i).id(), auditMetrics(chain, t, Guardrails.parseNote(p)));
      } catch (InvalidInputException e) {
        // unparseable transcript or note: no audit metrics for this case
      }
    }
    List<CaseResult> cases = new ArrayList<>();
    for (CaseResult c : run.cases()) {
      Map<String, Double> add = extra.get(c.id());
      if (add == null) {
        cases.add(c);
      } else {
        Map<String, Double> m = new LinkedHashMap<>(c.metrics());
        m.putAll(add);
        cases.add(new CaseResult(c.id(), m));
      }
    }
    Map<String, String> meta = new LinkedHashMap<>(run.metadata());
    meta.put("audit", "verinote-guardrails standard chain");
    return new EvalRun(run.name(), meta, cases);
  }

  /** fidelity = 1 − unsupported share; finding counts, total and per layer. */
  static Map<String, Double> auditMetrics(GuardrailChain chain, Transcript transcript, StructuredNote note) {
    Map<String, Double> m = new LinkedHashMap<>();
    AuditResult a = Guardrails.audit(chain, transcript, note);
    m.put("fidelity", 1.0 - a.unsupported());
    m.put("audit.findings", (double) a.chain().findings().size());
    for (Finding f : a.chain().findings()) {
      m.merge("audit.findings." + f.layer(), 1.0, Double::sum);
    }
    return m;
  }

  private static void put(Map<String, Double> m, String prefix, RougeScores s) {
    for (RougeType t : RougeType.values()) {
      m.put(prefix + t.key(), s.get(t).fmeasure() * 100);
    }
  }
}
