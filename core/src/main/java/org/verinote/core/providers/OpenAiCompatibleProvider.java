package org.verinote.core.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
 * A model behind an OpenAI-compatible chat completions endpoint ({@code POST {baseUrl}/chat/completions}): OpenAI,
 * Azure OpenAI, vLLM, the llama.cpp server, LM Studio, Ollama's {@code /v1}, and gateways that speak the protocol.
 *
 * <p>JSON output is requested with {@code response_format}: a {@code json_schema} when the request carries a schema
 * and {@link StructuredOutput#JSON_SCHEMA} is configured (the default), {@code json_object} otherwise; servers that
 * reject {@code response_format} are configured with {@link StructuredOutput#NONE}. The response's {@code model}
 * field (e.g. {@code gpt-4o-2024-08-06}) is reported as {@link ModelResponse#modelVersion()}, its {@code usage} as
 * {@link ModelResponse#usage()}.
 *
 * <p>Failures leave as the {@link org.verinote.core.ModelException} family after the {@link ResilienceOptions}
 * stack has retried what is worth retrying. Messages carry the model id, HTTP status and error code only.
 *
 * {@snippet :
 * ModelProvider gpt = OpenAiCompatibleProvider.builder()
 *     .baseUrl("https://api.openai.com/v1")
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .modelName("gpt-4o")
 *     .build();
 * }
 *
 * <p>Thread-safe: one instance serves concurrent calls and owns one HTTP client, retry, circuit breaker and
 * bulkhead.
 */
public final class OpenAiCompatibleProvider implements ModelProvider {

  /** How JSON output is asked for. */
  public enum StructuredOutput {
    /** {@code response_format: {type: json_schema}} with the request's schema; json_object if it has none. */
    JSON_SCHEMA,
    /** {@code response_format: {type: json_object}} (JSON mode). */
    JSON_OBJECT,
    /** No {@code response_format}: the prompt alone asks for JSON. */
    NONE
  }

  private final ModelInfo info;
  private final String modelName;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final StructuredOutput structuredOutput;
  private final HttpTransport transport;

  private OpenAiCompatibleProvider(Builder b) {
    boolean azure = b.azureDeployment != null;
    String name = b.modelName != null ? b.modelName : b.azureDeployment;
    String id = b.id != null ? b.id : (azure ? "azure-openai:" + b.azureDeployment : "openai:" + name);
    this.modelName = name;
    this.structuredOutput = b.structuredOutput;
    this.info = new ModelInfo(id, b.version != null ? b.version : name, new ModelCapabilities(
        b.structuredOutput != StructuredOutput.NONE, b.contextTokens, true, b.profile));
    String base = HttpTransport.trimSlash(b.baseUrl);
    this.endpoint = URI.create(azure
        ? base + "/openai/deployments/" + URLEncoder.encode(b.azureDeployment, StandardCharsets.UTF_8)
            + "/chat/completions?api-version=" + URLEncoder.encode(b.azureApiVersion, StandardCharsets.UTF_8)
        : base + "/chat/completions");
    Map<String, String> h = new LinkedHashMap<>(b.headers);
    if (b.apiKey != null) {
      if (azure) {
        h.put("api-key", b.apiKey);
      } else {
        h.put("Authorization", "Bearer " + b.apiKey);
      }
    }
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
   * Calls the chat completions endpoint.
   *
   * <p>Cost: one HTTP round trip per attempt; up to {@link ResilienceOptions#maxAttempts()} attempts.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws org.verinote.core.ModelException when the endpoint cannot answer after retries
   */
  @Override
  public ModelResponse generate(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    ObjectNode body = HttpTransport.JSON.createObjectNode();
    body.put("model", modelName);
    ArrayNode messages = body.putArray("messages");
    for (Message m : request.messages()) {
      messages.addObject().put("role", m.role().name().toLowerCase(java.util.Locale.ROOT))
          .put("content", m.content());
    }
    body.put("temperature", request.temperature());
    body.put("max_tokens", request.maxOutputTokens());
    body.put("stream", false);
    if (request.format() == ModelRequest.OutputFormat.JSON && structuredOutput != StructuredOutput.NONE) {
      ObjectNode format = body.putObject("response_format");
      if (structuredOutput == StructuredOutput.JSON_SCHEMA && request.jsonSchema().isPresent()) {
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", "verinote_note");
        schema.set("schema", HttpTransport.schema(info.id(), request.jsonSchema().get()));
      } else {
        format.put("type", "json_object");
      }
    }
    return transport.postJson(endpoint, headers, body, this::parse);
  }

  private ModelResponse parse(JsonNode node) {
    JsonNode choices = node.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw transport.malformed("no choices", null);
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.get("message");
    String content = HttpTransport.text(message, "content");
    if (content == null) {
      throw transport.malformed(HttpTransport.text(message, "refusal") != null
          ? "a refusal instead of content" : "a choice without message content", null);
    }
    String finish = HttpTransport.text(choice, "finish_reason");
    JsonNode usage = node.get("usage");
    String served = HttpTransport.text(node, "model");
    return new ModelResponse(content, info.id(), served == null || served.isBlank() ? info.version() : served,
        usage == null ? Usage.UNKNOWN
            : new Usage(HttpTransport.intOr(usage, "prompt_tokens"), HttpTransport.intOr(usage, "completion_tokens")),
        finish == null ? "" : finish, false, List.of());
  }

  /** @return the circuit breaker state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}…) */
  String circuitState() {
    return transport.circuitState();
  }

  @Override
  public String toString() {
    return "OpenAiCompatibleProvider[" + info.id() + "@" + info.version() + ", " + endpoint.getHost() + "]";
  }

  /** Builds an {@link OpenAiCompatibleProvider}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private URI baseUrl;
    private String apiKey;
    private String modelName;
    private String id;
    private String version;
    private String azureDeployment;
    private String azureApiVersion;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private StructuredOutput structuredOutput = StructuredOutput.JSON_SCHEMA;
    private PromptProfile profile = PromptProfile.LARGE_HOSTED;
    private int contextTokens = 128_000;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    /**
     * Sets the base URL (required) to which {@code /chat/completions} is appended: {@code https://api.openai.com/v1},
     * {@code http://localhost:8000/v1} (vLLM), {@code http://localhost:8080/v1} (llama.cpp), or for Azure the
     * resource endpoint {@code https://NAME.openai.azure.com}.
     *
     * @param url an absolute http(s) URL without query
     * @return this builder
     * @throws IllegalArgumentException if it is not one
     */
    public Builder baseUrl(String url) {
      this.baseUrl = Checks.baseUrl(url);
      return this;
    }

    /**
     * Sets the API key, sent as {@code Authorization: Bearer} (or {@code api-key} for Azure). Local servers
     * usually need none.
     *
     * @param key the key
     * @return this builder
     * @throws IllegalArgumentException if blank or multi-line
     */
    public Builder apiKey(String key) {
      this.apiKey = Checks.secret(key, "apiKey");
      return this;
    }

    /**
     * Sets the model name sent in the body (required unless {@link #azureDeployment} is set, which it defaults to),
     * e.g. {@code gpt-4o} or the vLLM served model name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder modelName(String name) {
      this.modelName = Checks.notBlank(name, "modelName");
      return this;
    }

    /**
     * Sets the model id used in provenance and errors (default {@code openai:<modelName>}, or
     * {@code azure-openai:<deployment>}).
     *
     * @param modelId the id
     * @return this builder
     */
    public Builder id(String modelId) {
      this.id = Checks.notBlank(modelId, "id");
      return this;
    }

    /**
     * Sets the configured version label (default: the model name). The server's reported model wins in responses.
     *
     * @param label the label
     * @return this builder
     */
    public Builder version(String label) {
      this.version = Checks.notBlank(label, "version");
      return this;
    }

    /**
     * Targets an Azure OpenAI deployment: the URL becomes
     * {@code {baseUrl}/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}} and the key is
     * sent in the {@code api-key} header.
     *
     * @param deployment the deployment name
     * @param apiVersion the API version, e.g. {@code 2024-10-21}
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder azureDeployment(String deployment, String apiVersion) {
      this.azureDeployment = Checks.once(azureDeployment, Checks.notBlank(deployment, "deployment"), "deployment");
      this.azureApiVersion = Checks.notBlank(apiVersion, "apiVersion");
      return this;
    }

    /**
     * Adds a header sent with every call (a gateway's tenant header, an organisation id).
     *
     * @param name header name
     * @param value header value
     * @return this builder
     * @throws IllegalArgumentException if the JDK HTTP client refuses it (e.g. {@code Host}, {@code Connection})
     * @throws IllegalStateException if already set
     */
    public Builder header(String name, String value) {
      Checks.putHeader(headers, name, value);
      return this;
    }

    /**
     * Sets how JSON output is asked for (default {@link StructuredOutput#JSON_SCHEMA}).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder structuredOutput(StructuredOutput mode) {
      this.structuredOutput = Objects.requireNonNull(mode, "structuredOutput");
      return this;
    }

    /**
     * Sets the prompt profile (default {@link PromptProfile#LARGE_HOSTED}; use SMALL_LOCAL for 1–3B models).
     *
     * @param p the profile
     * @return this builder
     */
    public Builder profile(PromptProfile p) {
      this.profile = Objects.requireNonNull(p, "profile");
      return this;
    }

    /**
     * Sets the context window (default 128,000 tokens).
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
     * Builds the provider. Each call creates an independent provider with its own circuit breaker.
     *
     * @return the provider
     * @throws IllegalStateException if the base URL or model name is missing
     */
    public OpenAiCompatibleProvider build() {
      if (baseUrl == null) {
        throw new IllegalStateException("OpenAiCompatibleProvider needs baseUrl(...), e.g. https://api.openai.com/v1");
      }
      if (modelName == null && azureDeployment == null) {
        throw new IllegalStateException("OpenAiCompatibleProvider needs modelName(...), e.g. gpt-4o");
      }
      return new OpenAiCompatibleProvider(this);
    }
  }
}
