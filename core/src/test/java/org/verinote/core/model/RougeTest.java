package org.verinote.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.testkit.AciBenchCsv;
import org.verinote.core.testkit.SharedData;

/** The test-only ROUGE reproduces rouge-score 0.1.2 on its reference cases and on the ACI-Bench transcript copy. */
class RougeTest {

  @Test
  void tokens_lowercaseAndNonAlphanumericSplit() {
    assertThat(Rouge.tokens("The patient's BP is 140/70 mmHg.")).containsExactly("the", "patient", "s", "bp", "is",
        "140", "70", "mmhg");
    assertThat(Rouge.tokens("Café au lait, COVID-19.")).containsExactly("caf", "au", "lait", "covid", "19");
  }

  @Test
  void rouge1_andRouge2_matchUpstreamCases() {
    assertThat(Rouge.rougeN("testing one two", "testing", 1).f()).isCloseTo(0.5, within(1e-9));
    assertThat(Rouge.rougeN("testing one two", "testing one", 2).f()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(Rouge.rougeN("testing one two", "", 1).f()).isZero();
  }

  @Test
  void rougeLsum_matchesUpstreamAndTieBreakCases() {
    Rouge.Score s7 = Rouge.rougeLsum("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
    assertThat(s7.p()).isCloseTo(0.4, within(1e-9));
    assertThat(s7.r()).isCloseTo(0.8, within(1e-9));
    assertThat(Rouge.rougeLsum("a a a b\nb a", "a b\na a a").f()).isCloseTo(0.909091, within(1e-6));
    assertThat(Rouge.rougeLsum("CHIEF COMPLAINT\n\nKnee pain.\n\nPLAN\n\nIce and rest.",
        "CHIEF COMPLAINT\nKnee pain.\nPLAN\nRest and ice.").f()).isCloseTo(0.75, within(1e-9));
    assertThat(Rouge.rougeLsum("one two three", "   \n\n/").f()).isZero();
  }

  @Test
  void lcsIndices_backtracksLikeRougeScore() {
    assertThat(Rouge.lcsIndices(List.of("1", "2", "3", "4", "5"), List.of("2", "5", "3", "4"))).containsExactly(1, 2,
        3);
  }

  @Test
  void transcriptCopyBaseline_onTest1_reproducesPublishedScores() throws Exception {
    List<AciBenchCsv.Row> rows = AciBenchCsv.read(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"));
    double r1 = 0;
    double r2 = 0;
    double rl = 0;
    for (AciBenchCsv.Row row : rows) {
      r1 += Rouge.rougeN(row.note(), row.dialogue(), 1).f();
      r2 += Rouge.rougeN(row.note(), row.dialogue(), 2).f();
      rl += Rouge.rougeLsum(row.note(), row.dialogue()).f();
    }
    assertThat(rows).hasSize(40);
    assertThat(100 * r1 / rows.size()).isCloseTo(32.8444, within(0.0001));
    assertThat(100 * r2 / rows.size()).isCloseTo(12.5270, within(0.0001));
    assertThat(100 * rl / rows.size()).isCloseTo(30.6052, within(0.0001));
  }
}
