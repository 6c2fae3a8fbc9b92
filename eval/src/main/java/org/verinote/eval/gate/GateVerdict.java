package org.verinote.eval.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The promotion gate's machine-readable verdict.
 *
 * @param passed {@code true} only if every gated metric passed
 * @param pairedCases number of cases present in both runs
 * @param metrics one verdict per gated metric, in configuration order
 * @param unpairedCases ids present in only one run (ignored by the gate), sorted
 */
public record GateVerdict(boolean passed, int pairedCases, List<MetricVerdict> metrics, List<String> unpairedCases) {

  /** Exit code for a passing gate. */
  public static final int EXIT_PASS = 0;
  /** Exit code for a refused candidate. */
  public static final int EXIT_FAIL = 3;

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public GateVerdict {
    metrics = List.copyOf(metrics);
    unpairedCases = List.copyOf(unpairedCases);
  }

  /** @return {@link #EXIT_PASS} or {@link #EXIT_FAIL}, for CI pipelines */
  public int exitCode() {
    return passed ? EXIT_PASS : EXIT_FAIL;
  }

  /**
   * The verdict as JSON: {@code {"passed": …, "pairedCases": …, "metrics": [{"metric", "baselineMean",
   * "candidateMean", "improvement", "ciLow", "ciHigh", "confidence", "tolerance", "higherIsBetter", "passed"}],
   * "unpairedCases": […]}}.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("format", "verinote-gate-verdict/1");
    root.put("passed", passed);
    root.put("pairedCases", pairedCases);
    ArrayNode arr = root.putArray("metrics");
    for (MetricVerdict m : metrics) {
      ObjectNode n = arr.addObject();
      n.put("metric", m.metric());
      n.put("passed", m.passed());
      n.put("baselineMean", m.baselineMean());
      n.put("candidateMean", m.candidateMean());
      n.put("improvement", m.improvement().estimate());
      n.put("ciLow", m.improvement().low());
      n.put("ciHigh", m.improvement().high());
      n.put("confidence", m.improvement().confidence());
      n.put("tolerance", m.tolerance());
      n.put("higherIsBetter", m.higherIsBetter());
    }
    ArrayNode un = root.putArray("unpairedCases");
    unpairedCases.forEach(un::add);
    try {
      return json.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise the gate verdict", e);
    }
  }

  /**
   * A one-line-per-metric summary for humans (Markdown table).
   *
   * @return the summary
   */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("Gate: ").append(passed ? "**PASS**" : "**FAIL**").append(" (").append(pairedCases)
        .append(" paired cases)\n\n");
    b.append("| metric | baseline | candidate | improvement [CI] | tolerance | verdict |\n");
    b.append("|---|---:|---:|---|---:|---|\n");
    for (MetricVerdict m : metrics) {
      b.append(String.format(java.util.Locale.ROOT, "| %s | %.4f | %.4f | %+.4f [%+.4f, %+.4f] | %.4f | %s |%n",
          m.metric(), m.baselineMean(), m.candidateMean(), m.improvement().estimate(), m.improvement().low(),
          m.improvement().high(), m.tolerance(), m.passed() ? "pass" : "FAIL"));
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "GateVerdict[passed=" + passed + ", paired=" + pairedCases + ", metrics=" + metrics.size() + "]";
  }

  static GateVerdict of(boolean passed, int paired, List<MetricVerdict> metrics, List<String> unpaired) {
    return new GateVerdict(passed, paired, Objects.requireNonNull(metrics), unpaired);
  }
}
