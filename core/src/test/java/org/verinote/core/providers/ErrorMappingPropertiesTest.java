package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.verinote.core.ModelAuthenticationException;
import org.verinote.core.ModelException;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.ModelRateLimitedException;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;

/** For any error status and any body, the exception is typed by status and its message never quotes the body. */
class ErrorMappingPropertiesTest {

  private static MockModelServer server;
  private static OpenAiCompatibleProvider provider;

  @BeforeContainer
  static void start() throws IOException {
    server = MockModelServer.start();
    provider = OpenAiCompatibleProvider.builder().baseUrl(server.baseUrl() + "/v1").modelName("m")
        .resilience(Fixtures.fast().maxAttempts(1).build()).build();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 30)
  void anyErrorStatus_mapsByStatus_andNeverQuotesTheBody(@ForAll @IntRange(min = 400, max = 599) int status,
      @ForAll @AlphaChars @StringLength(min = 12, max = 40) String secret, @ForAll boolean jsonBody) {
    server.enqueue(jsonBody
        ? MockResponse.json(status, "{\"error\":{\"message\":\"" + secret + "\",\"type\":\"x y\"}}")
        : MockResponse.body(status, "text/plain", secret));
    Throwable t = catchThrowable(() -> provider.generate(Fixtures.request()));
    assertThat(t).isInstanceOf(ModelException.class);
    assertThat(t.getMessage()).doesNotContain(secret).contains("HTTP " + status);
    Class<?> expected = status == 401 || status == 403 ? ModelAuthenticationException.class
        : status == 429 ? ModelRateLimitedException.class
        : status == 408 ? ModelTimeoutException.class
        : status >= 500 ? ModelServerException.class
        : ModelInvalidRequestException.class;
    assertThat(t).isInstanceOf(expected);
    assertThat(((ModelException) t).isRetriable()).isEqualTo(status == 408 || status == 429 || status >= 500);
  }
}
