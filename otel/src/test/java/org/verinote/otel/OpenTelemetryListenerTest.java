package org.verinote.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.NoteStructurer;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.Ref;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.Usage;
import org.verinote.core.testkit.ScriptedModelProvider;

class OpenTelemetryListenerTest {

  private static final Encounter ENCOUNTER = Encounter.builder().tenantId("clinic-a").encounterId("visit-1")
      .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] a cough for three days .")).build();
  private static final String JSON = "{\"subjective\": \"a cough for three days\"}";

  private final InMemoryOtel otel = new InMemoryOtel();

  @AfterEach
  void close() {
    otel.close();
  }

  private StructuringResult structure(ScriptedModelProvider model, OpenTelemetryListener listener) {
    return NoteStructurer.builder().model(model).listener(listener).logEvents(false).build().structure(ENCOUNTER);
  }

  private static ScriptedModelProvider gpt(String text) {
    return ScriptedModelProvider.builder().id("openai:gpt-4o", "2024-08-06")
        .thenAnswer(r -> new ModelResponse(text, "openai:gpt-4o-2024-08-06", "2024-08-06", new Usage(120, 30),
            "stop", false, List.of()))
        .build();
  }

  private SpanData span(String name) {
    return otel.finishedSpans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void structure_drafted_oneTraceWithRootAndOneChildSpanPerStage() {
    StructuringResult r = structure(gpt(JSON), OpenTelemetryListener.create(otel.sdk));
    List<SpanData> spans = otel.finishedSpans();
    SpanData root = span("verinote.structure");
    assertThat(spans).extracting(SpanData::getName).containsExactly("verinote.deidentify", "verinote.prompt",
        "chat gpt-4o", "verinote.parse", "verinote.guardrails", "verinote.restore", "verinote.structure");
    assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId())
        .isEqualTo(OpenTelemetryListener.traceIdOf("clinic-a", "visit-1")));
    assertThat(spans).filteredOn(s -> s != root)
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(root.getSpanId()));
    assertThat(root.getAttributes().get(OpenTelemetryListener.ENCOUNTER)).isEqualTo("visit-1");
    assertThat(root.getAttributes().get(OpenTelemetryListener.TENANT)).isEqualTo("clinic-a");
    assertThat(root.getAttributes().get(OpenTelemetryListener.RUN)).isEqualTo(r.provenance().modelRunId());
    assertThat(root.getAttributes().get(AttributeKey.stringKey("verinote.status"))).isEqualTo("DRAFTED");
    assertThat(root.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(root.getStartEpochNanos()).isLessThanOrEqualTo(spans.get(0).getStartEpochNanos());
    assertThat(root.getEndEpochNanos()).isGreaterThanOrEqualTo(spans.get(5).getEndEpochNanos());
  }

  @Test
  void modelSpan_carriesGenAiSemanticConventionAttributes() {
    structure(gpt(JSON), OpenTelemetryListener.create(otel.sdk));
    SpanData call = span("chat gpt-4o");
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getAttributes().get(GenAi.OPERATION_NAME)).isEqualTo("chat");
    assertThat(call.getAttributes().get(GenAi.SYSTEM)).isEqualTo("openai");
    assertThat(call.getAttributes().get(GenAi.REQUEST_MODEL)).isEqualTo("gpt-4o");
    assertThat(call.getAttributes().get(GenAi.RESPONSE_MODEL)).isEqualTo("gpt-4o-2024-08-06");
    assertThat(call.getAttributes().get(GenAi.INPUT_TOKENS)).isEqualTo(120L);
    assertThat(call.getAttributes().get(GenAi.OUTPUT_TOKENS)).isEqualTo(30L);
    assertThat(call.getAttributes().get(GenAi.FINISH_REASONS)).containsExactly("stop");
    assertThat(call.getAttributes().get(OpenTelemetryListener.ATTEMPT)).isEqualTo(1L);
  }

  @Test
  void structure_modelFailsThenUnparseable_errorStatusesAndRepromptEvents() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new ModelTimeoutException("scripted", "slow", null)).thenReturn("not json").build();
    StructuringResult r = structure(model, OpenTelemetryListener.create(otel.sdk));
    assertThat(r.failure()).isPresent();
    SpanData root = span("verinote.structure");
    assertThat(root.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(root.getStatus().getDescription()).isEqualTo("INVALID_MODEL_OUTPUT");
    assertThat(root.getAttributes().get(GenAi.ERROR_TYPE)).isEqualTo("INVALID_MODEL_OUTPUT");
    assertThat(root.getEvents()).extracting(e -> e.getName()).containsExactly("verinote.reprompt");
    SpanData failedCall = otel.finishedSpans().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT && s.getStatus().getStatusCode() == StatusCode.ERROR)
        .findFirst().orElseThrow();
    assertThat(failedCall.getAttributes().get(GenAi.ERROR_TYPE)).isEqualTo("ModelTimeoutException");
  }

  @Test
  void modelCall_runsWithTheStructureSpanAsCurrentSpan() {
    List<String> seen = new CopyOnWriteArrayList<>();
    ScriptedModelProvider model = ScriptedModelProvider.builder().thenAnswer(req -> {
      seen.add(Span.current().getSpanContext().getTraceId());
      return new ModelResponse(JSON, "scripted", "1", Usage.UNKNOWN, "stop", false, List.of());
    }).build();
    structure(model, OpenTelemetryListener.create(otel.sdk));
    assertThat(seen).containsExactly(OpenTelemetryListener.traceIdOf("clinic-a", "visit-1"));
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void reviewEvents_landInTheEncountersTraceLater() {
    OpenTelemetryListener listener = OpenTelemetryListener.create(otel.sdk);
    structure(gpt(JSON), listener);
    listener.onEvent(PipelineEvent.builder(EventType.APPROVED, "clinic-a", "visit-1").ref(Ref.DRAFT_ID, "d-1")
        .duration(Duration.ofMillis(3)).build());
    listener.onEvent(PipelineEvent.builder(EventType.SUBMISSION_FAILED, "clinic-a", "visit-1")
        .code("AdapterException").build());
    SpanData approved = span("verinote.review.approved");
    assertThat(approved.getTraceId()).isEqualTo(span("verinote.structure").getTraceId());
    assertThat(approved.getAttributes().get(AttributeKey.stringKey("verinote.draft_id"))).isEqualTo("d-1");
    assertThat(approved.getAttributes().get(OpenTelemetryListener.ENCOUNTER)).isEqualTo("visit-1");
    assertThat(span("verinote.submit.submission_failed").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void traceIdPerEncounterOff_spansAreChildrenOfTheHostsCurrentSpan() {
    Span host = otel.sdk.getTracer("host").spanBuilder("host-request").startSpan();
    try (Scope s = host.makeCurrent()) {
      structure(gpt(JSON), OpenTelemetryListener.builder(otel.sdk).traceIdPerEncounter(false).build());
      assertThat(s).isNotNull();
    } finally {
      host.end();
    }
    SpanData root = span("verinote.structure");
    assertThat(root.getTraceId()).isEqualTo(host.getSpanContext().getTraceId());
    assertThat(root.getParentSpanId()).isEqualTo(host.getSpanContext().getSpanId());
  }

  @Test
  void traceIdPerEncounterOn_linksTheHostsCurrentSpan() {
    Span host = otel.sdk.getTracer("host").spanBuilder("host-request").startSpan();
    try (Scope s = host.makeCurrent()) {
      structure(gpt(JSON), OpenTelemetryListener.create(otel.sdk));
      assertThat(s).isNotNull();
    } finally {
      host.end();
    }
    SpanData root = span("verinote.structure");
    assertThat(root.getLinks()).singleElement()
        .satisfies(l -> assertThat(l.getSpanContext().getSpanId()).isEqualTo(host.getSpanContext().getSpanId()));
  }

  @Test
  void traceIdOf_isStableAndDiffersByTenantAndEncounter() {
    assertThat(OpenTelemetryListener.traceIdOf("a", "1")).isEqualTo(OpenTelemetryListener.traceIdOf("a", "1"))
        .hasSize(32).matches("[0-9a-f]{32}").isNotEqualTo(OpenTelemetryListener.traceIdOf("a", "2"))
        .isNotEqualTo(OpenTelemetryListener.traceIdOf("b", "1"));
  }

  @Test
  void genAi_systemAndModel_splitTheProviderPrefix() {
    assertThat(GenAi.system("anthropic:claude-3-5-sonnet")).isEqualTo("anthropic");
    assertThat(GenAi.model("anthropic:claude-3-5-sonnet")).isEqualTo("claude-3-5-sonnet");
    assertThat(GenAi.system("extractive")).isEqualTo("extractive");
    assertThat(GenAi.model("extractive")).isEqualTo("extractive");
    assertThat(GenAi.model("odd:")).isEqualTo("odd:");
  }
}
