package org.verinote.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.Ref;

/**
 * The metrics: a counter of events and a latency histogram per stage and outcome, plus the GenAI client metrics.
 * Labels are bounded sets (event types, stages, outcome codes, model ids) — never tenant, encounter or run ids.
 */
final class PipelineMetrics {

  static final AttributeKey<String> EVENT = AttributeKey.stringKey("verinote.event");
  static final AttributeKey<String> STAGE = AttributeKey.stringKey("verinote.stage");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("verinote.outcome");

  private static final List<Double> SECONDS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
      30.0, 60.0, 120.0);
  private static final List<Long> TOKENS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L);

  private final LongCounter events;
  private final DoubleHistogram stageDuration;
  private final DoubleHistogram operationDuration;
  private final LongHistogram tokenUsage;

  PipelineMetrics(Meter meter) {
    this.events = meter.counterBuilder("verinote.pipeline.events").setUnit("{event}")
        .setDescription("Pipeline state transitions by event type, stage and outcome").build();
    this.stageDuration = meter.histogramBuilder("verinote.pipeline.stage.duration").setUnit("s")
        .setDescription("Duration of each pipeline stage, by stage and outcome")
        .setExplicitBucketBoundariesAdvice(SECONDS).build();
    this.operationDuration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
        .setDescription("GenAI operation duration").setExplicitBucketBoundariesAdvice(SECONDS).build();
    this.tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
        .setDescription("Measures number of input and output tokens used")
        .setExplicitBucketBoundariesAdvice(TOKENS).build();
  }

  void record(PipelineEvent e) {
    String outcome = outcome(e);
    Attributes attrs = Attributes.of(EVENT, e.type().name(), STAGE, e.type().stage(), OUTCOME, outcome);
    events.add(1, attrs);
    if (e.type() == EventType.STRUCTURE_STARTED || e.type() == EventType.REPROMPTED) {
      return;
    }
    stageDuration.record(seconds(e), attrs);
    if (e.type() == EventType.MODEL_CALLED || e.type() == EventType.MODEL_FAILED) {
      String model = e.ref(Ref.MODEL).orElse("unknown");
      AttributesBuilder b = Attributes.builder().put(GenAi.OPERATION_NAME, GenAi.CHAT)
          .put(GenAi.SYSTEM, GenAi.system(model)).put(GenAi.PROVIDER_NAME, GenAi.system(model))
          .put(GenAi.REQUEST_MODEL, GenAi.model(model));
      e.ref(Ref.RESPONSE_MODEL).ifPresent(m -> b.put(GenAi.RESPONSE_MODEL, GenAi.model(m)));
      if (e.type() == EventType.MODEL_FAILED) {
        b.put(GenAi.ERROR_TYPE, e.code());
      }
      Attributes genAi = b.build();
      operationDuration.record(seconds(e), genAi);
      if (e.count(Count.INPUT_TOKENS) >= 0) {
        tokenUsage.record(e.count(Count.INPUT_TOKENS), genAi.toBuilder().put(GenAi.TOKEN_TYPE, "input").build());
      }
      if (e.count(Count.OUTPUT_TOKENS) >= 0) {
        tokenUsage.record(e.count(Count.OUTPUT_TOKENS), genAi.toBuilder().put(GenAi.TOKEN_TYPE, "output").build());
      }
    }
  }

  /** The outcome label: the event's code, or {@code OK} for a transition without one. */
  static String outcome(PipelineEvent e) {
    return e.code().isEmpty() ? "OK" : e.code();
  }

  private static double seconds(PipelineEvent e) {
    return e.duration().toNanos() / 1e9;
  }
}
