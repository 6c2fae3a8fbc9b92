package org.verinote.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.NoteStructurer;
import org.verinote.core.Transcript;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.Usage;
import org.verinote.core.testkit.ScriptedModelProvider;

class PipelineMetricsTest {

  private final InMemoryOtel otel = new InMemoryOtel();

  @AfterEach
  void close() {
    otel.close();
  }

  private MetricData metric(String name) {
    return otel.collectMetrics().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  private void structureTwice() {
    ScriptedModelProvider model = ScriptedModelProvider.builder().id("ollama:llama3.2", "3b")
        .thenAnswer(r -> new ModelResponse("{\"plan\": \"rest\"}", "ollama:llama3.2", "3b", new Usage(500, 40),
            "stop", false, List.of()))
        .otherwise("not json")
        .build();
    NoteStructurer s = NoteStructurer.builder().model(model).maxAttempts(1).logEvents(false)
        .listener(OpenTelemetryListener.create(otel.sdk)).build();
    for (String id : List.of("visit-1", "visit-2")) {
      s.structure(Encounter.builder().tenantId("clinic-a").encounterId(id)
          .transcript(Transcript.parse("[doctor] plan ?\n[patient] rest .")).build());
    }
  }

  @Test
  void eventsCounter_countsByEventAndOutcome_withoutIdLabels() {
    structureTwice();
    List<LongPointData> points = List.copyOf(metric("verinote.pipeline.events").getLongSumData().getPoints());
    assertThat(points).anySatisfy(p -> {
      assertThat(p.getAttributes().get(PipelineMetrics.EVENT)).isEqualTo("DRAFTED");
      assertThat(p.getValue()).isEqualTo(1);
    });
    assertThat(points).anySatisfy(p -> {
      assertThat(p.getAttributes().get(PipelineMetrics.EVENT)).isEqualTo("FAILED");
      assertThat(p.getAttributes().get(PipelineMetrics.OUTCOME)).isEqualTo("INVALID_MODEL_OUTPUT");
    });
    assertThat(points).anySatisfy(p -> {
      assertThat(p.getAttributes().get(PipelineMetrics.EVENT)).isEqualTo("STRUCTURE_STARTED");
      assertThat(p.getValue()).isEqualTo(2);
    });
    assertThat(otel.collectMetrics()).allSatisfy(m -> assertThat(m.toString())
        .doesNotContain("visit-1", "visit-2", "clinic-a", "run-"));
  }

  @Test
  void stageDuration_histogramPerStageAndOutcome() {
    structureTwice();
    List<HistogramPointData> points =
        List.copyOf(metric("verinote.pipeline.stage.duration").getHistogramData().getPoints());
    assertThat(metric("verinote.pipeline.stage.duration").getUnit()).isEqualTo("s");
    assertThat(points).anySatisfy(p -> {
      assertThat(p.getAttributes().get(PipelineMetrics.STAGE)).isEqualTo("deidentify");
      assertThat(p.getCount()).isEqualTo(2);
    });
    assertThat(points).anySatisfy(p -> {
      assertThat(p.getAttributes().get(PipelineMetrics.STAGE)).isEqualTo("parse");
      assertThat(p.getAttributes().get(PipelineMetrics.OUTCOME)).isEqualTo("UNPARSEABLE");
    });
  }

  @Test
  void genAiMetrics_tokenUsageByTypeAndOperationDuration() {
    structureTwice();
    List<HistogramPointData> tokens = List.copyOf(metric("gen_ai.client.token.usage").getHistogramData().getPoints());
    assertThat(tokens).anySatisfy(p -> {
      assertThat(p.getAttributes().get(GenAi.TOKEN_TYPE)).isEqualTo("input");
      assertThat(p.getAttributes().get(GenAi.SYSTEM)).isEqualTo("ollama");
      assertThat(p.getAttributes().get(GenAi.REQUEST_MODEL)).isEqualTo("llama3.2");
      assertThat(p.getSum()).isEqualTo(500.0);
    });
    assertThat(metric("gen_ai.client.operation.duration").getHistogramData().getPoints()).hasSize(1)
        .allSatisfy(p -> assertThat(p.getCount()).isEqualTo(2));
    assertThat(tokens).allSatisfy(p -> assertThat(p.getAttributes().get(AttributeKey.stringKey("gen_ai.token.type")))
        .isIn("input", "output"));
  }
}
