package org.verinote.bench;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.verinote.core.Encounter;
import org.verinote.core.NoteStructurer;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;
import org.verinote.core.model.Usage;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.PipelineListener;
import org.verinote.core.events.PipelineListeners;
import org.verinote.core.events.Ref;
import org.verinote.otel.OpenTelemetryListener;

/**
 * The overhead of observability on {@code NoteStructurer.structure()}: the same encounter and a fixed-answer model,
 * structured with
 *
 * <ul>
 *   <li>{@code none}: no listener, event logging off (the MDC binding still runs — it always does);
 *   <li>{@code logging}: the default logging listener, SLF4J bound to slf4j-nop (INFO disabled: the cost of building
 *       events and the level checks);
 *   <li>{@code format}: a listener that formats every event to text (what an enabled log backend pays, minus I/O);
 *   <li>{@code otelNoop}: the OpenTelemetry listener on {@code OpenTelemetry.noop()};
 *   <li>{@code otelSdk}: the OpenTelemetry listener on a real SDK (SimpleSpanProcessor into a discarding exporter, a
 *       cumulative metric reader) — the full span and metric cost.
 * </ul>
 *
 * Run: {@code java -jar bench/target/benchmarks.jar ObservabilityBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ObservabilityBenchmark {

  private static final String JSON = "{\"subjective\": \"cough for three days, worse at night\", \"objective\":"
      + " \"temperature 37.9\", \"assessment\": \"viral bronchitis\", \"plan\": \"fluids, rest, review in a week\"}";

  @Param({"none", "logging", "format", "otelNoop", "otelSdk"})
  public String listener;

  private NoteStructurer structurer;
  private PipelineListener dispatcher;
  private long run;
  private Encounter encounter;
  private OpenTelemetrySdk sdk;
  private final LongAdder formatted = new LongAdder();

  @Setup(Level.Trial)
  public void setUp() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append("[doctor] how long have you had the cough and does it get worse at night ?\n");
      sb.append("[patient] about three days , it is worse at night and i had a temperature of 37.9 .\n");
    }
    encounter = Encounter.builder().tenantId("clinic-a").encounterId("visit-1")
        .transcript(Transcript.parse(sb.toString())).build();
    // De-identification off: this measures the observability overhead, not the de-identifier.
    NoteStructurer.Builder b = NoteStructurer.builder().model(new FixedModel())
        .deIdentifier(org.verinote.core.deid.DeIdentifier.disabled());
    List<PipelineListener> chosen = new ArrayList<>();
    switch (listener) {
      case "none" -> b.logEvents(false);
      case "logging" -> {
        b.logEvents(true);
        chosen.add(PipelineListeners.logging());
      }
      case "format" -> {
        PipelineListener f = e -> formatted.add(e.toString().length());
        b.logEvents(false).listener(f);
        chosen.add(f);
      }
      case "otelNoop" -> {
        PipelineListener o = OpenTelemetryListener.create(OpenTelemetry.noop());
        b.logEvents(false).listener(o);
        chosen.add(o);
      }
      case "otelSdk" -> {
        sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new DiscardingSpanExporter())).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader
                .builder(new DiscardingMetricExporter()).setInterval(Duration.ofSeconds(1)).build()).build())
            .build();
        PipelineListener o = OpenTelemetryListener.create(sdk);
        b.logEvents(false).listener(o);
        chosen.add(o);
      }
      default -> throw new IllegalArgumentException("unknown listener variant " + listener);
    }
    structurer = b.build();
    dispatcher = PipelineListeners.composite(chosen);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (sdk != null) {
      sdk.close();
    }
  }

  /** @return the result, consumed by JMH */
  @Benchmark
  public StructuringResult structure() {
    return structurer.structure(encounter);
  }

  /**
   * The listener cost alone, without the pipeline's noise: the eight events of one drafted encounter (same shape as
   * the structurer's: ids, codes, counts, refs) built and dispatched.
   *
   * @return a value JMH consumes
   */
  @Benchmark
  public int eventsOfOneEncounter() {
    String runId = "run-" + (run++ & 0xff);
    EventType[] types = {EventType.STRUCTURE_STARTED, EventType.DEIDENTIFIED, EventType.PROMPT_BUILT,
        EventType.MODEL_CALLED, EventType.PARSED, EventType.GUARDED, EventType.RESTORED, EventType.DRAFTED};
    int n = 0;
    for (EventType t : types) {
      if (PipelineListeners.isNoop(dispatcher)) {
        continue;
      }
      PipelineEvent.Builder e = PipelineEvent.builder(t, "clinic-a", "visit-1").modelRunId(runId)
          .duration(Duration.ofNanos(15_000)).count(Count.CHARS, 1800).count(Count.FINDINGS, 2);
      if (t == EventType.MODEL_CALLED) {
        e.attempt(1).code("stop").ref(Ref.MODEL, "bench:fixed").ref(Ref.RESPONSE_MODEL, "bench:fixed")
            .count(Count.INPUT_TOKENS, 400).count(Count.OUTPUT_TOKENS, 60);
      }
      dispatcher.onEvent(e.build());
      n++;
    }
    return n;
  }

  /** A local in-process model that answers the same JSON at once. */
  static final class FixedModel implements ModelProvider {
    private final ModelInfo info = new ModelInfo("bench:fixed", "1",
        new ModelCapabilities(true, 8192, false, PromptProfile.LARGE_HOSTED));

    @Override
    public ModelInfo info() {
      return info;
    }

    @Override
    public ModelResponse generate(ModelRequest request) {
      return new ModelResponse(JSON, info.id(), info.version(), new Usage(400, 60), "stop", false,
          List.of());
    }
  }

  /** Accepts spans and drops them. */
  static final class DiscardingSpanExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Accepts metrics and drops them. */
  static final class DiscardingMetricExporter implements MetricExporter {
    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.CUMULATIVE;
    }
  }
}
