package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelUnavailableException;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;

class CircuitBreakerAndBulkheadTest {

  private MockModelServer server;

  @BeforeEach
  void start() throws IOException {
    server = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void repeatedServerErrors_openBreaker_thenHalfOpenTrialClosesIt() throws InterruptedException {
    OllamaProvider p = OllamaProvider.builder().baseUrl(server.baseUrl()).modelName("m")
        .resilience(Fixtures.fast().maxAttempts(1).circuitBreaker(50, 4, 4, Duration.ofMillis(1000), 1).build())
        .build();
    for (int i = 0; i < 4; i++) {
      server.enqueue(MockResponse.json(500, "{}"));
      assertThatThrownBy(() -> p.generate(Fixtures.request())).isInstanceOf(ModelServerException.class);
    }
    assertThat(p.circuitState()).isEqualTo("OPEN");

    assertThatThrownBy(() -> p.generate(Fixtures.request()))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessage("Model 'ollama:m' is not called: its circuit breaker is open after repeated failures; trial"
            + " calls resume 1000 ms after it opened. Use a fallback provider or retry later.");
    assertThat(server.requestCount()).isEqualTo(4);

    Thread.sleep(1200);
    server.enqueue(MockResponse.json(200, OllamaProviderWireTest.OK));
    ModelResponse r = p.generate(Fixtures.request());
    assertThat(r.text()).isEqualTo("{\"plan\":\"rest\"}");
    assertThat(p.circuitState()).isEqualTo("CLOSED");
    assertThat(server.requestCount()).isEqualTo(5);
  }

  @Test
  void clientErrors_doNotOpenBreaker() {
    OllamaProvider p = OllamaProvider.builder().baseUrl(server.baseUrl()).modelName("m")
        .resilience(Fixtures.fast().maxAttempts(1).circuitBreaker(50, 2, 2, Duration.ofSeconds(30), 1).build())
        .build();
    server.otherwise(MockResponse.json(404, "{}"));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> p.generate(Fixtures.request())).isNotInstanceOf(ModelUnavailableException.class);
    }
    assertThat(p.circuitState()).isEqualTo("CLOSED");
  }

  @Test
  void concurrentCallBeyondBulkhead_isRejectedAsUnavailable() {
    OllamaProvider p = OllamaProvider.builder().baseUrl(server.baseUrl()).modelName("m")
        .resilience(Fixtures.fast().bulkhead(1, Duration.ZERO).build()).build();
    server.enqueue(MockResponse.json(200, OllamaProviderWireTest.OK).withDelay(Duration.ofMillis(1500)));
    CompletableFuture<ModelResponse> first = CompletableFuture.supplyAsync(() -> p.generate(Fixtures.request()));
    assertThat(server.awaitRequests(1, Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(() -> p.generate(Fixtures.request()))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("bulkhead full");
    assertThat(first.join().text()).isEqualTo("{\"plan\":\"rest\"}");
    assertThat(server.requestCount()).isEqualTo(1);
  }
}
