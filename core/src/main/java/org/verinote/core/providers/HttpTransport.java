package org.verinote.core.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.verinote.core.ModelAuthenticationException;
import org.verinote.core.ModelException;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.ModelRateLimitedException;
import org.verinote.core.ModelResponseException;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.model.ModelResponse;

/**
 * POSTs JSON to a model endpoint through a {@link Resilience} stack and maps HTTP outcomes to the
 * {@link ModelException} family. Error messages carry the model id, the HTTP status and, when the server sent a
 * machine-readable one, its error code — never a body, a prompt or an answer. Thread-safe.
 */
final class HttpTransport {

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  private final String modelId;
  private final HttpClient client;
  private final Resilience resilience;
  private final Duration callTimeout;

  HttpTransport(String modelId, ResilienceOptions options) {
    this.modelId = modelId;
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.resilience = new Resilience(modelId, options);
    this.callTimeout = options.callTimeout();
  }

  /** @return the circuit breaker's state name */
  String circuitState() {
    return resilience.circuitState();
  }

  /**
   * Sends {@code body} to {@code uri} and parses a 2xx answer with {@code parser}.
   *
   * @param parser turns the JSON body into a response; throws {@link ModelResponseException} if it lacks what the
   *     protocol promises
   * @throws ModelException for every failure
   */
  ModelResponse postJson(URI uri, Map<String, String> headers, ObjectNode body,
      Function<JsonNode, ModelResponse> parser) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A Jackson tree always serialises", e);
    }
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
        .timeout(callTimeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      rb.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP local servers
    }
    headers.forEach(rb::header);
    HttpRequest request = rb.build();
    return resilience.execute(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> parser.apply(check(response))));
  }

  private JsonNode check(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return parseBody(response);
    }
    String code = errorCode(response.body()).map(c -> ", error code " + c).orElse("");
    if (status == 401 || status == 403) {
      throw new ModelAuthenticationException(modelId, "Model '" + modelId + "' refused the credentials (HTTP "
          + status + code + "). Check the API key and the headers it is sent in.", null);
    }
    if (status == 429) {
      Duration retryAfter = retryAfter(response).orElse(null);
      throw new ModelRateLimitedException(modelId, retryAfter, "Model '" + modelId + "' rate-limited the call"
          + " (HTTP 429" + code + (retryAfter == null ? ", no Retry-After" : ", Retry-After "
          + retryAfter.toMillis() + " ms") + ").");
    }
    if (status == 408) {
      throw new ModelTimeoutException(modelId, "Model '" + modelId + "' timed out on the server side (HTTP 408"
          + code + ").", null);
    }
    if (status >= 500 && status < 600) {
      throw new ModelServerException(modelId, status, "Model '" + modelId + "' failed with a server error (HTTP "
          + status + code + ").", null);
    }
    if (status >= 400 && status < 500) {
      throw new ModelInvalidRequestException(modelId, "Model '" + modelId + "' rejected the request (HTTP "
          + status + code + "). Check the base URL, the model name and the parameters.", null);
    }
    throw new ModelResponseException(modelId, "Model '" + modelId + "' answered with unexpected HTTP status "
        + status + "; expected 2xx. Check the base URL (redirects are not followed).", null);
  }

  private JsonNode parseBody(HttpResponse<byte[]> response) {
    byte[] body = response.body();
    String contentType = response.headers().firstValue("Content-Type").orElse("none");
    if (body == null || body.length == 0) {
      throw malformed("an empty body", null);
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw malformed("a body that is not a JSON object (content type " + sanitize(contentType) + ", "
            + body.length + " bytes)", null);
      }
      return node;
    } catch (IOException e) {
      throw malformed("a body that is not valid JSON (content type " + sanitize(contentType) + ", " + body.length
          + " bytes)", e);
    }
  }

  /**
   * A 2xx whose body breaks the protocol.
   *
   * @param what what was found instead, without content
   */
  ModelResponseException malformed(String what, Throwable cause) {
    return new ModelResponseException(modelId, "Model '" + modelId + "' answered HTTP 2xx with " + what + ".",
        cause);
  }

  /** The server's machine-readable error code ({@code error.code}, {@code error.type}), if safe to print. */
  private static Optional<String> errorCode(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode error = node == null ? null : node.get("error");
      if (error == null || !error.isObject()) {
        return Optional.empty();
      }
      for (String field : new String[] {"code", "type"}) {
        JsonNode v = error.get(field);
        if (v != null && v.isValueNode() && ERROR_CODE.matcher(v.asText()).matches()) {
          return Optional.of(v.asText());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> ms = response.headers().firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        return Optional.of(Duration.ofMillis(Math.max(0L, (long) Double.parseDouble(ms.get().trim()))));
      } catch (NumberFormatException e) {
        // fall through to Retry-After
      }
    }
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get().trim();
    try {
      return Optional.of(Duration.ofMillis(Math.max(0L, (long) (Double.parseDouble(v) * 1000))));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String sanitize(String headerValue) {
    String v = headerValue.length() > 64 ? headerValue.substring(0, 64) : headerValue;
    return v.replaceAll("[^A-Za-z0-9/;=.+\\- ]", "?");
  }

  /** Normalises a base URL so that paths can be appended: no trailing slash. */
  static String trimSlash(URI base) {
    String s = base.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Text of a node if it is a string, else {@code null}. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** An int field, or -1. */
  static int intOr(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.canConvertToInt() ? v.asInt() : -1;
  }

  /**
   * Parses the JSON schema a request carries.
   *
   * @throws ModelInvalidRequestException if it is not a JSON object; nothing is sent
   */
  static JsonNode schema(String modelId, String jsonSchema) {
    try {
      JsonNode node = JSON.readTree(jsonSchema);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new ModelInvalidRequestException(modelId, "The request's JSON schema for model '" + modelId
        + "' is not a JSON object; nothing was sent. Pass a JSON Schema object.", null);
  }
}
