package org.verinote.core.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;
import org.verinote.core.model.Usage;

/**
 * A model served by Ollama's native chat API ({@code POST {baseUrl}/api/chat} with {@code stream: false}).
 *
 * <p>JSON output is requested with {@code format}: the request's JSON schema when it has one (Ollama 0.5+), else
 * {@code "json"}. {@code options.num_ctx} is set to the configured context window so that Ollama does not silently
 * truncate the prompt at its 2,048-token default. The default profile is {@link PromptProfile#SMALL_LOCAL}. The
 * response's {@code model}, {@code prompt_eval_count}/{@code eval_count} and {@code done_reason} are reported; a
 * response with {@code done: false} (a streamed fragment) is malformed.
 *
 * {@snippet :
 * ModelProvider llama = OllamaProvider.builder()
 *     .modelName("llama3.2:3b")
 *     .build();
 * }
 *
 * <p>Thread-safe: one instance serves concurrent calls and owns one HTTP client, retry, circuit breaker and
 * bulkhead.
 */
public final class OllamaProvider implements ModelProvider {

  private final ModelInfo info;
  private final String modelName;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final HttpTransport transport;

  private OllamaProvider(Builder b) {
    String id = b.id != null ? b.id : "ollama:" + b.modelName;
    this.modelName = b.modelName;
    this.info = new ModelInfo(id, b.version != null ? b.version : b.modelName,
        new ModelCapabilities(true, b.contextTokens, true, b.profile));
    this.endpoint = URI.create(HttpTransport.trimSlash(b.baseUrl) + "/api/chat");
    this.headers = Map.copyOf(b.headers);
    this.transport = new HttpTransport(id, b.resilience);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /**
   * Calls {@code /api/chat}.
   *
   * <p>Cost: one HTTP round trip per attempt; up to {@link ResilienceOptions#maxAttempts()} attempts.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws org.verinote.core.ModelException when the server cannot answer after retries
   */
  @Override
  public ModelResponse generate(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    ObjectNode body = HttpTransport.JSON.createObjectNode();
    body.put("model", modelName);
    ArrayNode messages = body.putArray("messages");
    for (Message m : request.messages()) {
      messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
    }
    body.put("stream", false);
    if (request.format() == ModelRequest.OutputFormat.JSON) {
      if (request.jsonSchema().isPresent()) {
        body.set("format", HttpTransport.schema(info.id(), request.jsonSchema().get()));
      } else {
        body.put("format", "json");
      }
    }
    ObjectNode options = body.putObject("options");
    options.put("temperature", request.temperature());
    options.put("num_predict", request.maxOutputTokens());
    options.put("num_ctx", info.capabilities().contextTokens());
    return transport.postJson(endpoint, headers, body, this::parse);
  }

  private ModelResponse parse(JsonNode node) {
    JsonNode done = node.get("done");
    if (done == null || !done.isBoolean() || !done.booleanValue()) {
      throw transport.malformed("an unfinished (streamed) chat response: done is not true", null);
    }
    String content = HttpTransport.text(node.get("message"), "content");
    if (content == null) {
      throw transport.malformed("no message content", null);
    }
    String reason = HttpTransport.text(node, "done_reason");
    String served = HttpTransport.text(node, "model");
    int in = HttpTransport.intOr(node, "prompt_eval_count");
    int out = HttpTransport.intOr(node, "eval_count");
    return new ModelResponse(content, info.id(), served == null || served.isBlank() ? info.version() : served,
        in < 0 && out < 0 ? Usage.UNKNOWN : new Usage(in, out), reason == null ? "" : reason, false, List.of());
  }

  /** @return the circuit breaker state */
  String circuitState() {
    return transport.circuitState();
  }

  @Override
  public String toString() {
    return "OllamaProvider[" + info.id() + "@" + info.version() + ", " + endpoint.getHost() + "]";
  }

  /** Builds an {@link OllamaProvider}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private URI baseUrl = URI.create("http://localhost:11434");
    private String modelName;
    private String id;
    private String version;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private PromptProfile profile = PromptProfile.SMALL_LOCAL;
    private int contextTokens = 8192;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    /**
     * Sets the base URL (default {@code http://localhost:11434}); {@code /api/chat} is appended.
     *
     * @param url an absolute http(s) URL
     * @return this builder
     */
    public Builder baseUrl(String url) {
      this.baseUrl = Checks.baseUrl(url);
      return this;
    }

    /**
     * Sets the model name (required), e.g. {@code llama3.2:3b}.
     *
     * @param name the name
     * @return this builder
     */
    public Builder modelName(String name) {
      this.modelName = Checks.notBlank(name, "modelName");
      return this;
    }

    /**
     * Sets the model id for provenance and errors (default {@code ollama:<modelName>}).
     *
     * @param modelId the id
     * @return this builder
     */
    public Builder id(String modelId) {
      this.id = Checks.notBlank(modelId, "id");
      return this;
    }

    /**
     * Sets the configured version label (default: the model name).
     *
     * @param label the label
     * @return this builder
     */
    public Builder version(String label) {
      this.version = Checks.notBlank(label, "version");
      return this;
    }

    /**
     * Adds a header sent with every call (e.g. {@code Authorization} for a proxy in front of Ollama).
     *
     * @param name header name
     * @param value header value
     * @return this builder
     * @throws IllegalArgumentException if the JDK HTTP client refuses it
     * @throws IllegalStateException if already set
     */
    public Builder header(String name, String value) {
      Checks.putHeader(headers, name, value);
      return this;
    }

    /**
     * Sets the prompt profile (default {@link PromptProfile#SMALL_LOCAL}).
     *
     * @param p the profile
     * @return this builder
     */
    public Builder profile(PromptProfile p) {
      this.profile = Objects.requireNonNull(p, "profile");
      return this;
    }

    /**
     * Sets the context window, sent as {@code options.num_ctx} (default 8,192 tokens).
     *
     * @param tokens at least 256
     * @return this builder
     */
    public Builder contextTokens(int tokens) {
      this.contextTokens = Checks.contextTokens(tokens);
      return this;
    }

    /**
     * Sets retry, timeout, circuit breaker and bulkhead options (default {@link ResilienceOptions#defaults()}).
     *
     * @param options the options
     * @return this builder
     */
    public Builder resilience(ResilienceOptions options) {
      this.resilience = Objects.requireNonNull(options, "resilience");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     * @throws IllegalStateException if the model name is missing
     */
    public OllamaProvider build() {
      if (modelName == null) {
        throw new IllegalStateException("OllamaProvider needs modelName(...), e.g. llama3.2:3b");
      }
      return new OllamaProvider(this);
    }
  }
}
