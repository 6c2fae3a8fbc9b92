package org.verinote.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.ModelAuthenticationException;
import org.verinote.core.ModelException;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.ModelRateLimitedException;
import org.verinote.core.ModelResponseException;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;

/**
 * The behaviour every HTTP {@link ModelProvider} must show on the wire, run against a {@link MockModelServer}.
 * Extend it, say how to build the provider (with retries off) and what a successful answer looks like in your
 * protocol; the contract checks the status → exception mapping, that nothing of the body leaks into messages, and
 * that success reports the text, the served model and usage.
 */
public abstract class HttpModelProviderContract {

  /** Text that the mock server puts in error and garbage bodies; it must never appear in a message. */
  protected static final String SECRET = "Patient Jane Q. Doe, MRN 1234567";

  /** The server of the current test. */
  protected MockModelServer server;

  /**
   * A provider pointed at {@code baseUrl} that makes exactly one attempt per call and times out after
   * {@code callTimeout}.
   *
   * @param baseUrl the mock server's base URL
   * @param callTimeout the per-attempt limit
   * @return the provider
   */
  protected abstract ModelProvider provider(String baseUrl, Duration callTimeout);

  /**
   * A successful protocol answer whose text is {@code text}, whose served model is {@code "served-model-7"},
   * reporting 12 input and 3 output tokens.
   *
   * @param text the answer text
   * @return the JSON body
   */
  protected abstract String okBody(String text);

  /**
   * A 200 body that is valid JSON but lacks what the protocol promises (no choices, no content, not done).
   *
   * @return the JSON body
   */
  protected abstract String emptyAnswerBody();

  @BeforeEach
  void startServer() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ModelResponse call() {
    return provider(server.baseUrl(), Duration.ofSeconds(5)).generate(ModelRequest.builder()
        .message(Message.system("sys")).message(Message.user("the transcript")).build());
  }

  private void assertFails(Class<? extends ModelException> type) {
    assertThatThrownBy(this::call).isInstanceOf(type)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Jane").doesNotContain("1234567")
            .doesNotContain("transcript"));
  }

  @Test
  void success_reportsTextServedModelAndUsage() {
    server.enqueue(MockResponse.json(200, okBody("{\"plan\": \"rest\"}")));
    ModelResponse r = call();
    assertThat(r.text()).isEqualTo("{\"plan\": \"rest\"}");
    assertThat(r.modelVersion()).isEqualTo("served-model-7");
    assertThat(r.usage().inputTokens()).isEqualTo(12);
    assertThat(r.usage().outputTokens()).isEqualTo(3);
    assertThat(server.takeRequest().method()).isEqualTo("POST");
  }

  @Test
  void status401and403_areAuthentication() {
    server.enqueue(MockResponse.json(401, "{\"error\": {\"message\": \"" + SECRET + "\"}}"));
    assertFails(ModelAuthenticationException.class);
    server.enqueue(MockResponse.json(403, "{}"));
    assertFails(ModelAuthenticationException.class);
  }

  @Test
  void status400_404_422_areInvalidRequest() {
    for (int status : new int[] {400, 404, 422}) {
      server.enqueue(MockResponse.json(status, "{\"error\": \"" + SECRET + "\"}"));
      assertFails(ModelInvalidRequestException.class);
    }
  }

  @Test
  void status429_isRateLimitedWithRetryAfter() {
    server.enqueue(MockResponse.json(429, "{}").withHeader("Retry-After", "7"));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(ModelRateLimitedException.class,
        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)));
  }

  @Test
  void status5xx_isServerErrorWithStatus() {
    server.enqueue(MockResponse.json(529, "{\"error\": {\"message\": \"" + SECRET + "\"}}"));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(ModelServerException.class,
        e -> assertThat(e.status()).isEqualTo(529));
  }

  @Test
  void htmlTruncatedOrEmptyAnswers_areMalformedResponses() {
    server.enqueue(MockResponse.body(200, "text/html", "<html>" + SECRET + "</html>"));
    assertFails(ModelResponseException.class);
    server.enqueue(MockResponse.json(200, okBody(SECRET)).withFault(MockResponse.Fault.TRUNCATE_BODY));
    assertFails(ModelResponseException.class);
    server.enqueue(MockResponse.json(200, emptyAnswerBody()));
    assertFails(ModelResponseException.class);
    server.enqueue(MockResponse.fault(MockResponse.Fault.RESET));
    assertFails(ModelResponseException.class);
  }

  @Test
  void noAnswer_isTimeout() {
    server.enqueue(MockResponse.fault(MockResponse.Fault.NO_RESPONSE));
    assertThatThrownBy(() -> provider(server.baseUrl(), Duration.ofMillis(300)).generate(ModelRequest.builder()
        .message(Message.user("x")).build())).isInstanceOf(ModelTimeoutException.class);
  }
}
