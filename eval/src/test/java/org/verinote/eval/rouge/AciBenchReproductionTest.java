package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verinote.core.testkit.SharedData;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Datasets;
import org.verinote.eval.dataset.Predictions;

/**
 * Reproduces the published ACI-Bench test1 table (Yim et al. 2023, section ALL) for every prediction file shipped
 * with the benchmark: ROUGE-1, ROUGE-2 and "ROUGE-L" (= rougeLsum), mean F1 × 100 to two decimals.
 */
class AciBenchReproductionTest {

  static Stream<Arguments> systems() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("12_doctor_turns_clinicalnlp_taskB_test1.csv", "12 doctor turns");
    m.put("BART_large_clinicalnlp_taskB_test1_full.csv", "BART");
    m.put("LED_clinicalnlp_taskB_test1_full.csv", "LED");
    m.put("UMLS_similarity_clinicalnlp_taskB_test1.csv", "train$_{\\mathrm{UMLS}}$");
    m.put("test1ChatGPT_.csv", "ChatGPT");
    m.put("test1GPT-4_.csv", "GPT-4");
    m.put("test1Text-Davinci-003_.csv", "Text-Davinci-003");
    m.put("transcript_clinicalnlp_taskB_test1.csv", "transcript");
    return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("systems")
  void fullNote_matchesPublishedTableToTwoDecimals(String file, String system) throws Exception {
    Path gold = SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv");
    Path pred = SharedData.require("aci-bench/predictions/" + file);
    Map<String, String[]> published = PublishedScores.read(SharedData.require("aci-bench/published-scores-test1.csv"),
        "ALL");
    Dataset ds = Datasets.aciBench(gold);
    List<String> predictions = Predictions.readCsv(pred, "note", null).alignTo(ds);

    AciBenchRouge.Result r = AciBenchRouge.create().evaluate(ds.references(), predictions);

    String[] row = published.get(system);
    assertThat(List.of(r.all().tableValue(RougeType.ROUGE_1), r.all().tableValue(RougeType.ROUGE_2),
        r.all().tableValue(RougeType.ROUGE_LSUM))).containsExactly(row[0], row[1], row[2]);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("systems")
  void everyDivision_matchesPublishedTableToTwoDecimals(String file, String system) throws Exception {
    Path gold = SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv");
    Path pred = SharedData.require("aci-bench/predictions/" + file);
    Path table = SharedData.require("aci-bench/published-scores-test1.csv");
    Dataset ds = Datasets.aciBench(gold);
    List<String> predictions = Predictions.readCsv(pred, "note", null).alignTo(ds);

    AciBenchRouge.Result r = AciBenchRouge.create().evaluate(ds.references(), predictions);

    List<String> ours = new ArrayList<>();
    List<String> published = new ArrayList<>();
    for (Division d : Division.values()) {
      String[] row = PublishedScores.read(table, "division-" + d.key()).get(system);
      CorpusRouge c = r.divisions().get(d);
      published.add(d.key() + " " + row[0] + "/" + row[1] + "/" + row[2]);
      ours.add(d.key() + " " + c.tableValue(RougeType.ROUGE_1) + "/" + c.tableValue(RougeType.ROUGE_2) + "/"
          + c.tableValue(RougeType.ROUGE_LSUM));
    }
    assertThat(ours).containsExactlyElementsOf(published);
  }
}
