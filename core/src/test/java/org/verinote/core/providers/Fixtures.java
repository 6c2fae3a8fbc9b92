package org.verinote.core.providers;

import java.time.Duration;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelRequest;

/** Shared test inputs: fast resilience options and a small request. */
final class Fixtures {

  static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"plan\":{\"type\":\"string\"}}}";

  private Fixtures() {}

  /** Tiny waits, short timeouts, a breaker that never opens unless asked. */
  static ResilienceOptions.Builder fast() {
    return ResilienceOptions.builder()
        .maxAttempts(3)
        .backoff(Duration.ofMillis(1), 2.0, Duration.ofMillis(5))
        .jitter(0.0)
        .maxRetryAfter(Duration.ofSeconds(1))
        .connectTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofMillis(2000))
        .circuitBreaker(100, 100, 100, Duration.ofSeconds(30), 1);
  }

  static ModelRequest request() {
    return ModelRequest.builder()
        .message(Message.system("You write notes."))
        .message(Message.user("Transcript: patient reports cough."))
        .maxOutputTokens(512)
        .jsonSchema(SCHEMA)
        .build();
  }

  static String openAiOk(String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-2024-08-06\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":7,"
        + "\"total_tokens\":49}}";
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
