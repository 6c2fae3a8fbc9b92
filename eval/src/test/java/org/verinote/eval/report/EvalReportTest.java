package org.verinote.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;
import org.verinote.eval.drift.DriftDetector;
import org.verinote.eval.drift.ScorePoint;
import org.verinote.eval.gate.PromotionGate;

class EvalReportTest {

  private static EvalRun run(String name, double shift) {
    List<CaseResult> cases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cases.add(new CaseResult("c" + i, Map.of("rougeLsum", 40.0 + i + shift, "subjective.rougeLsum", 30.0 + shift,
          "assessment_and_plan.rougeLsum", 20.0)));
    }
    return new EvalRun(name, Map.of("model", "m<1>"), cases);
  }

  private EvalReport report() {
    List<ScorePoint> pts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pts.add(new ScorePoint(Instant.ofEpochSecond(i), i < 30 ? 1 : 0));
    }
    EvalRun a = run("base<script>", 0);
    EvalRun b = run("cand", 1);
    return EvalReport.builder().title("T & <b>").run(a).run(b)
        .gate(PromotionGate.builder().gate("rougeLsum", 1).build().evaluate(a, b))
        .drift(DriftDetector.builder().recentWindow(10).build().detect("fidelity", pts)).build();
  }

  @Test
  void html_isSelfContainedWithInlineSvgAndNoExternalResources() {
    String html = report().toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Per-section scores")
        .contains("Drift over time").contains("Promotion gate");
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
        .doesNotContain("@import").doesNotContain("url(");
  }

  @Test
  void html_escapesRunNamesAndTitle() {
    String html = report().toHtml();
    assertThat(html).contains("base&lt;script&gt;").contains("T &amp; &lt;b&gt;");
  }

  @Test
  void markdown_hasMetricTableGateAndDrift() {
    String md = report().toMarkdown();
    assertThat(md).contains("| rougeLsum | 49.50 | 50.50 |").contains("## Promotion gate").contains("## Drift")
        .contains("| fidelity |");
  }

  @Test
  void json_isAnArrayOfRuns() {
    assertThat(report().toJson()).startsWith("[").contains("\"format\" : \"verinote-eval-run/1\"");
  }
}
