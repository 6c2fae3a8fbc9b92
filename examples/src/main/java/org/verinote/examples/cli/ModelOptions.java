package org.verinote.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.providers.AnthropicProvider;
import org.verinote.core.providers.FallbackModelProvider;
import org.verinote.core.providers.OllamaProvider;
import org.verinote.core.providers.OpenAiCompatibleProvider;
import picocli.CommandLine.Option;

/**
 * The model-server flags of {@code verinote structure}, as a picocli mixin: {@code --base-url}, {@code --model-name},
 * {@code --api-key-env}, {@code --fallback-extractive}; the command's own {@code --model} picks the kind. The API key
 * is read from the named environment variable, never from the command line (where it would land in shell history
 * and process listings).
 */
final class ModelOptions {

  /** The {@code --model} kinds, in the order they are listed in messages. */
  static final List<String> KINDS = List.of("extractive", "openai-compatible", "anthropic", "ollama");

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Model server base URL, e.g. https://api.openai.com/v1, http://localhost:11434."
          + " Defaults: anthropic https://api.anthropic.com, ollama http://localhost:11434.")
  String baseUrl;

  @Option(names = "--model-name", paramLabel = "NAME", description = "Model name, e.g. gpt-4o, llama3.2:3b.")
  String modelName;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Environment variable holding the API key (e.g. OPENAI_API_KEY).")
  String apiKeyEnv;

  @Option(names = "--fallback-extractive",
      description = "If the model fails, draft with the extractive model instead (marked DEGRADED).")
  boolean fallbackExtractive;

  /**
   * Builds the provider the flags describe.
   *
   * @param model the {@code --model} value
   * @param env reads an environment variable
   * @return the provider
   * @throws IllegalArgumentException with a message for the user if the flags are inconsistent
   */
  ModelProvider provider(String model, Function<String, String> env) {
    String kind = model.strip().toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("Unknown model '" + model + "'. Valid models: " + String.join(", ", KINDS)
          + ".");
    }
    if (StructureCommand.MODELS.contains(kind)) {
      if (baseUrl != null || modelName != null || apiKeyEnv != null || fallbackExtractive) {
        throw new IllegalArgumentException("--base-url, --model-name, --api-key-env and --fallback-extractive need"
            + " --model openai-compatible, anthropic or ollama");
      }
      return StructureCommand.newModel(kind).orElseThrow();
    }
    if (modelName == null) {
      throw new IllegalArgumentException("--model " + kind + " needs --model-name NAME");
    }
    String key = null;
    if (apiKeyEnv != null) {
      key = env.apply(apiKeyEnv);
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("environment variable " + apiKeyEnv + " (from --api-key-env) is not set");
      }
    }
    ModelProvider remote;
    switch (kind) {
      case "openai-compatible":
        if (baseUrl == null) {
          throw new IllegalArgumentException("--model openai-compatible needs --base-url URL, e.g."
              + " https://api.openai.com/v1 or http://localhost:8000/v1");
        }
        OpenAiCompatibleProvider.Builder o = OpenAiCompatibleProvider.builder().baseUrl(baseUrl).modelName(modelName);
        if (key != null) {
          o.apiKey(key);
        }
        remote = o.build();
        break;
      case "anthropic":
        if (key == null) {
          throw new IllegalArgumentException("--model anthropic needs --api-key-env VAR (e.g. ANTHROPIC_API_KEY)");
        }
        AnthropicProvider.Builder a = AnthropicProvider.builder().apiKey(key).modelName(modelName);
        if (baseUrl != null) {
          a.baseUrl(baseUrl);
        }
        remote = a.build();
        break;
      default:
        OllamaProvider.Builder l = OllamaProvider.builder().modelName(modelName);
        if (baseUrl != null) {
          l.baseUrl(baseUrl);
        }
        if (key != null) {
          l.header("Authorization", "Bearer " + key);
        }
        remote = l.build();
    }
    return fallbackExtractive
        ? FallbackModelProvider.builder().add(remote).add(new ExtractiveModelProvider()).build()
        : remote;
  }
}
