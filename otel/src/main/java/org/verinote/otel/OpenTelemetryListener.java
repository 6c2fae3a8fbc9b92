package org.verinote.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.PipelineListener;
import org.verinote.core.events.Ref;

/**
 * Bridges Verinote {@link PipelineEvent}s to OpenTelemetry: one trace per encounter, one span per stage, GenAI
 * semantic-convention attributes on model calls, and metrics per stage and outcome.
 *
 * <p>Trace layout of one {@code structure()} call:
 *
 * <pre>
 * verinote.structure                  (INTERNAL; ids, status, failure code)
 * ├── verinote.deidentify             (replacements)
 * ├── verinote.prompt                 (messages, chars)
 * ├── verinote.egress-check           (remote models only)
 * ├── chat gpt-4o                     (CLIENT; gen_ai.* attributes, tokens)
 * ├── verinote.parse
 * ├── verinote.guardrails             (outcome, findings)
 * └── verinote.restore
 * </pre>
 *
 * Review and submission events become spans ({@code verinote.review.approved}, {@code verinote.submit.confirmed}…)
 * in the same trace: with {@link Builder#traceIdPerEncounter(boolean) traceIdPerEncounter} (the default) the trace
 * id is derived from tenant and encounter id ({@link #traceIdOf}), so every operation on the encounter, hours apart
 * and in any process, lands in one trace; the host's current span, if any, is linked. Reprompts are span events on
 * the structure span.
 *
 * <p>Attributes are ids, codes and counts from the event — an event cannot carry text, so neither can a span.
 * Metric labels are bounded (event type, stage, outcome, model), never ids. Thread-safe: the open structure span
 * is tracked per thread, matching the synchronous delivery of events. While a structure span is open it is the
 * current span, so HTTP client instrumentation of a model provider nests under it.
 */
public final class OpenTelemetryListener implements PipelineListener {

