package org.verinote.examples.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.testkit.SharedData;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.examples.cli.VerinoteCli;
import picocli.CommandLine;

class EvalCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = VerinoteCli.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void score_gpt4OnTest1_printsPublishedTableRow() {
    Path gold = SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv");
    Path pred = SharedData.require("aci-bench/predictions/test1GPT-4_.csv");
    int code = run("eval", "score", "--references", gold.toString(), "--predictions", pred.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("ALL\\s+51\\.76\\s+22\\.58\\s+30\\.29\\s+45\\.97")
        .contains("D2N088").containsPattern("division-objective_exam\\s+50\\.11\\s+28\\.20\\s+\\d+\\.\\d\\d\\s+40\\.43");
  }

  @Test
  void score_withAudit_addsGuardrailFidelityPerNote() throws Exception {
    Path gold = SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv");
    Path pred = SharedData.require("aci-bench/predictions/test1GPT-4_.csv");
    Path json = dir.resolve("a.json");
    assertThat(run("eval", "score", "--references", gold.toString(), "--predictions", pred.toString(), "--audit",
        "--format", "json", "--output", json.toString())).as(err.toString()).isZero();
    EvalRun r = EvalRuns.read(json);
    assertThat(r.values("fidelity")).hasSize(40);
    assertThat(r.mean("fidelity")).isBetween(0.5, 1.0);
    assertThat(r.metadata()).containsKey("audit");
  }

  @Test
  void score_jsonFormat_isAReadableRun() throws Exception {
    Path gold = SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv");
    Path pred = SharedData.require("aci-bench/predictions/transcript_clinicalnlp_taskB_test1.csv");
    Path json = dir.resolve("t.json");
    assertThat(run("eval", "score", "--references", gold.toString(), "--predictions", pred.toString(), "--format",
        "json", "--output", json.toString())).isZero();
    EvalRun r = EvalRuns.read(json);
    assertThat(r.cases()).hasSize(40);
    assertThat(r.metadata()).containsEntry("table.rougeLsum", "30.61");
  }

  @Test
  void score_missingFile_exitsTwoWithMessage() {
    int code = run("eval", "score", "--references", dir.resolve("none.csv").toString(), "--predictions",
        dir.resolve("p.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("File not found");
  }

  @Test
  void runGateReport_endToEndWithBaselineModel() throws Exception {
    Path data = dir.resolve("d.jsonl");
    Files.writeString(data, "{\"id\":\"E1\",\"transcript\":\"[doctor] what brings you in ?\\n[patient] my knee "
        + "hurts after a fall .\\n[doctor] on exam there is swelling . the x-ray results are normal . ice it and rest "
        + ".\",\"reference\":\"CHIEF COMPLAINT\\n\\nKnee pain.\\n\\nASSESSMENT AND PLAN\\n\\nIce and rest.\"}\n"
        + "{\"id\":\"E2\",\"transcript\":\"[doctor] hello\\n[patient] i have a cough .\\n[doctor] take honey .\","
        + "\"reference\":\"CHIEF COMPLAINT\\n\\nCough.\\n\\nASSESSMENT AND PLAN\\n\\nHoney.\"}\n");
    Path a = dir.resolve("a.json");
    Path html = dir.resolve("r.html");
    Path preds = dir.resolve("preds.csv");
    assertThat(run("eval", "run", "--dataset", data.toString(), "--model", "extractive", "--output", a.toString(),
        "--save-predictions", preds.toString())).as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("eval", "score", "--references", data.toString(), "--predictions", preds.toString(), "--format",
        "json")).as(err.toString()).isZero();
    assertThat(EvalRuns.fromJson(out.toString(), "score").mean("rouge1"))
        .isEqualTo(EvalRuns.read(a).mean("rouge1"));
    EvalRun runA = EvalRuns.read(a);
    assertThat(runA.cases()).hasSize(2);
    assertThat(runA.mean("failed")).isZero();
    assertThat(run("eval", "gate", "--baseline", a.toString(), "--candidate", a.toString())).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("\"passed\" : true");
    assertThat(run("eval", "report", a.toString(), a.toString(), "--html", html.toString())).isZero();
    assertThat(Files.readString(html)).contains("<svg").doesNotContain("<script");
  }

  @Test
  void drift_csvWithShift_exitsThree() throws Exception {
    StringBuilder csv = new StringBuilder("time,fidelity\n");
    for (int i = 0; i < 60; i++) {
      csv.append(String.format("2026-01-01T%02d:%02d:00Z,%s%n", i / 60, i % 60, i < 40 ? "0.9" + (i % 3)
          : "0.7" + (i % 3)));
    }
    Path f = dir.resolve("s.csv");
    Files.writeString(f, csv);
    assertThat(run("eval", "drift", "--scores", f.toString(), "--metric", "fidelity", "--recent", "20",
        "--threshold", "0.05")).isEqualTo(3);
    assertThat(out.toString()).startsWith("fidelity: DRIFT");
  }

  @Test
  void gate_unknownMetricSyntax_exitsTwo() throws Exception {
    Path a = dir.resolve("a.json");
    Files.writeString(a, "{\"format\":\"verinote-eval-run/1\",\"name\":\"a\",\"cases\":[{\"id\":\"x\",\"metrics\":"
        + "{\"rouge1\":1}}]}");
    assertThat(run("eval", "gate", "--baseline", a.toString(), "--candidate", a.toString(), "--metric", "rouge1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Expected --metric name=tolerance");
  }

  @Test
  void corrections_export_printsEditedShareAndWritesRun() throws Exception {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(f, "{\"tenant_id\":\"t\",\"encounter_id\":\"e1\",\"section\":\"plan\",\"ai_text\":\"ice\","
        + "\"clinician_text\":\"ice\"}\n{\"tenant_id\":\"t\",\"encounter_id\":\"e2\",\"section\":\"plan\","
        + "\"ai_text\":\"rest\",\"clinician_text\":\"ice and rest\"}\n");
    Path json = dir.resolve("c.json");
    assertThat(run("eval", "corrections", "--input", f.toString(), "--output", json.toString())).isZero();
    assertThat(out.toString()).contains("| edited | 0.50 |");
    assertThat(EvalRuns.read(json).cases()).hasSize(2);
  }
}
