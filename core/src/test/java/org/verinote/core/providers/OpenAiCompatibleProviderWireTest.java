package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.RecordedRequest;

class OpenAiCompatibleProviderWireTest {

  private MockModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiCompatibleProvider.Builder openai() {
    return OpenAiCompatibleProvider.builder().baseUrl(server.baseUrl() + "/v1").modelName("gpt-4o")
        .resilience(Fixtures.fast().build());
  }

  @Test
  void generate_withSchema_postsChatCompletionWithJsonSchemaAndBearerKey() {
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{\"plan\":\"rest\"}")));
    ModelResponse r = openai().apiKey("sk-test").header("OpenAI-Organization", "org-1").build()
        .generate(Fixtures.request());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.target()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Authorization")).hasValue("Bearer sk-test");
    assertThat(sent.header("OpenAI-Organization")).hasValue("org-1");
    assertThat(sent.header("Content-Type")).hasValue("application/json");
    JsonNode body = sent.json();
    assertThat(body.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/0/content").asText()).isEqualTo("You write notes.");
    assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
    assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
    assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
    assertThat(body.get("stream").asBoolean()).isFalse();
    assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
    assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("verinote_note");
    assertThat(body.at("/response_format/json_schema/schema/properties/plan/type").asText()).isEqualTo("string");

    assertThat(r.text()).isEqualTo("{\"plan\":\"rest\"}");
    assertThat(r.modelId()).isEqualTo("openai:gpt-4o");
    assertThat(r.modelVersion()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.usage().inputTokens()).isEqualTo(42);
    assertThat(r.usage().outputTokens()).isEqualTo(7);
    assertThat(r.finishReason()).isEqualTo("stop");
    assertThat(r.degraded()).isFalse();
  }

  @Test
  void generate_withoutKeyAndJsonObjectMode_sendsNoAuthorizationAndJsonObjectFormat() {
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")));
    openai().structuredOutput(OpenAiCompatibleProvider.StructuredOutput.JSON_OBJECT).build()
        .generate(Fixtures.request());
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.header("Authorization")).isEmpty();
    assertThat(sent.json().at("/response_format/type").asText()).isEqualTo("json_object");
  }

  @Test
  void generate_structuredOutputNoneOrTextFormat_sendsNoResponseFormat() {
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")));
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("text")));
    OpenAiCompatibleProvider none = openai().structuredOutput(OpenAiCompatibleProvider.StructuredOutput.NONE)
        .build();
    none.generate(Fixtures.request());
    assertThat(server.takeRequest().json().has("response_format")).isFalse();
    assertThat(none.info().capabilities().jsonOutput()).isFalse();

    openai().build().generate(Fixtures.request().toBuilder().format(ModelRequest.OutputFormat.TEXT).build());
    assertThat(server.takeRequest().json().has("response_format")).isFalse();
  }

  @Test
  void generate_azureDeployment_usesDeploymentUrlApiVersionAndApiKeyHeader() {
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")));
    OpenAiCompatibleProvider azure = OpenAiCompatibleProvider.builder().baseUrl(server.baseUrl() + "/")
        .azureDeployment("notes-gpt4o", "2024-10-21").apiKey("azure-key").resilience(Fixtures.fast().build())
        .build();
    azure.generate(Fixtures.request());
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.target()).isEqualTo("/openai/deployments/notes-gpt4o/chat/completions?api-version=2024-10-21");
    assertThat(sent.header("api-key")).hasValue("azure-key");
    assertThat(sent.header("Authorization")).isEmpty();
    assertThat(azure.info().id()).isEqualTo("azure-openai:notes-gpt4o");
  }

  @Test
  void info_declaresCapabilitiesAndConfiguredVersion() {
    OpenAiCompatibleProvider p = openai().version("2024-08").profile(PromptProfile.SMALL_LOCAL)
        .contextTokens(8192).build();
    assertThat(p.info().id()).isEqualTo("openai:gpt-4o");
    assertThat(p.info().version()).isEqualTo("2024-08");
    assertThat(p.info().capabilities().remote()).isTrue();
    assertThat(p.info().capabilities().jsonOutput()).isTrue();
    assertThat(p.info().capabilities().contextTokens()).isEqualTo(8192);
    assertThat(p.info().capabilities().profile()).isEqualTo(PromptProfile.SMALL_LOCAL);
  }

  @Test
  void generate_serverOmitsModelAndUsage_reportsConfiguredVersionAndUnknownUsage() {
    server.enqueue(MockResponse.json(200,
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"{}\"}}]}"));
    ModelResponse r = openai().build().generate(Fixtures.request());
    assertThat(r.modelVersion()).isEqualTo("gpt-4o");
    assertThat(r.usage().inputTokens()).isEqualTo(-1);
    assertThat(r.finishReason()).isEmpty();
  }
}
