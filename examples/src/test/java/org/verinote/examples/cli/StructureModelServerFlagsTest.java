package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.RecordedRequest;
import picocli.CommandLine;

/** {@code verinote structure --model openai-compatible|anthropic|ollama …} against a loopback model server. */
class StructureModelServerFlagsTest {

  private static final String NOTE = "{\\\"subjective\\\": \\\"Right knee pain for three weeks.\\\","
      + " \\\"objective\\\": \\\"\\\", \\\"assessment\\\": \\\"\\\", \\\"plan\\\": \\\"MRI.\\\"}";

  private MockModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static StructureCommandTest.Run run(Map<String, String> env, String... args) {
    CommandLine cl = VerinoteCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    StructureCommand cmd = cl.getSubcommands().get("structure").getCommand();
    cmd.env = env::get;
    return new StructureCommandTest.Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void openAiCompatible_sendsKeyFromEnvAndDraftsTheNote() {
    server.enqueue(MockResponse.json(200, "{\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"message\":{\"role\":"
        + "\"assistant\",\"content\":\"" + NOTE + "\"},\"finish_reason\":\"stop\"}]}"));
    StructureCommandTest.Run r = run(Map.of("VN_KEY", "sk-cli"), "structure", "--model", "openai-compatible",
        "--base-url", server.baseUrl() + "/v1", "--model-name", "gpt-4o", "--api-key-env", "VN_KEY",
        StructureCommandTest.KNEE.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Right knee pain for three weeks.", "Status: DRAFTED",
        "model openai:gpt-4o@gpt-4o-2024-08-06");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Authorization")).hasValue("Bearer sk-cli");
    assertThat(sent.json().get("model").asText()).isEqualTo("gpt-4o");
  }

  @Test
  void serverFailsEveryTime_exits3WithTheReason() {
    server.otherwise(MockResponse.json(401, "{\"error\":{\"code\":\"invalid_api_key\"}}"));
    StructureCommandTest.Run r = run(Map.of(), "structure", "--model", "ollama", "--base-url", server.baseUrl(),
        "--model-name", "llama3.2:3b", StructureCommandTest.KNEE.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("verinote structure: structuring failed: The model 'ollama:llama3.2:3b' failed:"
        + " ModelAuthenticationException: Model 'ollama:llama3.2:3b' refused the credentials (HTTP 401, error code"
        + " invalid_api_key).");
  }

  @Test
  void fallbackExtractive_whenServerIsDown_draftsDegraded() {
    server.otherwise(MockResponse.json(400, "{}"));
    StructureCommandTest.Run r = run(Map.of("K", "ak"), "structure", "--model", "anthropic", "--base-url",
        server.baseUrl(), "--model-name", "claude-x", "--api-key-env", "K", "--fallback-extractive",
        StructureCommandTest.KNEE.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Status: DEGRADED", "model extractive@");
    assertThat(server.takeRequest().header("x-api-key")).hasValue("ak");
  }

  @Test
  void missingFlags_exit2WithWhatToAdd() {
    StructureCommandTest.Run r = run(Map.of(), "structure", "--model", "openai-compatible", "--model-name", "m",
        StructureCommandTest.KNEE.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--model openai-compatible needs --base-url URL");
    StructureCommandTest.Run bad = run(Map.of(), "structure", "--model", "ollama", "--model-name", "m",
        "--base-url", "ftp://x", StructureCommandTest.KNEE.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("baseUrl must be an absolute http or https URL");
  }
}
