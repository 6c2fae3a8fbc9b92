package org.verinote.examples.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.RecordedRequest;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.examples.cli.VerinoteCli;
import picocli.CommandLine;

/** {@code eval run --judge ollama:…} against a loopback server answering like Ollama. */
class EvalRunJudgeTest {

  private static final String ANSWER = "{\"model\":\"judge\",\"created_at\":\"2026-01-01T00:00:00Z\","
      + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"accuracy\\\":4,\\\"completeness\\\":3,"
      + "\\\"conciseness\\\":5,\\\"organization\\\":4,\\\"safety\\\":5}\"},\"done\":true,"
      + "\"done_reason\":\"stop\",\"prompt_eval_count\":300,\"eval_count\":20}";

  @TempDir
  Path dir;

  private MockModelServer server;

  @BeforeEach
  void start() throws Exception {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void judge_overHttpWithoutOptIn_exitsTwoAndSendsNothing() throws Exception {
    Path data = dir.resolve("d.jsonl");
    Files.writeString(data, "{\"id\":\"E1\",\"transcript\":\"[doctor] hi .\\n[patient] cough .\",\"reference\":\"R\"}\n");
    StringWriter err = new StringWriter();
    CommandLine cl = VerinoteCli.newCommandLine();
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("eval", "run", "--dataset", data.toString(), "--output", dir.resolve("r.json").toString(),
        "--judge", "ollama:judge", "--base-url", server.baseUrl());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Refusing remote judge model");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void judge_postsRubricPromptToOllama_andAddsJudgeMetricsToTheRun() throws Exception {
    server.enqueue(MockResponse.json(200, ANSWER));
    Path data = dir.resolve("d.jsonl");
    Files.writeString(data, "{\"id\":\"E1\",\"transcript\":\"[doctor] what brings you in ?\\n[patient] my knee "
        + "hurts after a fall .\\n[doctor] ice it and rest .\",\"reference\":\"CHIEF COMPLAINT\\n\\nKnee pain.\"}\n");
    Path out = dir.resolve("run.json");
    StringWriter err = new StringWriter();
    CommandLine cl = VerinoteCli.newCommandLine();
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("eval", "run", "--dataset", data.toString(), "--model", "extractive", "--output",
        out.toString(), "--judge", "ollama:judge", "--base-url", server.baseUrl(), "--judge-sample", "1", "--allow-remote-judge");

    assertThat(code).as(err.toString()).isZero();
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.target()).isEqualTo("/api/chat");
    JsonNode body = sent.json();
    assertThat(body.get("model").asText()).isEqualTo("judge");
    assertThat(body.at("/messages/0/content").asText()).contains("clinical documentation auditor")
        .contains("- safety:");
    assertThat(body.at("/messages/1/content").asText()).startsWith("TRANSCRIPT:\n[doctor] what brings you in ?")
        .contains("\n\nNOTE:\n");
    EvalRun run = EvalRuns.read(out);
    assertThat(run.cases().get(0).metrics()).containsEntry("judge.accuracy", 4.0)
        .containsEntry("judge.completeness", 3.0).containsKey("judge.latency_ms");
    assertThat(run.metadata()).containsEntry("judge.model", "ollama:judge@judge").containsEntry("judge.sampled", "1");
    assertThat(err.toString()).contains("judge: 1 notes, 100% valid answers");
  }
}