  static final AttributeKey<String> TENANT = AttributeKey.stringKey("verinote.tenant_id");
  static final AttributeKey<String> ENCOUNTER = AttributeKey.stringKey("verinote.encounter_id");
  static final AttributeKey<String> RUN = AttributeKey.stringKey("verinote.model_run_id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("verinote.attempt");

  private static final String SCOPE = "org.verinote.otel";

  private final Tracer tracer;
  private final PipelineMetrics metrics;
  private final boolean traceIdPerEncounter;
  private final ThreadLocal<ArrayDeque<Open>> open = ThreadLocal.withInitial(ArrayDeque::new);

  private OpenTelemetryListener(Builder b) {
    this.tracer = b.otel.getTracer(SCOPE);
    this.metrics = new PipelineMetrics(b.otel.getMeter(SCOPE));
    this.traceIdPerEncounter = b.traceIdPerEncounter;
  }

  /**
   * A listener with the defaults (trace id per encounter).
   *
   * @param otel the host's OpenTelemetry (e.g. {@code GlobalOpenTelemetry.get()})
   * @return the listener
   */
  public static OpenTelemetryListener create(OpenTelemetry otel) {
    return builder(otel).build();
  }

  /**
   * Starts a builder.
   *
   * @param otel the host's OpenTelemetry
   * @return a new builder
   */
  public static Builder builder(OpenTelemetry otel) {
    return new Builder(otel);
  }

  /**
   * The trace id every span of an encounter carries when {@link Builder#traceIdPerEncounter(boolean)} is on: paste
   * it into the tracing backend's search to see the encounter end to end.
   *
   * @param tenantId the tenant
   * @param encounterId the encounter id
   * @return 32 lower-case hex digits
   */
  public static String traceIdOf(String tenantId, String encounterId) {
    return EncounterTraces.traceId(Objects.requireNonNull(tenantId, "tenantId"),
        Objects.requireNonNull(encounterId, "encounterId"));
  }

  @Override
  public void onEvent(PipelineEvent e) {
    metrics.record(e);
    EventType t = e.type();
    if (t == EventType.STRUCTURE_STARTED) {
      startStructure(e);
    } else if (t.isTerminal()) {
      endStructure(e);
    } else if (t == EventType.REPROMPTED) {
      Open o = current(e);
      if (o != null) {
        o.span.addEvent("verinote.reprompt", Attributes.of(ATTEMPT, (long) e.attempt(), PipelineMetrics.OUTCOME,
            e.code()), e.timestamp());
      }
    } else if (t.category() == EventType.Category.STRUCTURE) {
      Open o = current(e);
      stageSpan(e, o != null ? Context.current().with(o.span) : parent(e), false);
    } else {
      stageSpan(e, parent(e), true);
    }
  }

  private void startStructure(PipelineEvent e) {
    SpanBuilder b = tracer.spanBuilder("verinote.structure").setSpanKind(SpanKind.INTERNAL).setParent(parent(e))
        .setStartTimestamp(e.timestamp().minus(e.duration()));
    linkHost(b);
    Span span = b.startSpan();
    span.setAllAttributes(ids(e));
    e.ref(Ref.MODEL).ifPresent(m -> span.setAttribute(GenAi.REQUEST_MODEL, GenAi.model(m)));
    counts(span, e);
    Scope scope = span.makeCurrent();
    open.get().push(new Open(span, scope, e.tenantId(), e.encounterId(), e.modelRunId().orElse("")));
  }

  private void endStructure(PipelineEvent e) {
    Open o = current(e);
    if (o == null) {
      // A terminal event without a start we saw (listener added mid-flight): record it as a standalone span.
      stageSpan(e, parent(e), true);
      return;
    }
    open.get().pop();
    o.scope.close();
    o.span.setAttribute("verinote.status", e.type().name());
    counts(o.span, e);
    e.ref(Ref.MODEL).ifPresent(m -> o.span.setAttribute(GenAi.RESPONSE_MODEL, GenAi.model(m)));
    if (e.type() == EventType.FAILED) {
      o.span.setAttribute(GenAi.ERROR_TYPE, e.code());
      o.span.setStatus(StatusCode.ERROR, e.code());
    }
    o.span.end(e.timestamp());
  }

  private void stageSpan(PipelineEvent e, Context parent, boolean withIds) {
    boolean model = e.type() == EventType.MODEL_CALLED || e.type() == EventType.MODEL_FAILED;
    String modelId = e.ref(Ref.MODEL).orElse("unknown");
    String name = model ? GenAi.CHAT + " " + GenAi.model(modelId)
        : e.type().category() == EventType.Category.STRUCTURE ? "verinote." + e.type().stage()
        : "verinote." + e.type().stage() + "." + e.type().name().toLowerCase(Locale.ROOT);
    SpanBuilder b = tracer.spanBuilder(name).setParent(parent)
        .setSpanKind(model ? SpanKind.CLIENT : SpanKind.INTERNAL)
        .setStartTimestamp(e.timestamp().minus(e.duration()));
    if (withIds) {
      linkHost(b);
    }
    Span span = b.startSpan();
    if (withIds) {
      span.setAllAttributes(ids(e));
    }
    span.setAttribute("verinote.event", e.type().name());
    if (e.attempt() > 0) {
      span.setAttribute(ATTEMPT, (long) e.attempt());
    }
    if (!e.code().isEmpty()) {
      span.setAttribute(PipelineMetrics.OUTCOME, e.code());
    }
    counts(span, e);
    refs(span, e);
    if (model) {
      span.setAttribute(GenAi.OPERATION_NAME, GenAi.CHAT);
      span.setAttribute(GenAi.SYSTEM, GenAi.system(modelId));
      span.setAttribute(GenAi.PROVIDER_NAME, GenAi.system(modelId));
      span.setAttribute(GenAi.REQUEST_MODEL, GenAi.model(modelId));
      e.ref(Ref.RESPONSE_MODEL).ifPresent(m -> span.setAttribute(GenAi.RESPONSE_MODEL, GenAi.model(m)));
      if (e.count(Count.INPUT_TOKENS) >= 0) {
        span.setAttribute(GenAi.INPUT_TOKENS, e.count(Count.INPUT_TOKENS));
      }
      if (e.count(Count.OUTPUT_TOKENS) >= 0) {
        span.setAttribute(GenAi.OUTPUT_TOKENS, e.count(Count.OUTPUT_TOKENS));
      }
      if (e.type() == EventType.MODEL_CALLED && !e.code().isEmpty()) {
        span.setAttribute(GenAi.FINISH_REASONS, List.of(e.code()));
      }
    }
    boolean error = e.type().isFailure()
        || (e.type() == EventType.EGRESS_CHECKED && "REFUSED".equals(e.code()));
    if (error) {
      span.setAttribute(GenAi.ERROR_TYPE, e.code());
      span.setStatus(StatusCode.ERROR, e.code());
    }
    span.end(e.timestamp());
  }

  private Context parent(PipelineEvent e) {
    return traceIdPerEncounter ? EncounterTraces.parent(e.tenantId(), e.encounterId()) : Context.current();
  }

  private void linkHost(SpanBuilder b) {
    if (traceIdPerEncounter) {
      SpanContext host = Span.current().getSpanContext();
      if (host.isValid()) {
        b.addLink(host);
      }
    }
  }

  private Open current(PipelineEvent e) {
    Open o = open.get().peek();
    if (o != null && o.tenant.equals(e.tenantId()) && o.encounter.equals(e.encounterId())
        && o.run.equals(e.modelRunId().orElse(""))) {
      return o;
    }
    return null;
  }

  private static Attributes ids(PipelineEvent e) {
    AttributesBuilder b = Attributes.builder().put(TENANT, e.tenantId()).put(ENCOUNTER, e.encounterId());
    e.modelRunId().ifPresent(r -> b.put(RUN, r));
    return b.build();
  }

  private static void counts(Span span, PipelineEvent e) {
    for (Map.Entry<Count, Long> c : e.counts().entrySet()) {
      if (c.getKey() != Count.INPUT_TOKENS && c.getKey() != Count.OUTPUT_TOKENS) {
        span.setAttribute("verinote." + c.getKey().name().toLowerCase(Locale.ROOT), c.getValue());
      }
    }
  }

  private static void refs(Span span, PipelineEvent e) {
    for (Map.Entry<Ref, String> r : e.refs().entrySet()) {
      if (r.getKey() != Ref.MODEL && r.getKey() != Ref.RESPONSE_MODEL) {
        span.setAttribute("verinote." + r.getKey().name().toLowerCase(Locale.ROOT), r.getValue());
      }
    }
  }

  @Override
  public String toString() {
    return "OpenTelemetryListener[traceIdPerEncounter=" + traceIdPerEncounter + "]";
  }

  /** A structure span that is open on this thread. */
  private record Open(Span span, Scope scope, String tenant, String encounter, String run) {}

  /** Builds an {@link OpenTelemetryListener}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final OpenTelemetry otel;
    private boolean traceIdPerEncounter = true;

    private Builder(OpenTelemetry otel) {
      this.otel = Objects.requireNonNull(otel, "otel");
    }

    /**
     * Whether spans of an encounter share a trace id derived from tenant and encounter id (default {@code true}),
     * linking the host's current span; {@code false} makes them children of the host's current span instead (one
     * trace per host request).
     *
     * @param enabled the choice
     * @return this builder
     */
    public Builder traceIdPerEncounter(boolean enabled) {
      this.traceIdPerEncounter = enabled;
      return this;
    }

    /** @return the listener */
    public OpenTelemetryListener build() {
      return new OpenTelemetryListener(this);
    }
  }

}
