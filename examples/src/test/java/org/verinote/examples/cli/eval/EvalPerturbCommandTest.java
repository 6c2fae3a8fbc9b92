package org.verinote.examples.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.testkit.SharedData;
import org.verinote.examples.cli.VerinoteCli;
import org.verinote.guardrails.PerturbationSuite;
import picocli.CommandLine;

/**
 * {@code eval perturb}: the perturbation suite from the command line, with and without a judge model reached over
 * Ollama's real wire protocol (a loopback JDK HttpServer that answers as Ollama does).
 */
class EvalPerturbCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private HttpServer ollama;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> prompts = new ArrayList<>();
  /** The judge's answer to a prompt: which numbered sentences it calls unsupported. */
  private volatile java.util.function.Function<String, String> judge = prompt -> "{\"unsupported\": []}";
  private volatile int status = 200;

  @BeforeEach
  void start() throws Exception {
    ollama = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ollama.createContext("/api/chat", ex -> {
      calls.incrementAndGet();
      JsonNode req = JSON.readTree(ex.getRequestBody());
      String prompt = req.at("/messages/1/content").asText();
      synchronized (prompts) {
        prompts.add(prompt);
      }
      String body = status != 200 ? "{\"error\":\"model not loaded\"}"
          : JSON.writeValueAsString(JSON.createObjectNode().put("model", req.get("model").asText())
              .put("created_at", "2026-01-01T00:00:00Z").put("done", true).put("done_reason", "stop")
              .put("prompt_eval_count", 100).put("eval_count", 10)
              .set("message", JSON.createObjectNode().put("role", "assistant").put("content", judge.apply(prompt))));
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    // llama.cpp's and vLLM's server speak OpenAI's chat completions
    ollama.createContext("/v1/chat/completions", ex -> {
      calls.incrementAndGet();
      JsonNode req = JSON.readTree(ex.getRequestBody());
      String prompt = req.at("/messages/1/content").asText();
      synchronized (prompts) {
        prompts.add(prompt);
      }
      com.fasterxml.jackson.databind.node.ObjectNode answer = JSON.createObjectNode().put("id", "c1")
          .put("object", "chat.completion").put("model", req.get("model").asText());
      answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
          .put("role", "assistant").put("content", judge.apply(prompt));
      answer.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
      byte[] b = JSON.writeValueAsBytes(answer);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    ollama.start();
  }

  @AfterEach
  void stop() {
    ollama.stop(0);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + ollama.getAddress().getPort();
  }

  /** Two encounters with a negation, a dose, a vital and an age each: every kind has a place to go. */
  private Path dataset() throws Exception {
    String transcript = "[doctor] any fever or chills ?\\n[patient] no , but i have a cough .\\n[doctor] you take "
        + "lisinopril 10 mg daily . blood pressure is 120/80 . you are 54 years old .";
    String note = "HISTORY OF PRESENT ILLNESS\\nThe patient is a 54-year-old male. He denies fever. He has no chills. "
        + "He reports a cough.\\n\\nPLAN\\nContinue lisinopril 10 mg daily. Blood pressure 120/80.";
    Path data = dir.resolve("d.jsonl");
    Files.writeString(data, "{\"id\":\"E1\",\"transcript\":\"" + transcript + "\",\"reference\":\"" + note + "\"}\n"
        + "{\"id\":\"E2\",\"transcript\":\"" + transcript.replace("54", "61") + "\",\"reference\":\""
        + note.replace("54", "61") + "\"}\n");
    return data;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = VerinoteCli.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void withoutJudge_printsRecallPerKind_andTheCleanNotesFalseAlarms() throws Exception {
    Run r = run("eval", "perturb", "--dataset", dataset().toString(), "--seeds", "1-3", "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = JSON.readTree(r.out());
    assertThat(rep.get("encounters").asInt()).isEqualTo(2);
    assertThat(rep.has("withJudge")).isFalse();
    JsonNode neg = rep.at("/standard/kinds/flipped-negation");
    assertThat(neg.get("cases").asInt()).isPositive();
    assertThat(neg.get("recall").asDouble()).isEqualTo(neg.get("caught").asDouble() / neg.get("cases").asInt());
    assertThat(rep.at("/standard/kinds/changed-dose/recall").asDouble()).isEqualTo(1.0);
    assertThat(rep.at("/standard/cleanNotes/sentences").asInt()).isEqualTo(12);
    assertThat(calls.get()).isZero();
  }

  @Test
  void judge_seesEveryCaseAndCleanNote_andItsCatchesAndFalseAlarmsAreReported() throws Exception {
    // a judge that calls every sentence unsupported: it catches everything and flags every clean sentence
    judge = prompt -> {
      int n = prompt.substring(prompt.indexOf("NOTE SENTENCES:")).split("\n\\d+\\. ", -1).length - 1;
      StringBuilder b = new StringBuilder("{\"unsupported\": [");
      for (int i = 1; i <= n; i++) {
        b.append(i == 1 ? "" : ", ").append(i);
      }
      return b.append("]}").toString();
    };
    Run r = run("eval", "perturb", "--dataset", dataset().toString(), "--seeds", "1-3", "--distinct", "--kinds",
        "flipped-negation,CHANGED_AGE", "--judge", "ollama:judge", "--base-url", baseUrl(), "--allow-remote-judge",
        "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = JSON.readTree(r.out());
    int cases = rep.at("/standard/cases").asInt();
    assertThat(rep.at("/standard/kinds").size()).isEqualTo(2);
    assertThat(rep.at("/withJudge/recall").asDouble()).isEqualTo(1.0);
    assertThat(rep.at("/withJudge/kinds/flipped-negation/caughtByLayer/llm-judge").asInt())
        .isEqualTo(rep.at("/withJudge/kinds/flipped-negation/cases").asInt());
    assertThat(rep.at("/withJudge/cleanNotes/findingsByLayer/llm-judge").asInt())
        .isEqualTo(rep.at("/withJudge/cleanNotes/sentences").asInt());
    // one call per clean note and per case, each with the fenced transcript and the numbered sentences
    assertThat(calls.get()).isEqualTo(2 + cases);
    assertThat(prompts).allSatisfy(p -> assertThat(p).contains("any fever or chills").contains("\n1. "));
    assertThat(r.err()).contains("judge: " + (2 + cases) + " calls, 0 failed");
  }

  @Test
  void mixedSeeds_excludingTheDefaultDraw_areTheSuitesNeverDrawnCases() throws Exception {
    // eight notes with two places to flip each; the default draw's seeds 1-3 leave some unseen
    Path data = dir.resolve("two.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      lines.append("{\"id\":\"E").append(i).append("\",\"transcript\":\"[doctor] any dizziness or nausea ?\\n"
          + "[patient] not anymore . i am 4").append(i).append(" .\",\"reference\":\"HISTORY OF PRESENT ILLNESS\\n"
          + "She is 4").append(i).append(" years old. She is no longer dizzy. No longer nauseated.\"}\n");
    }
    Files.writeString(data, lines.toString());
    Run fresh = run("eval", "perturb", "--dataset", data.toString(), "--seeds", "1-40", "--mix-seeds",
        "--exclude-default-draw", "1-3", "--kinds", "flipped-negation,changed-age", "--format", "json");
    assertThat(fresh.code()).as(fresh.err()).isZero();
    // the same cases as the API gives for the encounters as the command names them
    List<PerturbationSuite.Encounter> enc = EvalPerturbCommand.encounters(List.of(data));
    long[] seeds = java.util.stream.LongStream.rangeClosed(1, 40).toArray();
    PerturbationSuite.Kind neg = PerturbationSuite.Kind.FLIPPED_NEGATION;
    PerturbationSuite.Kind age = PerturbationSuite.Kind.CHANGED_AGE;
    List<PerturbationSuite.Case> expected = PerturbationSuite.withSeeds(seeds).mixingSeeds().only(neg, age)
        .excluding(PerturbationSuite.withSeeds(1, 2, 3).only(neg, age)).cases(enc);
    assertThat(expected).isNotEmpty().hasSizeLessThan(PerturbationSuite.withSeeds(seeds).mixingSeeds().only(neg, age)
        .distinct().cases(enc).size());
    JsonNode rep = JSON.readTree(fresh.out());
    assertThat(rep.at("/standard/cases").asInt()).isEqualTo(expected.size());
    assertThat(rep.get("suite").asText()).contains("mixed", "excluding PerturbationSuite[");
    Run bad = run("eval", "perturb", "--dataset", data.toString(), "--exclude-default-draw", "1-3");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--exclude-default-draw needs --mix-seeds");
  }

  @Test
  void judgeThatFindsNothing_addsNothing_andTextOutputShowsBothColumns() throws Exception {
    Run r = run("eval", "perturb", "--dataset", dataset().toString(), "--seeds", "1", "--judge", "ollama:judge",
        "--base-url", baseUrl(), "--allow-remote-judge");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("seeds 1 over 2 encounters").contains("standard  with judge")
        .contains("judge findings on clean notes: 0").containsPattern("flipped-negation +\\d+ +[01]\\.\\d{3} +[01]\\.\\d{3}");
  }

  @Test
  void judgeOnAnOpenAiCompatibleServer_isMeasuredTheSameWay() throws Exception {
    judge = prompt -> "{\"unsupported\": [1]}";
    Run r = run("eval", "perturb", "--dataset", dataset().toString(), "--seeds", "1", "--kinds", "flipped-negation",
        "--judge", "openai:qwen2.5-7b-instruct", "--base-url", baseUrl() + "/v1", "--allow-remote-judge", "--format",
        "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = JSON.readTree(r.out());
    // sentence 1 of every clean note is flagged: one judge finding per clean note
    assertThat(rep.at("/withJudge/cleanNotes/findingsByLayer/llm-judge").asInt()).isEqualTo(2);
    assertThat(calls.get()).isEqualTo(2 + rep.at("/standard/cases").asInt());
    assertThat(r.err()).contains("0 failed");
  }

  @Test
  void judgeThatAlwaysFails_exitsThree_andSaysSo() throws Exception {
    status = 500;
    Run r = run("eval", "perturb", "--dataset", dataset().toString(), "--seeds", "1", "--kinds", "changed-age",
        "--judge", "ollama:judge", "--base-url", baseUrl(), "--allow-remote-judge");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).containsPattern("judge: (\\d+) calls, \\1 failed");
  }

  @Test
  void judgeOverHttp_withoutOptIn_isRefusedBeforeAnythingIsSent() throws Exception {
    Run r = run("eval", "perturb", "--dataset", dataset().toString(), "--judge", "ollama:judge", "--base-url",
        baseUrl());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Refusing remote judge model").contains("--allow-remote-judge");
    assertThat(calls.get()).isZero();
  }

  @Test
  void badOptions_areTypedErrorsNamingTheOption() throws Exception {
    String data = dataset().toString();
    assertThat(run("eval", "perturb", "--dataset", data, "--seeds", "9-").err())
        .contains("--seeds expects seeds or ranges").contains("'9-'");
    assertThat(run("eval", "perturb", "--dataset", data, "--seeds", "40-9").code()).isEqualTo(2);
    assertThat(run("eval", "perturb", "--dataset", data, "--exclude", "x").err()).contains("--exclude expects");
    assertThat(run("eval", "perturb", "--dataset", data, "--kinds", "flipped,changed-dose").err())
        .contains("unknown kind 'flipped'").contains("flipped-negation");
    assertThat(run("eval", "perturb", "--dataset", data, "--format", "xml").err()).contains("--format must be");
    assertThat(run("eval", "perturb", "--dataset", data, "--dataset", data).err()).contains("given twice");
    assertThat(run("eval", "perturb", "--dataset", dir.resolve("missing.csv").toString()).err())
        .contains("File not found");
    Run rate = run("eval", "perturb", "--dataset", data, "--judge", "ollama:judge", "--judge-rate", "0");
    assertThat(rate.code()).isEqualTo(2);
    assertThat(rate.err()).contains("--judge-rate must be in (0, 1]");
    Path empty = dir.resolve("bad.jsonl");
    Files.writeString(empty, "{\"id\":\"E1\",\"transcript\":\"[doctor] hi .\",\"reference\":\" \"}\n");
    assertThat(run("eval", "perturb", "--dataset", empty.toString()).err()).contains("case E1").contains("Note is empty");
  }

  @Test
  void mtsDialogTestSet1_reproducesTheGuidesHeldOutFigures() throws Exception {
    Path csv = SharedData.require("mts-dialog/MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv");
    Run r = run("eval", "perturb", "--dataset", csv.toString(), "--seeds", "1-10", "--distinct", "--kinds",
        "flipped-negation,changed-vital", "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = JSON.readTree(r.out());
    // the cases of PerturbationSuiteMtsDialogTest (same ids, seeds and counting), so the same counts
    assertThat(rep.at("/standard/kinds/flipped-negation/cases").asInt()).isEqualTo(106);
    assertThat(rep.at("/standard/kinds/changed-vital/cases").asInt()).isEqualTo(17);
    assertThat(rep.at("/standard/kinds/flipped-negation/recall").asDouble()).isGreaterThanOrEqualTo(0.79);
    assertThat(rep.at("/standard/cleanNotes/sentences").asInt()).isEqualTo(696);
  }
}
