package org.verinote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.NoteStructurer;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.testkit.SharedData;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Datasets;

/**
 * Quality floor of the embedded extractive model on ACI-Bench test1 through the full evaluation pipeline
 * (measured 46.22 / 18.44 / 42.75 when written; the floor sits above the transcript-copy baseline 32.84 / 12.53 /
 * 30.61 so a regression to "copy the transcript" quality fails).
 */
class ExtractiveAciBenchTest {

  @Test
  void extractiveModel_onTest1_beatsTranscriptCopyAndNeverFails() {
    Dataset test1 = Datasets.aciBench(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"),
        SharedData.require("aci-bench/clinicalnlp_taskB_test1_metadata.csv"));
    EvalRun run = Evaluator.builder()
        .structurer(NoteStructurer.builder().model(new ExtractiveModelProvider()).build())
        .name("extractive").build().run(test1);

    assertThat(run.cases()).hasSize(40);
    assertThat(run.mean("failed")).isZero();
    assertThat(run.mean("rouge1")).isGreaterThan(40.0);
    assertThat(run.mean("rouge2")).isGreaterThan(15.0);
    assertThat(run.mean("rougeLsum")).isGreaterThan(38.0);
    assertThat(run.mean("fidelity")).isGreaterThan(0.9);
  }
}
