package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.testkit.SharedData;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Datasets;
import org.verinote.eval.dataset.Predictions;

/** Per-note P/R/F of all four types for GPT-4 on ACI-Bench test1 against the reference port (12 decimals). */
class AciGpt4PerNoteTest {

  @Test
  void everyNote_everyType_matchesReferenceTo12Decimals() throws Exception {
    Dataset ds = Datasets.aciBench(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"));
    List<String> preds = Predictions.readCsv(SharedData.require("aci-bench/predictions/test1GPT-4_.csv"), "note",
        "encounter_id").alignTo(ds);
    List<String> expected = Files.readAllLines(SharedData.require("rouge/aci-test1-gpt4-per-note.csv"));
    assertThat(expected).hasSize(ds.size() + 1);
    for (int i = 0; i < ds.size(); i++) {
      String[] cells = expected.get(i + 1).split(",");
      assertThat(cells[0]).isEqualTo(ds.cases().get(i).id());
      RougeScores s = RougeScorer.create().score(ds.cases().get(i).reference(), preds.get(i));
      int k = 1;
      for (RougeType t : RougeType.values()) {
        RougeScore score = s.get(t);
        assertThat(score.precision()).as(cells[0] + " " + t + " P").isCloseTo(Double.parseDouble(cells[k++]),
            within(1e-11));
        assertThat(score.recall()).as(cells[0] + " " + t + " R").isCloseTo(Double.parseDouble(cells[k++]),
            within(1e-11));
        assertThat(score.fmeasure()).as(cells[0] + " " + t + " F").isCloseTo(Double.parseDouble(cells[k++]),
            within(1e-11));
      }
    }
  }

  @Test
  void corpusMeans_matchReferenceDigits() {
    Dataset ds = Datasets.aciBench(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"));
    List<String> preds =
        Predictions.readCsv(SharedData.require("aci-bench/predictions/test1GPT-4_.csv"), "note", null).alignTo(ds);
    CorpusRouge all = AciBenchRouge.create().evaluate(ds.references(), preds).all();
    assertThat(all.meanF(RougeType.ROUGE_1)).isCloseTo(0.5175803807, within(1e-10));
    assertThat(all.meanF(RougeType.ROUGE_2)).isCloseTo(0.2258496851, within(1e-10));
    assertThat(all.meanF(RougeType.ROUGE_L)).isCloseTo(0.3029469114, within(1e-10));
    assertThat(all.meanF(RougeType.ROUGE_LSUM)).isCloseTo(0.4597214125, within(1e-10));
  }

  @Test
  void transcriptCopyBaseline_matchesReferenceMeans() {
    Dataset ds = Datasets.aciBench(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"));
    List<String> transcripts = ds.cases().stream().map(c -> c.transcript()).toList();
    CorpusRouge all = AciBenchRouge.create().evaluate(ds.references(), transcripts).all();
    assertThat(all.meanF(RougeType.ROUGE_1) * 100).isCloseTo(32.8444, within(5e-5));
    assertThat(all.meanF(RougeType.ROUGE_2) * 100).isCloseTo(12.5270, within(5e-5));
    assertThat(all.meanF(RougeType.ROUGE_L) * 100).isCloseTo(18.8628, within(5e-5));
    assertThat(all.meanF(RougeType.ROUGE_LSUM) * 100).isCloseTo(30.6052, within(5e-5));
  }
}
