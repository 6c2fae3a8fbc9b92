package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.testkit.ScriptedModelProvider;

class LlmJudgeTest {

  @Test
  void judgeVerdict_becomesFindingOnTheNamedSentence() {
    ScriptedModelProvider model = ScriptedModelProvider.always("{\"unsupported\": [2]}");
    String note = "Chest pain for two weeks. Skis in Norway.";
    GuardVerdict v = Fixtures.run(LlmJudge.builder().model(model).build(), note);
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("JUDGE_UNSUPPORTED");
      assertThat(note.substring(f.location().start(), f.location().end())).isEqualTo("Skis in Norway.");
    });
    String sent = model.requests().get(0).messages().get(1).content();
    assertThat(sent).contains(PromptFraming.FENCE_OPEN).contains("1. Chest pain for two weeks.")
        .contains("2. Skis in Norway.");
  }

  @Test
  void sampleRateZero_neverCallsTheModel() {
    ScriptedModelProvider model = ScriptedModelProvider.always("{\"unsupported\": [1]}");
    GuardVerdict v = Fixtures.run(LlmJudge.builder().model(model).sampleRate(0.0).build(), "Chest pain.");
    assertThat(model.calls()).isZero();
    assertThat(v.scores()).containsEntry("judge_sampled", 0.0);
  }

  @Test
  void builder_withoutModel_failsWithClearMessage() {
    assertThatThrownBy(() -> LlmJudge.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("LlmJudge needs a model: call model(...)");
    assertThatThrownBy(() -> LlmJudge.builder().sampleRate(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void judge_isNotInTheStandardChain() {
    assertThat(Guardrails.standard().outputLayers()).noneMatch(l -> l.name().equals(LlmJudge.NAME));
  }
}
