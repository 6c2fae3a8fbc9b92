package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.ModelRateLimitedException;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.RecordedRequest;

class AnthropicProviderWireTest {

  private static final String OK = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"\\\"plan\\\":\\\"rest\\\"}\"}],"
      + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":30,\"output_tokens\":9}}";

  private MockModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AnthropicProvider.Builder claude() {
    return AnthropicProvider.builder().baseUrl(server.baseUrl()).apiKey("ak-test").modelName("claude-sonnet-4-5")
        .resilience(Fixtures.fast().build());
  }

  @Test
  void generate_jsonRequest_postsMessagesWithSystemSeparatedAndPrefill() {
    server.enqueue(MockResponse.json(200, OK));
    ModelResponse r = claude().build().generate(Fixtures.request());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.target()).isEqualTo("/v1/messages");
    assertThat(sent.header("x-api-key")).hasValue("ak-test");
    assertThat(sent.header("anthropic-version")).hasValue("2023-06-01");
    assertThat(sent.header("Authorization")).isEmpty();
    JsonNode body = sent.json();
    assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
    assertThat(body.get("system").asText()).isEqualTo("You write notes.");
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/0/content").asText()).isEqualTo("Transcript: patient reports cough.");
    assertThat(body.at("/messages/1/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/messages/1/content").asText()).isEqualTo("{");

    assertThat(r.text()).isEqualTo("{\"plan\":\"rest\"}");
    assertThat(r.modelId()).isEqualTo("anthropic:claude-sonnet-4-5");
    assertThat(r.modelVersion()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.usage().inputTokens()).isEqualTo(30);
    assertThat(r.usage().outputTokens()).isEqualTo(9);
    assertThat(r.finishReason()).isEqualTo("end_turn");
  }

  @Test
  void generate_consecutiveSameRoleMessages_areJoinedAndPrefillCanBeOff() {
    server.enqueue(MockResponse.json(200, OK.replace("\\\"plan", "{\\\"plan")));
    ModelRequest req = ModelRequest.builder().message(Message.system("a")).message(Message.system("b"))
        .message(Message.user("u1")).message(Message.assistant("x")).message(Message.user("u2"))
        .message(Message.user("u3")).build();
    ModelResponse r = claude().prefillJson(false).build().generate(req);
    JsonNode body = server.takeRequest().json();
    assertThat(body.get("system").asText()).isEqualTo("a\n\nb");
    assertThat(body.get("messages")).hasSize(3);
    assertThat(body.at("/messages/2/content").asText()).isEqualTo("u2\n\nu3");
    assertThat(r.text()).isEqualTo("{\"plan\":\"rest\"}");
  }

  @Test
  void generate_onlySystemMessages_failsWithoutSending() {
    ModelRequest req = ModelRequest.builder().message(Message.system("only")).build();
    assertThatThrownBy(() -> claude().build().generate(req))
        .isInstanceOf(ModelInvalidRequestException.class)
        .hasMessageContaining("Nothing was sent");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void generate_overloaded429WithRetryAfterBeyondLimit_failsRateLimitedWithoutRetry() {
    server.enqueue(MockResponse.json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
        + "\"message\":\"secret prompt text\"}}").withHeader("retry-after", "120"));
    assertThatThrownBy(() -> claude().build().generate(Fixtures.request()))
        .isInstanceOfSatisfying(ModelRateLimitedException.class, e -> {
          assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(120));
          assertThat(e.getMessage()).isEqualTo("Model 'anthropic:claude-sonnet-4-5' rate-limited the call"
              + " (HTTP 429, error code rate_limit_error, Retry-After 120000 ms).");
        });
    assertThat(server.requestCount()).isEqualTo(1);
  }
}
