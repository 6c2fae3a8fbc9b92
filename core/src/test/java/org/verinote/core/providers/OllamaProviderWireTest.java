package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.RecordedRequest;

class OllamaProviderWireTest {

  static final String OK = "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\","
      + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"plan\\\":\\\"rest\\\"}\"},\"done\":true,"
      + "\"done_reason\":\"stop\",\"prompt_eval_count\":55,\"eval_count\":11}";

  private MockModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OllamaProvider.Builder ollama() {
    return OllamaProvider.builder().baseUrl(server.baseUrl()).modelName("llama3.2:3b")
        .resilience(Fixtures.fast().build());
  }

  @Test
  void generate_withSchema_postsApiChatWithSchemaFormatStreamFalseAndNumCtx() {
    server.enqueue(MockResponse.json(200, OK));
    OllamaProvider p = ollama().build();
    ModelResponse r = p.generate(Fixtures.request());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.target()).isEqualTo("/api/chat");
    assertThat(sent.header("Authorization")).isEmpty();
    JsonNode body = sent.json();
    assertThat(body.get("model").asText()).isEqualTo("llama3.2:3b");
    assertThat(body.get("stream").asBoolean()).isFalse();
    assertThat(body.at("/format/type").asText()).isEqualTo("object");
    assertThat(body.at("/format/properties/plan/type").asText()).isEqualTo("string");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/1/content").asText()).isEqualTo("Transcript: patient reports cough.");
    assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.0);
    assertThat(body.at("/options/num_predict").asInt()).isEqualTo(512);
    assertThat(body.at("/options/num_ctx").asInt()).isEqualTo(8192);

    assertThat(r.text()).isEqualTo("{\"plan\":\"rest\"}");
    assertThat(r.modelId()).isEqualTo("ollama:llama3.2:3b");
    assertThat(r.modelVersion()).isEqualTo("llama3.2:3b");
    assertThat(r.usage().inputTokens()).isEqualTo(55);
    assertThat(r.usage().outputTokens()).isEqualTo(11);
    assertThat(r.finishReason()).isEqualTo("stop");
    assertThat(p.info().capabilities().profile()).isEqualTo(PromptProfile.SMALL_LOCAL);
    assertThat(p.info().capabilities().remote()).isTrue();
  }

  @Test
  void generate_withoutSchema_sendsJsonFormatString() {
    server.enqueue(MockResponse.json(200, OK));
    ollama().build().generate(ModelRequest.builder().message(Message.user("hi")).build());
    assertThat(server.takeRequest().json().get("format").asText()).isEqualTo("json");
  }
}
