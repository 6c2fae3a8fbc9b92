package org.verinote.core.providers;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.testkit.HttpModelProviderContract;

/** The shared HTTP provider contract, run for each protocol. */
class ProviderContractsTest {

  private static ResilienceOptions once(Duration timeout) {
    return Fixtures.fast().maxAttempts(1).callTimeout(timeout).build();
  }

  @Nested
  class OpenAiCompatible extends HttpModelProviderContract {
    @Override
    protected ModelProvider provider(String baseUrl, Duration callTimeout) {
      return OpenAiCompatibleProvider.builder().baseUrl(baseUrl + "/v1").modelName("m").resilience(once(callTimeout))
          .build();
    }

    @Override
    protected String okBody(String text) {
      return "{\"model\":\"served-model-7\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
          + Fixtures.quote(text) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,"
          + "\"completion_tokens\":3}}";
    }

    @Override
    protected String emptyAnswerBody() {
      return "{\"choices\":[]}";
    }
  }

  @Nested
  class Anthropic extends HttpModelProviderContract {
    @Override
    protected ModelProvider provider(String baseUrl, Duration callTimeout) {
      return AnthropicProvider.builder().baseUrl(baseUrl).apiKey("k").modelName("m").prefillJson(false)
          .resilience(once(callTimeout)).build();
    }

    @Override
    protected String okBody(String text) {
      return "{\"model\":\"served-model-7\",\"content\":[{\"type\":\"text\",\"text\":" + Fixtures.quote(text)
          + "}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":12,\"output_tokens\":3}}";
    }

    @Override
    protected String emptyAnswerBody() {
      return "{\"content\":[]}";
    }
  }

  @Nested
  class Ollama extends HttpModelProviderContract {
    @Override
    protected ModelProvider provider(String baseUrl, Duration callTimeout) {
      return OllamaProvider.builder().baseUrl(baseUrl).modelName("m").resilience(once(callTimeout)).build();
    }

    @Override
    protected String okBody(String text) {
      return "{\"model\":\"served-model-7\",\"message\":{\"role\":\"assistant\",\"content\":" + Fixtures.quote(text)
          + "},\"done\":true,\"prompt_eval_count\":12,\"eval_count\":3}";
    }

    @Override
    protected String emptyAnswerBody() {
      return "{\"done\":true}";
    }
  }
}
