package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.deid.DeIdentifier;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.testkit.ScriptedModelProvider;

class NoteStructurerTest {

  private static final Encounter ENCOUNTER = Encounter.builder()
      .tenantId("clinic-a")
      .encounterId("visit-1")
      .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] i have had a cough for three days ."))
      .template(NoteTemplate.soap())
      .build();

  private static NoteStructurer with(ScriptedModelProvider model) {
    return NoteStructurer.builder().model(model).build();
  }

  @Test
  void structure_validJson_draftsNoteWithEvidenceAndProvenance() {
    String raw = "{\"subjective\": \"i have had a cough for three days.\", \"objective\": \"\","
        + " \"assessment\": \"\", \"plan\": \"\"}";
    StructuringResult r = with(ScriptedModelProvider.always(raw)).structure(ENCOUNTER);
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    NoteSection s = r.note().orElseThrow().section("subjective").orElseThrow();
    assertThat(s.text()).isEqualTo("i have had a cough for three days.");
    assertThat(s.evidence()).singleElement().satisfies(e -> {
      assertThat(e.turnIndex()).isEqualTo(1);
      assertThat(e.score()).isEqualTo(1.0);
    });
    assertThat(r.provenance().rawModelOutput()).isEqualTo(raw);
    assertThat(r.provenance().attempts()).hasSize(1);
    assertThat(r.provenance().stageTimings()).containsKeys("deidentify", "prompt", "model", "parse", "restore");
    assertThat(r.provenance().deidentified()).isTrue();
    assertThat(r.provenance().deidentifierId()).isEqualTo("safe-harbor/1");
  }

  @Test
  void structure_sameInputsTwice_sameModelRunIdAndSameNote() {
    String raw = "{\"subjective\": \"cough\"}";
    NoteStructurer s = with(ScriptedModelProvider.always(raw));
    StructuringResult a = s.structure(ENCOUNTER);
    StructuringResult b = s.structure(ENCOUNTER);
    assertThat(a.provenance().modelRunId()).isEqualTo(b.provenance().modelRunId()).startsWith("run-");
    assertThat(a.note()).isEqualTo(b.note());
  }

  @Test
  void structure_providerThrows_failsWithModelUnavailableAndNoException() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new IllegalStateException("boom")).build();
    StructuringResult r = with(model).structure(ENCOUNTER);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.failure().orElseThrow().code()).isEqualTo(Failure.Code.MODEL_UNAVAILABLE);
    assertThat(r.failure().orElseThrow().message()).isEqualTo("The model 'scripted' failed: IllegalStateException");
  }

  @Test
  void structure_retriableModelError_retriesThenDrafts() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new ModelTimeoutException("scripted", "no answer in 30 s", null))
        .thenReturn("{\"plan\": \"follow up\"}").build();
    StructuringResult r = with(model).structure(ENCOUNTER);
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    assertThat(r.provenance().attempts()).extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.MODEL_ERROR, Attempt.Outcome.ACCEPTED);
  }

  @Test
  void structure_emptyOutputTwice_failsWithInvalidOutputAndKeepsRawOutputs() {
    ScriptedModelProvider model = ScriptedModelProvider.builder().thenReturn("").thenReturn("   ").build();
    StructuringResult r = with(model).structure(ENCOUNTER);
    assertThat(r.failure().orElseThrow().code()).isEqualTo(Failure.Code.INVALID_MODEL_OUTPUT);
    assertThat(r.provenance().attempts()).hasSize(2)
        .allMatch(a -> a.outcome() == Attempt.Outcome.UNPARSEABLE);
    assertThat(model.requests().get(1).messages()).hasSize(4);
  }

  @Test
  void structure_nonJsonThenJson_repromptsAndDrafts() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenReturn("Sorry, I can't help with that.")
        .thenReturn("```json\n{\"assessment\": \"viral illness\",}\n```").build();
    StructuringResult r = with(model).structure(ENCOUNTER);
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    assertThat(r.provenance().attempts().get(1).instruction()).startsWith("Your previous answer could not be read");
  }

  @Test
  void structure_jsonWithEverySectionMissing_fails() {
    ScriptedModelProvider model = ScriptedModelProvider.builder().otherwise("{\"foo\": \"bar\"}").build();
    StructuringResult r = with(model).structure(ENCOUNTER);
    assertThat(r.failure().orElseThrow().message())
        .startsWith("The model output is JSON but has none of the template's 4 sections.");
  }

  @Test
  void structure_remoteModelWithDeidDisabled_refusesEgressAndSendsNothing() {
    ScriptedModelProvider model = ScriptedModelProvider.builder().remote(true).otherwise("{}").build();
    StructuringResult r = NoteStructurer.builder().model(model).deIdentifier(DeIdentifier.disabled()).build()
        .structure(ENCOUNTER);
    assertThat(r.failure().orElseThrow().code()).isEqualTo(Failure.Code.PHI_EGRESS_REFUSED);
    assertThat(model.calls()).isZero();
  }

  @Test
  void structure_guardrailBlocks_failsWithReason() {
    Guardrail blocker = new Guardrail() {
      @Override
      public String name() {
        return "blocker";
      }

      @Override
      public GuardVerdict check(org.verinote.core.guard.GuardContext context) {
        return new GuardVerdict.Block("unsafe", List.of(), Map.of());
      }
    };
    NoteStructurer s = NoteStructurer.builder().model(ScriptedModelProvider.always("{\"plan\": \"x\"}"))
        .guardrails(GuardrailChain.builder().add(blocker).build()).build();
    StructuringResult r = s.structure(ENCOUNTER);
    assertThat(r.failure().orElseThrow()).isEqualTo(new Failure(Failure.Code.BLOCKED_BY_GUARDRAIL, "unsafe"));
  }

  @Test
  void builder_withoutModel_throwsIllegalState() {
    assertThatThrownBy(() -> NoteStructurer.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("NoteStructurer needs a model: call model(...) or router(...)");
  }

  @Test
  void structure_null_throwsNpeNamingParameter() {
    NoteStructurer s = with(ScriptedModelProvider.always("{}"));
    assertThatThrownBy(() -> s.structure(null)).isInstanceOf(NullPointerException.class).hasMessage("encounter");
  }
}
