package org.verinote.core.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;
import org.verinote.core.model.Usage;

/**
 * A Claude model behind Anthropic's Messages API ({@code POST {baseUrl}/v1/messages}, headers {@code x-api-key}
 * and {@code anthropic-version}).
 *
 * <p>System messages go into the top-level {@code system} field; consecutive messages of the same role are joined,
 * as the API requires alternating turns. The Messages API has no JSON mode, so for a JSON request the provider
 * prefills the assistant turn with <code>{</code> (and puts it back in front of the answer) unless
 * {@link Builder#prefillJson(boolean)} turns that off; {@link ModelCapabilities#jsonOutput()} is therefore false
 * and no schema is attached to prompts. The temperature is capped at 1, the API's maximum. The response's
 * {@code model}, {@code usage} and {@code stop_reason} are reported.
 *
 * {@snippet :
 * ModelProvider claude = AnthropicProvider.builder()
 *     .apiKey(System.getenv("ANTHROPIC_API_KEY"))
 *     .modelName("claude-sonnet-4-5")
 *     .build();
 * }
 *
 * <p>Thread-safe: one instance serves concurrent calls and owns one HTTP client, retry, circuit breaker and
 * bulkhead.
 */
public final class AnthropicProvider implements ModelProvider {

  /** The default {@code anthropic-version} header. */
  public static final String DEFAULT_API_VERSION = "2023-06-01";

  private final ModelInfo info;
  private final String modelName;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final boolean prefillJson;
  private final HttpTransport transport;

