package org.verinote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.NoteStructurer;
import org.verinote.core.testkit.ScriptedModelProvider;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.EvalCase;

class EvaluatorTest {

  private static final String ANSWER = "{\"chief_complaint\": \"Knee pain.\", \"history_of_present_illness\": "
      + "\"Knee pain for three weeks after a fall.\", \"review_of_systems\": \"\", \"physical_exam\": \"\", "
      + "\"results\": \"\", \"assessment_and_plan\": \"Ice and rest.\"}";

  private static final Dataset DATA = new Dataset("tiny", List.of(
      EvalCase.of("E1", "[doctor] what brings you in ?\n[patient] knee pain for three weeks after a fall .",
          "CHIEF COMPLAINT\n\nKnee pain.\n\nASSESSMENT AND PLAN\n\nIce and rest."),
      EvalCase.of("E2", "   ", "CHIEF COMPLAINT\n\nCough.")));

  @Test
  void run_structuresScoresAndReportsProgress_blankTranscriptCountsAsFailed() {
    NoteStructurer s = NoteStructurer.builder().model(ScriptedModelProvider.always(ANSWER)).build();
    List<int[]> progress = new ArrayList<>();
    EvalRun run = Evaluator.builder().structurer(s).name("scripted")
        .progress((done, total) -> progress.add(new int[] {done, total})).build().run(DATA);

    assertThat(run.name()).isEqualTo("scripted");
    assertThat(run.cases()).extracting(CaseResult::id).containsExactly("E1", "E2");
    CaseResult e1 = run.cases().get(0);
    assertThat(e1.metrics()).containsEntry("failed", 0.0).containsKeys("rouge1", "rougeLsum",
        "subjective.rouge1", "assessment_and_plan.rougeLsum", "completeness", "fidelity", "latency_ms");
    assertThat(e1.metrics().get("rouge1")).isGreaterThan(50.0);
    assertThat(e1.metrics().get("completeness")).isEqualTo(3 / 6.0);
    assertThat(run.cases().get(1).metrics()).containsEntry("failed", 1.0).containsEntry("rouge1", 0.0);
    assertThat(progress).extracting(p -> p[0]).containsExactly(1, 2);
    assertThat(run.metadata()).containsEntry("dataset", "tiny").containsKey("model");
  }

  @Test
  void run_structurerThrows_caseIsRecordedAsFailedAndTheRunContinues() {
    org.verinote.core.model.ModelProvider boom = new org.verinote.core.model.ModelProvider() {
      @Override
      public org.verinote.core.model.ModelInfo info() {
        return ScriptedModelProvider.always(ANSWER).info();
      }

      @Override
      public org.verinote.core.model.ModelResponse generate(org.verinote.core.model.ModelRequest request) {
        throw new StackOverflowError();
      }
    };
    EvalRun run = Evaluator.builder().structurer(NoteStructurer.builder().model(boom).build()).build().run(DATA);
    assertThat(run.cases()).hasSize(2);
    assertThat(run.cases().get(0).metrics()).containsEntry("failed", 1.0).containsEntry("error", 1.0);
  }
}
