package org.verinote.examples.cli.eval;

import java.util.Locale;
import org.verinote.core.InvalidInputException;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.providers.OllamaProvider;
import org.verinote.core.providers.OpenAiCompatibleProvider;

/**
 * Builds the model for {@code eval run --model} and the judges: {@code extractive} (the SDK's embedded extractive
 * model), {@code baseline} (a copy-turns rule baseline), {@code ollama:<model>} (a local Ollama server at
 * {@code --base-url}) or {@code openai:<model>} (an OpenAI-compatible server at {@code --base-url} such as
 * llama.cpp's or vLLM's, e.g. {@code http://localhost:8080/v1}; no API key is sent).
 */
final class ModelFactory {

  private ModelFactory() {}

  static ModelProvider create(String spec, String baseUrl) {
    String s = spec.strip();
    if (s.equalsIgnoreCase("extractive")) {
      return new ExtractiveModelProvider();
    }
    if (s.equalsIgnoreCase("baseline")) {
      return new BaselineModelProvider();
    }
    if (s.toLowerCase(Locale.ROOT).startsWith("ollama:") && s.length() > 7) {
      return OllamaProvider.builder().baseUrl(baseUrl).modelName(s.substring(7)).build();
    }
    if (s.toLowerCase(Locale.ROOT).startsWith("openai:") && s.length() > 7) {
      return OpenAiCompatibleProvider.builder().baseUrl(baseUrl).modelName(s.substring(7)).build();
    }
    throw new InvalidInputException("Unknown model '" + s + "'. Expected 'extractive', 'baseline', 'ollama:<model>' or"
        + " 'openai:<model>'.");
  }
}