  private AnthropicProvider(Builder b) {
    String id = b.id != null ? b.id : "anthropic:" + b.modelName;
    this.modelName = b.modelName;
    this.prefillJson = b.prefillJson;
    this.info = new ModelInfo(id, b.version != null ? b.version : b.modelName,
        new ModelCapabilities(false, b.contextTokens, true, b.profile));
    this.endpoint = URI.create(HttpTransport.trimSlash(b.baseUrl) + "/v1/messages");
    Map<String, String> h = new LinkedHashMap<>(b.headers);
    h.put("x-api-key", b.apiKey);
    h.put("anthropic-version", b.apiVersion);
    this.headers = Map.copyOf(h);
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
   * Calls the Messages API.
   *
   * <p>Cost: one HTTP round trip per attempt; up to {@link ResilienceOptions#maxAttempts()} attempts.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws ModelInvalidRequestException if the request has no user or assistant message (nothing is sent)
   * @throws org.verinote.core.ModelException when the endpoint cannot answer after retries
   */
  @Override
  public ModelResponse generate(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    List<String> system = new ArrayList<>();
    List<Message> turns = new ArrayList<>();
    for (Message m : request.messages()) {
      if (m.role() == Message.Role.SYSTEM) {
        system.add(m.content());
      } else if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == m.role()) {
        Message last = turns.remove(turns.size() - 1);
        turns.add(new Message(m.role(), last.content() + "\n\n" + m.content()));
      } else {
        turns.add(m);
      }
    }
    if (turns.isEmpty() || turns.get(0).role() != Message.Role.USER) {
      throw new ModelInvalidRequestException(info.id(), "The Messages API needs the first non-system message to be"
          + " a user message; got " + turns.size() + " non-system messages. Nothing was sent.", null);
    }
    boolean prefill = prefillJson && request.format() == ModelRequest.OutputFormat.JSON
        && turns.get(turns.size() - 1).role() == Message.Role.USER;
    ObjectNode body = HttpTransport.JSON.createObjectNode();
    body.put("model", modelName);
    body.put("max_tokens", request.maxOutputTokens());
    body.put("temperature", Math.min(1.0, request.temperature()));
    if (!system.isEmpty()) {
      body.put("system", String.join("\n\n", system));
    }
    ArrayNode messages = body.putArray("messages");
    for (Message m : turns) {
      messages.addObject().put("role", m.role() == Message.Role.USER ? "user" : "assistant")
          .put("content", m.content());
    }
    if (prefill) {
      messages.addObject().put("role", "assistant").put("content", "{");
    }
    return transport.postJson(endpoint, headers, body, node -> parse(node, prefill));
  }

  private ModelResponse parse(JsonNode node, boolean prefilled) {
    JsonNode content = node.get("content");
    if (content == null || !content.isArray()) {
      throw transport.malformed("no content array", null);
    }
    StringBuilder text = new StringBuilder();
    int blocks = 0;
    for (JsonNode block : content) {
      if ("text".equals(HttpTransport.text(block, "type")) && HttpTransport.text(block, "text") != null) {
        text.append(HttpTransport.text(block, "text"));
        blocks++;
      }
    }
    if (blocks == 0) {
      throw transport.malformed("no text content block", null);
    }
    String out = prefilled && !text.toString().stripLeading().startsWith("{") ? "{" + text : text.toString();
    String stop = HttpTransport.text(node, "stop_reason");
    JsonNode usage = node.get("usage");
    String served = HttpTransport.text(node, "model");
    return new ModelResponse(out, info.id(), served == null || served.isBlank() ? info.version() : served,
        usage == null ? Usage.UNKNOWN
            : new Usage(HttpTransport.intOr(usage, "input_tokens"), HttpTransport.intOr(usage, "output_tokens")),
        stop == null ? "" : stop, false, List.of());
  }

  /** @return the circuit breaker state */
  String circuitState() {
    return transport.circuitState();
  }

  @Override
  public String toString() {
    return "AnthropicProvider[" + info.id() + "@" + info.version() + ", " + endpoint.getHost() + "]";
  }

  /** Builds an {@link AnthropicProvider}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private URI baseUrl = URI.create("https://api.anthropic.com");
    private String apiKey;
    private String apiVersion = DEFAULT_API_VERSION;
    private String modelName;
    private String id;
    private String version;
    private boolean prefillJson = true;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private PromptProfile profile = PromptProfile.LARGE_HOSTED;
    private int contextTokens = 200_000;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    /**
     * Sets the base URL (default {@code https://api.anthropic.com}); {@code /v1/messages} is appended.
     *
     * @param url an absolute http(s) URL
     * @return this builder
     */
    public Builder baseUrl(String url) {
      this.baseUrl = Checks.baseUrl(url);
      return this;
    }

    /**
     * Sets the API key (required), sent as {@code x-api-key}.
     *
     * @param key the key
     * @return this builder
     */
    public Builder apiKey(String key) {
      this.apiKey = Checks.secret(key, "apiKey");
      return this;
    }

    /**
     * Sets the {@code anthropic-version} header (default {@value #DEFAULT_API_VERSION}).
     *
     * @param v the version
     * @return this builder
     */
    public Builder apiVersion(String v) {
      this.apiVersion = Checks.notBlank(v, "apiVersion");
      return this;
    }

    /**
     * Sets the model name (required), e.g. {@code claude-sonnet-4-5}.
     *
     * @param name the name
     * @return this builder
     */
    public Builder modelName(String name) {
      this.modelName = Checks.notBlank(name, "modelName");
      return this;
    }

    /**
     * Sets the model id for provenance and errors (default {@code anthropic:<modelName>}).
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
     * Whether a JSON request prefills the assistant turn with <code>{</code> (default true).
     *
     * @param on true to prefill
     * @return this builder
     */
    public Builder prefillJson(boolean on) {
      this.prefillJson = on;
      return this;
    }

    /**
     * Adds a header sent with every call (e.g. {@code anthropic-beta}).
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
     * Sets the prompt profile (default {@link PromptProfile#LARGE_HOSTED}).
     *
     * @param p the profile
     * @return this builder
     */
    public Builder profile(PromptProfile p) {
      this.profile = Objects.requireNonNull(p, "profile");
      return this;
    }

    /**
     * Sets the context window (default 200,000 tokens).
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
     * @throws IllegalStateException if the API key or model name is missing
     */
    public AnthropicProvider build() {
      if (apiKey == null) {
        throw new IllegalStateException("AnthropicProvider needs apiKey(...)");
      }
      if (modelName == null) {
        throw new IllegalStateException("AnthropicProvider needs modelName(...), e.g. claude-sonnet-4-5");
      }
      return new AnthropicProvider(this);
    }
  }
}
