package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.providers.AnthropicProvider;
import org.verinote.core.providers.FallbackModelProvider;
import org.verinote.core.providers.OllamaProvider;
import org.verinote.core.providers.OpenAiCompatibleProvider;
import picocli.CommandLine;

class ModelOptionsTest {

  @CommandLine.Command(name = "t")
  static final class Holder {
    @CommandLine.Mixin
    ModelOptions models = new ModelOptions();

    @CommandLine.Option(names = "--model", defaultValue = "extractive")
    String model;
  }

  private static ModelProvider parse(Map<String, String> env, String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.models.provider(h.model, env::get);
  }

  @Test
  void noFlags_isExtractive() {
    assertThat(parse(Map.of())).isInstanceOf(ExtractiveModelProvider.class);
  }

  @Test
  void openAiCompatible_withKeyFromEnv() {
    ModelProvider p = parse(Map.of("MY_KEY", "sk-1"), "--model", "openai-compatible", "--base-url",
        "http://localhost:8000/v1", "--model-name", "qwen", "--api-key-env", "MY_KEY");
    assertThat(p).isInstanceOf(OpenAiCompatibleProvider.class);
    assertThat(p.info().id()).isEqualTo("openai:qwen");
  }

  @Test
  void anthropicAndOllama_useTheirDefaultsAndFallbackWrapsExtractive() {
    assertThat(parse(Map.of("K", "ak"), "--model", "anthropic", "--model-name", "claude-x", "--api-key-env", "K"))
        .isInstanceOf(AnthropicProvider.class);
    assertThat(parse(Map.of(), "--model", "ollama", "--model-name", "llama3.2:3b"))
        .isInstanceOf(OllamaProvider.class);
    ModelProvider chain = parse(Map.of(), "--model", "ollama", "--model-name", "llama3.2:3b",
        "--fallback-extractive");
    assertThat(chain).isInstanceOf(FallbackModelProvider.class);
    assertThat(((FallbackModelProvider) chain).providers().get(1)).isInstanceOf(ExtractiveModelProvider.class);
  }

  @Test
  void inconsistentFlags_explainWhatIsMissing() {
    assertThatThrownBy(() -> parse(Map.of(), "--model", "openai-compatible", "--model-name", "m"))
        .hasMessage("--model openai-compatible needs --base-url URL, e.g. https://api.openai.com/v1 or"
            + " http://localhost:8000/v1");
    assertThatThrownBy(() -> parse(Map.of(), "--model", "ollama"))
        .hasMessage("--model ollama needs --model-name NAME");
    assertThatThrownBy(() -> parse(Map.of(), "--model", "anthropic", "--model-name", "c", "--api-key-env", "NOPE"))
        .hasMessage("environment variable NOPE (from --api-key-env) is not set");
    assertThatThrownBy(() -> parse(Map.of(), "--model", "gpt"))
        .hasMessage("Unknown model 'gpt'. Valid models: extractive, openai-compatible, anthropic, ollama.");
    assertThatThrownBy(() -> parse(Map.of(), "--model-name", "m"))
        .hasMessage("--base-url, --model-name, --api-key-env and --fallback-extractive need --model"
            + " openai-compatible, anthropic or ollama");
  }
}
