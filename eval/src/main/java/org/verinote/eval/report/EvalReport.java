package org.verinote.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.drift.DriftReport;
import org.verinote.eval.gate.GateVerdict;
import org.verinote.eval.rouge.Division;

/**
 * Renders evaluation results for people and machines: JSON (the runs, as {@link EvalRuns} writes them), Markdown
 * (for pull requests) and a self-contained HTML page with inline SVG charts — score distributions, per-division
 * bars, drift over time, the gate verdict. The page loads nothing external and opens offline.
 *
 * <p>Reports contain metric values, ids and metadata only, never note or transcript text. Immutable and
 * thread-safe.
 */
public final class EvalReport {

  private static final List<String> HEADLINE = List.of("rouge1", "rouge2", "rougeL", "rougeLsum", "completeness",
      "fidelity", "evidence_share", "structure_ok", "failed", "latency_ms");

  private final String title;
  private final List<EvalRun> runs;
  private final List<DriftReport> drift;
  private final GateVerdict gate;

  private EvalReport(Builder b) {
    this.title = b.title;
    this.runs = List.copyOf(b.runs);
    this.drift = List.copyOf(b.drift);
    this.gate = b.gate;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the runs as a JSON array of {@code verinote-eval-run/1} objects */
  public String toJson() {
    StringBuilder b = new StringBuilder("[\n");
    for (int i = 0; i < runs.size(); i++) {
      b.append(EvalRuns.toJson(runs.get(i)).strip()).append(i + 1 < runs.size() ? ",\n" : "\n");
    }
    return b.append("]\n").toString();
  }

  /** @return a Markdown summary: a metric × run table, the gate verdict and drift findings */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
    List<String> metrics = metrics();
    b.append("| metric |");
    runs.forEach(r -> b.append(' ').append(r.name()).append(" |"));
    b.append("\n|---|");
    runs.forEach(r -> b.append("---:|"));
    b.append('\n');
    for (String m : metrics) {
      b.append("| ").append(m).append(" |");
      for (EvalRun r : runs) {
        double v = r.mean(m);
        b.append(' ').append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v)).append(" |");
      }
      b.append('\n');
    }
    runs.forEach(r -> b.append("\n").append(r.name()).append(": ").append(r.cases().size()).append(" cases")
        .append(r.metadata().isEmpty() ? "" : ", " + r.metadata()));
    b.append("\n");
    if (gate != null) {
      b.append("\n## Promotion gate\n\n").append(gate.toMarkdown());
    }
    if (!drift.isEmpty()) {
      b.append("\n## Drift\n\n| metric | reference mean | recent mean | shift [95% CI] | p | drifted |\n")
          .append("|---|---:|---:|---|---:|---|\n");
      for (DriftReport d : drift) {
        b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f [%+.3f, %+.3f] | %.4f | %s |%n", d.metric(),
            d.referenceMean(), d.recentMean(), d.shift().estimate(), d.shift().low(), d.shift().high(),
            d.mannWhitneyP(), d.drifted() ? "**yes**" : "no"));
      }
    }
    return b.toString();
  }

  /** @return a self-contained HTML page */
  public String toHtml() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
        .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:"
            + "collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{"
            + "text-align:left}.pass{color:#2a7}.fail{color:#c22;font-weight:bold}</style></head><body>\n");
    b.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    b.append("<h2>Summary</h2>\n<table><tr><th>metric</th>");
    runs.forEach(r -> b.append("<th>").append(Html.escape(r.name())).append("</th>"));
    b.append("</tr>\n");
    for (String m : metrics()) {
      b.append("<tr><td>").append(Html.escape(m)).append("</td>");
      for (EvalRun r : runs) {
        double v = r.mean(m);
        b.append("<td>").append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    List<String> names = runs.stream().map(EvalRun::name).toList();
    if (!runs.isEmpty() && runs.stream().anyMatch(r -> r.values("rougeLsum").length > 0)) {
      List<double[]> dist = runs.stream().map(r -> r.values("rougeLsum")).toList();
      b.append("<h2>Score distribution</h2>\n").append(Svg.histogram("rougeLsum per case (F1 x 100)", names, dist,
          100)).append('\n');
      List<String> labels = new ArrayList<>();
      for (Division d : Division.values()) {
        labels.add(d.key());
      }
      double[][] values = new double[runs.size()][labels.size()];
      for (int s = 0; s < runs.size(); s++) {
        for (int g = 0; g < labels.size(); g++) {
          values[s][g] = runs.get(s).mean(labels.get(g) + ".rougeLsum");
        }
      }
      b.append("<h2>Per-section scores</h2>\n").append(Svg.bars("rougeLsum by ACI-Bench division", labels, names,
          values, 100)).append('\n');
    }
    if (gate != null) {
      b.append("<h2>Promotion gate: <span class=\"").append(gate.passed() ? "pass\">PASS" : "fail\">FAIL")
          .append("</span></h2>\n<table><tr><th>metric</th><th>baseline</th><th>candidate</th><th>improvement</th>"
              + "<th>95% CI</th><th>tolerance</th><th>verdict</th></tr>\n");
      gate.metrics().forEach(m -> b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td>"
          + "<td>%+.4f</td><td>[%+.4f, %+.4f]</td><td>%.4f</td><td class=\"%s\">%s</td></tr>%n",
          Html.escape(m.metric()), m.baselineMean(), m.candidateMean(), m.improvement().estimate(),
          m.improvement().low(), m.improvement().high(), m.tolerance(), m.passed() ? "pass" : "fail",
          m.passed() ? "pass" : "FAIL")));
      b.append("</table>\n");
    }
    if (!drift.isEmpty()) {
      b.append("<h2>Drift over time</h2>\n");
      for (DriftReport d : drift) {
        b.append(Svg.line("rolling mean of " + d.metric() + (d.drifted() ? " (DRIFTED)" : ""), List.of(d.metric()),
            List.of(d.rollingMeans()))).append('\n');
        b.append(String.format(Locale.ROOT, "<p>%s: reference %.3f, recent %.3f, shift %+.3f [%+.3f, %+.3f], "
            + "Mann-Whitney p=%.4f, first half %.3f vs second half %.3f.</p>%n", Html.escape(d.metric()),
            d.referenceMean(), d.recentMean(), d.shift().estimate(), d.shift().low(), d.shift().high(),
            d.mannWhitneyP(), d.firstHalfMean(), d.secondHalfMean()));
      }
    }
    return b.append("</body></html>\n").toString();
  }

  private List<String> metrics() {
    Set<String> present = new LinkedHashSet<>();
    runs.forEach(r -> present.addAll(r.metricNames()));
    List<String> out = new ArrayList<>();
    for (String h : HEADLINE) {
      if (present.contains(h)) {
        out.add(h);
      }
    }
    for (String m : present) {
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Builds an {@link EvalReport}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private String title = "Verinote evaluation";
    private final List<EvalRun> runs = new ArrayList<>();
    private final List<DriftReport> drift = new ArrayList<>();
    private GateVerdict gate;

    private Builder() {}

    /**
     * Sets the title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Adds a run (a column of the summary, a series of the charts).
     *
     * @param run the run
     * @return this builder
     */
    public Builder run(EvalRun run) {
      runs.add(Objects.requireNonNull(run, "run"));
      return this;
    }

    /**
     * Adds a drift finding.
     *
     * @param report the finding
     * @return this builder
     */
    public Builder drift(DriftReport report) {
      drift.add(Objects.requireNonNull(report, "report"));
      return this;
    }

    /**
     * Sets the gate verdict.
     *
     * @param verdict the verdict
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder gate(GateVerdict verdict) {
      if (gate != null) {
        throw new IllegalStateException("gate verdict already set");
      }
      this.gate = Objects.requireNonNull(verdict, "verdict");
      return this;
    }

    /**
     * Builds the report.
     *
     * @return the report
     * @throws IllegalStateException if there is neither a run nor a drift finding
     */
    public EvalReport build() {
      if (runs.isEmpty() && drift.isEmpty()) {
        throw new IllegalStateException("A report needs at least one run or drift finding");
      }
      return new EvalReport(this);
    }
  }
}
