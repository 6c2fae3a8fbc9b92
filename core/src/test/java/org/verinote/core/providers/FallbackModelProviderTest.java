package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.verinote.core.ModelAuthenticationException;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.ModelUnavailableException;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.testkit.ScriptedModelProvider;

class FallbackModelProviderTest {

  private static ScriptedModelProvider failing(String id, RuntimeException e) {
    return ScriptedModelProvider.builder().id(id, "1").remote(true).thenThrow(e).build();
  }

  @Test
  void primaryAnswers_returnsItUndegraded() {
    ScriptedModelProvider hosted = ScriptedModelProvider.builder().id("hosted", "1").otherwise("{}").build();
    ScriptedModelProvider local = ScriptedModelProvider.builder().id("local", "1").otherwise("{}").build();
    ModelResponse r = FallbackModelProvider.builder().add(hosted).add(local).build().generate(Fixtures.request());
    assertThat(r.modelId()).isEqualTo("hosted");
    assertThat(r.degraded()).isFalse();
    assertThat(r.skipped()).isEmpty();
    assertThat(local.calls()).isZero();
  }

  @Test
  void hostedAndLocalFail_extractiveAnswersDegradedWithSkippedReasons() {
    ScriptedModelProvider hosted = failing("openai:gpt-4o",
        new ModelServerException("openai:gpt-4o", 503, "Model 'openai:gpt-4o' failed (HTTP 503).", null));
    ScriptedModelProvider local = failing("ollama:llama3.2",
        new ModelTimeoutException("ollama:llama3.2", "did not answer within 200 ms.", null));
    ScriptedModelProvider extractive = ScriptedModelProvider.builder().id("extractive", "1")
        .otherwise("{\"plan\":\"x\"}").build();
    ModelResponse r = FallbackModelProvider.builder().add(hosted).add(local).add(extractive).build()
        .generate(Fixtures.request());
    assertThat(r.modelId()).isEqualTo("extractive");
    assertThat(r.degraded()).isTrue();
    assertThat(r.skipped()).containsExactly(
        "openai:gpt-4o: ModelServerException: Model 'openai:gpt-4o' failed (HTTP 503).",
        "ollama:llama3.2: ModelTimeoutException: did not answer within 200 ms.");
  }

  @Test
  void allFail_throwsUnavailableListingEveryProvider() {
    ModelAuthenticationException last = new ModelAuthenticationException("b", "bad key (HTTP 401).", null);
    FallbackModelProvider chain = FallbackModelProvider.builder()
        .add(failing("a", new IllegalStateException("secret text from a bug")))
        .add(failing("b", last)).build();
    assertThatThrownBy(() -> chain.generate(Fixtures.request()))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessage("All 2 providers failed: a: IllegalStateException; b: ModelAuthenticationException: bad key"
            + " (HTTP 401).")
        .hasCause(last);
  }

  @Test
  void info_isPrimaryIdentityAndRemoteIfAnyRemote() {
    ScriptedModelProvider local = ScriptedModelProvider.builder().id("local", "7").remote(false).build();
    ScriptedModelProvider hosted = ScriptedModelProvider.builder().id("hosted", "1").remote(true).build();
    FallbackModelProvider chain = FallbackModelProvider.builder().add(local).add(hosted).build();
    assertThat(chain.info().id()).isEqualTo("local");
    assertThat(chain.info().version()).isEqualTo("7");
    assertThat(chain.info().capabilities().remote()).isTrue();
    assertThat(chain.toString()).isEqualTo("FallbackModelProvider[local -> hosted]");
  }

  @Test
  void builder_rejectsSingleProviderAndDuplicates() {
    ScriptedModelProvider p = ScriptedModelProvider.always("{}");
    assertThatThrownBy(() -> FallbackModelProvider.builder().add(p).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A fallback chain needs at least two providers, got 1");
    assertThatThrownBy(() -> FallbackModelProvider.builder().add(p).add(p))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
