package org.verinote.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PipelineEventTest {

  @Test
  void builder_freeTextInAnyStringField_isReducedToAToken() {
    PipelineEvent e = PipelineEvent.builder(EventType.FAILED, "clinic a", "visit 7")
        .modelRunId("run 1")
        .code("Mr John Smith, born 01/02/1960")
        .ref(Ref.MODEL, "gpt 4o (mini)")
        .build();
    assertThat(e.tenantId()).isEqualTo("clinic_a");
    assertThat(e.encounterId()).isEqualTo("visit_7");
    assertThat(e.modelRunId()).contains("run_1");
    assertThat(e.code()).isEqualTo("Mr_John_Smith__born_01/02/1960");
    assertThat(e.ref(Ref.MODEL)).contains("gpt_4o__mini_");
  }

  @Property
  void token_neverContainsWhitespaceAndIsAtMost128Chars(@ForAll String any) {
    String t = PipelineEvent.token(any);
    assertThat(t).hasSizeLessThanOrEqualTo(128).doesNotContainAnyWhitespaces();
    assertThat(t).matches("[A-Za-z0-9._:/@+\\-]*");
  }

  @Test
  void token_idShapedInput_isKeptAsIs() {
    assertThat(PipelineEvent.token("openai:gpt-4o@2024-08-06")).isEqualTo("openai:gpt-4o@2024-08-06");
  }

  @Test
  void builder_negativeCountDurationOrAttempt_throwsIllegalArgument() {
    PipelineEvent.Builder b = PipelineEvent.builder(EventType.PARSED, "t", "e");
    assertThatThrownBy(() -> b.count(Count.FINDINGS, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FINDINGS must be >= 0, got -1");
    assertThatThrownBy(() -> b.duration(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attempt(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attempt must be >= 0, got -1");
  }

  @Test
  void accessors_absentCountAndRef_reportMinusOneAndEmpty() {
    PipelineEvent e = PipelineEvent.builder(EventType.PARSED, "t", "e").count(Count.FINDINGS, 2).build();
    assertThat(e.count(Count.FINDINGS)).isEqualTo(2);
    assertThat(e.count(Count.INPUT_TOKENS)).isEqualTo(-1);
    assertThat(e.ref(Ref.DRAFT_ID)).isEmpty();
    assertThat(e.modelRunId()).isEmpty();
    assertThat(e.code()).isEmpty();
  }

  @Test
  void toString_printsTypeIdsCodeDurationAndCounts() {
    PipelineEvent e = PipelineEvent.builder(EventType.MODEL_CALLED, "clinic-a", "visit-1").modelRunId("run-1")
        .attempt(2).code("stop").duration(Duration.ofMillis(12)).count(Count.INPUT_TOKENS, 300)
        .ref(Ref.MODEL, "m").timestamp(Instant.EPOCH).build();
    assertThat(e).hasToString("PipelineEvent[MODEL_CALLED, tenant=clinic-a, encounter=visit-1, run=run-1,"
        + " attempt=2, code=stop, 12000 us, counts={INPUT_TOKENS=300}, refs={MODEL=m}]");
    assertThat(e.timestamp()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void build_isRepeatableAndCopiesMaps() {
    PipelineEvent.Builder b = PipelineEvent.builder(EventType.PARSED, "t", "e").count(Count.FINDINGS, 1);
    PipelineEvent first = b.build();
    b.count(Count.FINDINGS, 5);
    assertThat(first.count(Count.FINDINGS)).isEqualTo(1);
    assertThat(b.build().count(Count.FINDINGS)).isEqualTo(5);
  }

  @Test
  void eventType_terminalAndFailureFlags() {
    assertThat(EventType.DRAFTED.isTerminal()).isTrue();
    assertThat(EventType.FAILED.isTerminal()).isTrue();
    assertThat(EventType.MODEL_FAILED.isTerminal()).isFalse();
    assertThat(EventType.MODEL_FAILED.isFailure()).isTrue();
    assertThat(EventType.SUBMISSION_FAILED.category()).isEqualTo(EventType.Category.SUBMISSION);
    assertThat(EventType.GUARDED.stage()).isEqualTo("guardrails");
  }
}
