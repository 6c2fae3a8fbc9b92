package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.Ref;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.Usage;
import org.verinote.core.testkit.ScriptedModelProvider;

class NoteStructurerEventsTest {

  private static final Encounter ENCOUNTER = Encounter.builder()
      .tenantId("clinic-a")
      .encounterId("visit-1")
      .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] i have had a cough for three days ."))
      .build();
  private static final String JSON = "{\"subjective\": \"cough for three days\", \"plan\": \"fluids\"}";

  private final List<PipelineEvent> events = new CopyOnWriteArrayList<>();

  private StructuringResult structure(ScriptedModelProvider model, GuardrailChain chain) {
    NoteStructurer.Builder b = NoteStructurer.builder().model(model).listener(events::add);
    if (chain != null) {
      b.guardrails(chain);
    }
    return b.build().structure(ENCOUNTER);
  }

  private List<EventType> types() {
    return events.stream().map(PipelineEvent::type).toList();
  }

  @Test
  void structure_drafted_emitsEveryStageInOrderWithIdsAndCounts() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenAnswer(r -> new ModelResponse(JSON, "scripted", "1", new Usage(120, 30), "stop", false, List.of()))
        .build();
    StructuringResult r = structure(model, null);
    assertThat(types()).containsExactly(EventType.STRUCTURE_STARTED, EventType.DEIDENTIFIED,
        EventType.PROMPT_BUILT, EventType.MODEL_CALLED, EventType.PARSED, EventType.GUARDED, EventType.RESTORED,
        EventType.DRAFTED);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.tenantId()).isEqualTo("clinic-a");
      assertThat(e.encounterId()).isEqualTo("visit-1");
      assertThat(e.modelRunId()).contains(r.provenance().modelRunId());
    });
    PipelineEvent started = events.get(0);
    assertThat(started.count(Count.TURNS)).isEqualTo(2);
    assertThat(started.count(Count.CHARS)).isEqualTo(ENCOUNTER.transcript().charCount());
    PipelineEvent call = events.get(3);
    assertThat(call.attempt()).isEqualTo(1);
    assertThat(call.code()).isEqualTo("stop");
    assertThat(call.count(Count.INPUT_TOKENS)).isEqualTo(120);
    assertThat(call.count(Count.OUTPUT_TOKENS)).isEqualTo(30);
    assertThat(call.ref(Ref.RESPONSE_MODEL)).contains("scripted");
    PipelineEvent drafted = events.get(7);
    assertThat(drafted.count(Count.ATTEMPTS)).isEqualTo(1);
    assertThat(drafted.count(Count.SECTIONS)).isEqualTo(2);
    assertThat(drafted.duration()).isGreaterThanOrEqualTo(call.duration());
  }

  @Test
  void structure_retriableErrorThenSuccess_emitsModelFailedAndRepromptedWithAttemptNumbers() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new ModelTimeoutException("scripted", "no answer in 30 s", null)).thenReturn(JSON).build();
    structure(model, null);
    assertThat(types()).containsSubsequence(EventType.MODEL_FAILED, EventType.REPROMPTED, EventType.MODEL_CALLED,
        EventType.DRAFTED);
    PipelineEvent failed = events.stream().filter(e -> e.type() == EventType.MODEL_FAILED).findFirst().orElseThrow();
    assertThat(failed.code()).isEqualTo("ModelTimeoutException");
    assertThat(failed.attempt()).isEqualTo(1);
    PipelineEvent again = events.stream().filter(e -> e.type() == EventType.REPROMPTED).findFirst().orElseThrow();
    assertThat(again.code()).isEqualTo("RETRIABLE_ERROR");
    assertThat(again.attempt()).isEqualTo(2);
  }

  @Test
  void structure_unparseableTwice_emitsFailedWithFailureCode() {
    structure(ScriptedModelProvider.builder().thenReturn("no").thenReturn("still no").build(), null);
    assertThat(types()).containsSubsequence(EventType.PARSED, EventType.REPROMPTED, EventType.PARSED,
        EventType.FAILED);
    assertThat(events.get(events.size() - 1).code()).isEqualTo("INVALID_MODEL_OUTPUT");
    assertThat(events.stream().filter(e -> e.type() == EventType.PARSED).map(PipelineEvent::code))
        .containsExactly("UNPARSEABLE", "UNPARSEABLE");
  }

  @Test
  void structure_egressRefused_emitsRefusedCheckAndFailedWithoutModelCall() {
    NoteStructurer.builder().model(ScriptedModelProvider.builder().remote(true).otherwise(JSON).build())
        .deIdentifier(org.verinote.core.deid.DeIdentifier.disabled()).listener(events::add).build()
        .structure(ENCOUNTER);
    assertThat(types()).containsExactly(EventType.STRUCTURE_STARTED, EventType.DEIDENTIFIED,
        EventType.PROMPT_BUILT, EventType.EGRESS_CHECKED, EventType.FAILED);
    assertThat(events.get(3).code()).isEqualTo("REFUSED");
    assertThat(events.get(4).code()).isEqualTo("PHI_EGRESS_REFUSED");
  }

  @Test
  void structure_guardrailBlocks_emitsGuardedBlockedThenFailed() {
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
    structure(ScriptedModelProvider.always(JSON), GuardrailChain.builder().add(blocker).build());
    assertThat(types()).endsWith(EventType.GUARDED, EventType.FAILED);
    assertThat(events.get(events.size() - 2).code()).isEqualTo("BLOCKED");
    assertThat(events.get(events.size() - 1).code()).isEqualTo("BLOCKED_BY_GUARDRAIL");
  }

  @Test
  void structure_listenerThrowsOnEveryEvent_pipelineStillDrafts() {
    NoteStructurer s = NoteStructurer.builder().model(ScriptedModelProvider.always(JSON))
        .listener(e -> {
          throw new IllegalStateException("broken listener");
        })
        .listener(events::add).build();
    assertThat(s.structure(ENCOUNTER).status()).isEqualTo(Status.DRAFTED);
    assertThat(types()).endsWith(EventType.DRAFTED);
  }

  @Test
  void structure_bindsMdcDuringModelCallAndRestoresPreviousValuesAfter() {
    List<String> seen = new CopyOnWriteArrayList<>();
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new ModelTimeoutException("scripted", "slow", null))
        .thenAnswer(r -> {
          seen.add(MDC.get("encounter_id") + "|" + MDC.get("visit_id") + "|" + MDC.get("tenant_id") + "|"
              + MDC.get("model_run_id"));
          return ModelResponse.of(JSON, new org.verinote.core.model.ModelInfo("scripted", "1",
              new org.verinote.core.model.ModelCapabilities(true, 8192, false,
                  org.verinote.core.model.PromptProfile.LARGE_HOSTED)));
        }).build();
    MDC.put("encounter_id", "outer-visit");
    try {
      StructuringResult r = NoteStructurer.builder().model(model).build().structure(ENCOUNTER);
      assertThat(seen).containsExactly("visit-1|visit-1|clinic-a|" + r.provenance().modelRunId());
      assertThat(MDC.get("encounter_id")).isEqualTo("outer-visit");
      assertThat(MDC.get("model_run_id")).isNull();
    } finally {
      MDC.clear();
    }
  }

  @Test
  void structure_withoutListenersAndLoggingOff_stillDrafts() {
    StructuringResult r = NoteStructurer.builder().model(ScriptedModelProvider.always(JSON)).logEvents(false)
        .build().structure(ENCOUNTER);
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
  }
}
