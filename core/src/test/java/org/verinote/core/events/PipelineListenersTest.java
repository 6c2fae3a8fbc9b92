package org.verinote.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.verinote.core.testkit.CapturingLogProvider;

class PipelineListenersTest {

  private static final PipelineEvent EVENT = PipelineEvent.builder(EventType.DEIDENTIFIED, "t", "e").build();

  @Test
  void composite_throwingListener_isIsolatedAndLaterListenersStillRun() {
    List<PipelineEvent> seen = new ArrayList<>();
    PipelineListener throwing = e -> {
      throw new IllegalStateException("listener bug");
    };
    PipelineListener composite = PipelineListeners.composite(List.of(throwing, seen::add));
    composite.onEvent(EVENT);
    composite.onEvent(EVENT);
    assertThat(seen).containsExactly(EVENT, EVENT);
  }

  @Test
  void composite_throwingListener_warnsOnceWithoutTheExceptionMessage() {
    CapturingLogProvider.clear();
    PipelineListener throwing = e -> {
      throw new IllegalStateException("Jane Doe 555-0101");
    };
    PipelineListener composite = PipelineListeners.composite(List.of(throwing));
    composite.onEvent(EVENT);
    composite.onEvent(EVENT);
    composite.onEvent(EVENT);
    List<CapturingLogProvider.Record> warns = CapturingLogProvider.drain().stream()
        .filter(r -> r.level() == Level.WARN).toList();
    assertThat(warns).singleElement().satisfies(r -> {
      assertThat(r.message()).contains("java.lang.IllegalStateException", "DEIDENTIFIED", "the pipeline continues");
      assertThat(r.allText()).doesNotContain("Jane", "555-0101");
    });
  }

  @Test
  void logging_event_writesOneInfoLineAndDebugDetails() {
    CapturingLogProvider.clear();
    PipelineListeners.logging().onEvent(PipelineEvent.builder(EventType.PARSED, "clinic-a", "visit-1")
        .code("OK").count(Count.FINDINGS, 3).build());
    List<CapturingLogProvider.Record> records = CapturingLogProvider.drain().stream()
        .filter(r -> r.logger().equals("org.verinote.events")).toList();
    assertThat(records).extracting(CapturingLogProvider.Record::level).containsExactly(Level.INFO, Level.DEBUG);
    assertThat(records.get(0).message()).startsWith("PARSED tenant=clinic-a encounter=visit-1 code=OK took=");
    assertThat(records.get(1).message()).isEqualTo("PARSED details encounter=visit-1 counts={FINDINGS=3} refs={}");
  }

  @Test
  void composite_callsListenersInOrder() {
    List<String> calls = new ArrayList<>();
    PipelineListeners.composite(List.of(e -> calls.add("a"), e -> calls.add("b"))).onEvent(EVENT);
    assertThat(calls).containsExactly("a", "b");
  }

  @Test
  void composite_empty_isNoop() {
    assertThat(PipelineListeners.isNoop(PipelineListeners.composite(List.of()))).isTrue();
    assertThat(PipelineListeners.isNoop(PipelineListeners.logging())).isFalse();
  }

  @Test
  void composite_nullElement_throwsNullPointer() {
    List<PipelineListener> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> PipelineListeners.composite(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void loggingSummary_hasTypeIdsCodeAndDuration() {
    PipelineEvent e = PipelineEvent.builder(EventType.FAILED, "clinic-a", "visit-1").modelRunId("run-1")
        .code("MODEL_UNAVAILABLE").duration(java.time.Duration.ofNanos(1_234_567)).build();
    assertThat(LoggingListener.summary(e))
        .isEqualTo("FAILED tenant=clinic-a encounter=visit-1 run=run-1 code=MODEL_UNAVAILABLE took=1.234ms");
  }
}
