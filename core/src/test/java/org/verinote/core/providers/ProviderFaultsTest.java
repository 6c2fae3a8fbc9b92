package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.ModelAuthenticationException;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.ModelResponseException;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.ModelUnavailableException;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;

/** Scripted faults on the wire → retries and typed exceptions, never prompt or response text in messages. */
class ProviderFaultsTest {

  private static final String ID = "openai:gpt-4o";
  private MockModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiCompatibleProvider provider(ResilienceOptions options) {
    return OpenAiCompatibleProvider.builder().baseUrl(server.baseUrl() + "/v1").modelName("gpt-4o")
        .resilience(options).build();
  }

  private OpenAiCompatibleProvider provider() {
    return provider(Fixtures.fast().build());
  }

  @Test
  void rateLimitedWithRetryAfter_waitsThenSucceeds() {
    server.enqueue(MockResponse.json(429, "{}").withHeader("Retry-After", "0.2"));
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")));
    long start = System.nanoTime();
    ModelResponse r = provider().generate(Fixtures.request());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(r.text()).isEqualTo("{}");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void serverErrorTwice_retriedThenSucceeds() {
    server.enqueue(MockResponse.json(500, "{}"));
    server.enqueue(MockResponse.json(503, "{}"));
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")));
    assertThat(provider().generate(Fixtures.request()).text()).isEqualTo("{}");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void serverErrorOnEveryAttempt_throwsServerExceptionWithStatusAfterMaxAttempts() {
    server.otherwise(MockResponse.json(502, "{\"error\":{\"message\":\"patient John Smith\",\"code\":\"bad_gateway\"}}"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOfSatisfying(ModelServerException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.modelId()).isEqualTo(ID);
          assertThat(e.isRetriable()).isTrue();
          assertThat(e.getMessage())
              .isEqualTo("Model 'openai:gpt-4o' failed with a server error (HTTP 502, error code bad_gateway).");
        });
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void responseNeverArrives_timesOutPerAttempt() {
    server.enqueue(MockResponse.fault(MockResponse.Fault.NO_RESPONSE));
    server.enqueue(MockResponse.fault(MockResponse.Fault.NO_RESPONSE));
    OpenAiCompatibleProvider p = provider(Fixtures.fast().maxAttempts(2).callTimeout(Duration.ofMillis(200)).build());
    assertThatThrownBy(() -> p.generate(Fixtures.request()))
        .isInstanceOf(ModelTimeoutException.class)
        .hasMessage("Model 'openai:gpt-4o' did not answer within 200 ms.");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void responseNeverArrivesOnce_retrySucceeds() {
    server.enqueue(MockResponse.fault(MockResponse.Fault.NO_RESPONSE));
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")));
    OpenAiCompatibleProvider p = provider(Fixtures.fast().callTimeout(Duration.ofMillis(800)).build());
    assertThat(p.generate(Fixtures.request()).text()).isEqualTo("{}");
  }

  @Test
  void connectionReset_retriedThenReportedAsIncompleteResponse() {
    server.otherwise(MockResponse.fault(MockResponse.Fault.RESET));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOf(ModelResponseException.class)
        .hasMessageStartingWith("The connection to model 'openai:gpt-4o' failed before a complete response arrived");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void bodyCutInHalf_isRetriedAndThenSucceeds() {
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{}")).withFault(MockResponse.Fault.TRUNCATE_BODY));
    server.enqueue(MockResponse.json(200, Fixtures.openAiOk("{\"plan\":\"x\"}")));
    assertThat(provider().generate(Fixtures.request()).text()).isEqualTo("{\"plan\":\"x\"}");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void bodyCutInHalfEveryTime_throwsResponseException() {
    server.otherwise(MockResponse.json(200, Fixtures.openAiOk("{}")).withFault(MockResponse.Fault.TRUNCATE_BODY));
    assertThatThrownBy(() -> provider().generate(Fixtures.request())).isInstanceOf(ModelResponseException.class);
  }

  @Test
  void htmlInsteadOfJson_throwsResponseExceptionWithoutBodyText() {
    server.otherwise(MockResponse.body(200, "text/html", "<html><body>Patient Jane Doe gateway error</body></html>"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOf(ModelResponseException.class)
        .hasMessage("Model 'openai:gpt-4o' answered HTTP 2xx with a body that is not valid JSON (content type"
            + " text/html, 56 bytes).")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Jane"));
  }

  @Test
  void emptyChoices_throwsResponseException() {
    server.otherwise(MockResponse.json(200, "{\"model\":\"gpt-4o\",\"choices\":[]}"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOf(ModelResponseException.class)
        .hasMessage("Model 'openai:gpt-4o' answered HTTP 2xx with no choices.");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void streamedEventsInsteadOfOneResponse_throwsResponseException() {
    server.otherwise(MockResponse.body(200, "text/event-stream",
        "data: {\"choices\":[{\"delta\":{\"content\":\"{\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}"
            + "\n\ndata: [DONE]\n\n"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOf(ModelResponseException.class)
        .hasMessageContaining("not valid JSON (content type text/event-stream");
  }

  @Test
  void refusalWithoutContent_throwsResponseException() {
    server.otherwise(MockResponse.json(200,
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"no\"}}]}"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .hasMessage("Model 'openai:gpt-4o' answered HTTP 2xx with a refusal instead of content.");
  }

  @Test
  void unauthorized_throwsAuthenticationWithoutRetry() {
    server.enqueue(MockResponse.json(401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"sk-12\"}}"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOfSatisfying(ModelAuthenticationException.class, e -> assertThat(e.isRetriable()).isFalse())
        .hasMessage("Model 'openai:gpt-4o' refused the credentials (HTTP 401, error code invalid_api_key)."
            + " Check the API key and the headers it is sent in.");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void forbidden_throwsAuthentication() {
    server.enqueue(MockResponse.json(403, "{}"));
    assertThatThrownBy(() -> provider().generate(Fixtures.request()))
        .isInstanceOf(ModelAuthenticationException.class);
  }

  @Test
  void notFoundBadRequestUnprocessable_throwInvalidRequestWithoutRetry() {
    for (int status : new int[] {400, 404, 422}) {
      server.enqueue(MockResponse.json(status, "{\"error\":{\"code\":\"model_not_found\"}}"));
      assertThatThrownBy(() -> provider().generate(Fixtures.request()))
          .isInstanceOf(ModelInvalidRequestException.class)
          .hasMessage("Model 'openai:gpt-4o' rejected the request (HTTP " + status + ", error code model_not_found)."
              + " Check the base URL, the model name and the parameters.");
    }
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void connectionRefused_throwsUnavailableWithoutRetry() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OpenAiCompatibleProvider p = OpenAiCompatibleProvider.builder().baseUrl("http://127.0.0.1:" + port + "/v1")
        .modelName("gpt-4o").resilience(Fixtures.fast().build()).build();
    assertThatThrownBy(() -> p.generate(Fixtures.request()))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessage("Could not connect to model 'openai:gpt-4o' (ConnectException). Check the base URL and that the"
            + " server is running.");
  }

  @Test
  void ollamaStreamedNdjson_throwsResponseException() {
    server.otherwise(MockResponse.body(200, "application/x-ndjson",
        "{\"message\":{\"content\":\"{\"},\"done\":false}\n{\"message\":{\"content\":\"}\"},\"done\":true}\n"));
    OllamaProvider p = OllamaProvider.builder().baseUrl(server.baseUrl()).modelName("m")
        .resilience(Fixtures.fast().maxAttempts(1).build()).build();
    assertThatThrownBy(() -> p.generate(Fixtures.request()))
        .isInstanceOf(ModelResponseException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void ollamaSingleUnfinishedChunk_throwsResponseException() {
    server.otherwise(MockResponse.json(200, "{\"message\":{\"content\":\"{\"},\"done\":false}"));
    OllamaProvider p = OllamaProvider.builder().baseUrl(server.baseUrl()).modelName("m")
        .resilience(Fixtures.fast().maxAttempts(1).build()).build();
    assertThatThrownBy(() -> p.generate(Fixtures.request()))
        .hasMessage("Model 'ollama:m' answered HTTP 2xx with an unfinished (streamed) chat response: done is not"
            + " true.");
  }
}
