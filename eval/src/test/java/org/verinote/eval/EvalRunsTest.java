package org.verinote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.InvalidInputException;

class EvalRunsTest {

  @Test
  void toJson_thenFromJson_roundTrips() {
    EvalRun run = new EvalRun("cand", Map.of("model", "x@1"), List.of(
        new CaseResult("a", Map.of("rouge1", 51.25, "failed", 0.0)), new CaseResult("b", Map.of("rouge1", 10.0))));
    String json = EvalRuns.toJson(run);
    assertThat(json).contains("\"summary\"").contains("\"rouge1\" : 30.625");
    assertThat(EvalRuns.fromJson(json, "x.json")).isEqualTo(run);
  }

  @Test
  void fromJson_wrongFormat_throwsExplainingHowToProduceIt() {
    assertThatThrownBy(() -> EvalRuns.fromJson("{\"format\":\"other\"}", "x.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Expected a JSON object with \"format\": \"verinote-eval-run/1\" in x.json, found format 'other'."
            + " Produce it with 'verinote eval run' or 'verinote eval score --format json'.");
  }

  @Test
  void fromJson_nonNumericMetric_throws() {
    assertThatThrownBy(() -> EvalRuns.fromJson("{\"format\":\"verinote-eval-run/1\",\"cases\":[{\"id\":\"a\","
        + "\"metrics\":{\"rouge1\":\"high\"}}]}", "x.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("metric 'rouge1' of case a");
  }
}
