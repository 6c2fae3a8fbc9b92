package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Extra headers on every HTTP provider's builder: validated at once, never set twice, values never echoed. */
class ProviderHeaderTest {

  /** Each provider's {@code Builder::header} on a fresh builder. */
  static Stream<Arguments> builders() {
    Supplier<BiConsumer<String, String>> openAi = () -> OpenAiCompatibleProvider.builder()::header;
    Supplier<BiConsumer<String, String>> anthropic = () -> AnthropicProvider.builder()::header;
    Supplier<BiConsumer<String, String>> ollama = () -> OllamaProvider.builder()::header;
    return Stream.of(Arguments.of("openai-compatible", openAi), Arguments.of("anthropic", anthropic),
        Arguments.of("ollama", ollama));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void sameHeaderTwice_inAnyCase_isRefused(String provider, Supplier<BiConsumer<String, String>> builder) {
    BiConsumer<String, String> header = builder.get();
    header.accept("X-Tenant", "a");
    assertThatThrownBy(() -> header.accept("x-tenant", "b")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("x-tenant").hasMessageContaining("already set");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void restrictedHeader_isRefusedWithoutEchoingItsValue(String provider,
      Supplier<BiConsumer<String, String>> builder) {
    BiConsumer<String, String> header = builder.get();
    assertThatThrownBy(() -> header.accept("Host", "secret-host.example")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host").satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-host"));
  }
}
