package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.testkit.SharedData;

/**
 * The upstream {@code rouge_scorer_test.py} cases and the derived edge cases of
 * {@code shared/data/rouge/reference-cases.md} (ids S*, F*, D* refer to that document).
 */
class RougeScorerReferenceCasesTest {

  private final RougeScorer scorer = RougeScorer.create();

  private static void assertScore(RougeScore s, double p, double r, double f) {
    assertThat(s.precision()).isCloseTo(p, within(1e-12));
    assertThat(s.recall()).isCloseTo(r, within(1e-12));
    assertThat(s.fmeasure()).isCloseTo(f, within(1e-12));
  }

  private static void assertScore5(RougeScore s, double p, double r, double f) {
    assertThat(s.precision()).isCloseTo(p, within(5e-6));
    assertThat(s.recall()).isCloseTo(r, within(5e-6));
    assertThat(s.fmeasure()).isCloseTo(f, within(5e-6));
  }

  @Test
  void rouge1_partialPrediction_S1() {
    assertScore(scorer.score(RougeType.ROUGE_1, "testing one two", "testing"), 1, 1 / 3.0, 0.5);
  }

  @Test
  void everyType_emptyPrediction_scoresZero_S2() {
    RougeScores s = scorer.score("testing one two", "");
    for (RougeType t : RougeType.values()) {
      assertThat(s.get(t)).isEqualTo(RougeScore.ZERO);
    }
  }

  @Test
  void rouge2_S3_andRougeL_consecutiveAndGapped_S4_S5() {
    assertScore(scorer.score(RougeType.ROUGE_2, "testing one two", "testing one"), 1, 0.5, 2 / 3.0);
    assertScore(scorer.score(RougeType.ROUGE_L, "testing one two", "testing one"), 1, 2 / 3.0, 0.8);
    assertScore(scorer.score(RougeType.ROUGE_L, "testing one two", "testing two"), 1, 2 / 3.0, 0.8);
  }

  @Test
  void rougeLsum_unionLcsOverPredictionLines_S7() {
    assertScore(scorer.score(RougeType.ROUGE_LSUM, "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5"), 0.4, 0.8,
        2 * 0.4 * 0.8 / 1.2);
  }

  @Test
  void rougeLsum_emptyOrWordlessSide_scoresZero_S8_S9_S10_D6() {
    assertThat(scorer.score(RougeType.ROUGE_LSUM, "w1 w2 w3 w4 w5", "")).isEqualTo(RougeScore.ZERO);
    assertThat(scorer.score(RougeType.ROUGE_LSUM, "", "w1")).isEqualTo(RougeScore.ZERO);
    assertThat(scorer.score(RougeType.ROUGE_LSUM, "w1 w2 w3 w4 w5", "/")).isEqualTo(RougeScore.ZERO);
    RougeScores d6 = scorer.score("one two three", "   \n\n/");
    for (RougeType t : RougeType.values()) {
      assertThat(d6.get(t)).isEqualTo(RougeScore.ZERO);
    }
  }

  @Test
  void rougeLsum_lineOrderDoesNotMatter_butRougeLsumWithoutNewlinesDoes_S12_S13() {
    assertThat(scorer.score(RougeType.ROUGE_LSUM, "First sentence.\nSecond Sentence.",
        "Second sentence.\nFirst Sentence.").fmeasure()).isEqualTo(1.0);
    assertThat(scorer.score(RougeType.ROUGE_LSUM, "First sentence. Second Sentence.",
        "Second sentence. First Sentence.").fmeasure()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void derivedCases_D1_to_D5() {
    RougeScores d1 = scorer.score("The patient's BP is 140/70 mmHg.", "BP 140/70; patient's pressure elevated.");
    assertScore5(d1.rouge1(), .714286, .625, .666667);
    assertScore5(d1.rouge2(), .333333, .285714, .307692);
    assertScore5(d1.rougeL(), .428571, .375, .4);
    assertScore5(d1.rougeLsum(), .428571, .375, .4);
    RougeScores d2 = scorer.score("Café au lait spots, naïve T-cells, COVID-19.",
        "cafe au lait spots; naive t cells; covid 19");
    assertScore5(d2.rouge1(), .777778, .7, .736842);
    assertScore5(d2.rouge2(), .625, .555556, .588235);
    assertScore5(d2.rougeLsum(), .777778, .7, .736842);
    RougeScores d3 = scorer.score("CHIEF COMPLAINT\n\nKnee pain.\n\nPLAN\n\nIce and rest.",
        "CHIEF COMPLAINT\nKnee pain.\nPLAN\nRest and ice.");
    assertScore(d3.rouge1(), 1, 1, 1);
    assertScore5(d3.rouge2(), .571429, .571429, .571429);
    assertScore(d3.rougeL(), .75, .75, .75);
    assertScore(d3.rougeLsum(), .75, .75, .75);
    RougeScores d5 = scorer.score("• Bullet one\n• Bullet two", "Bullet one Bullet two");
    for (RougeType t : RougeType.values()) {
      assertScore(d5.get(t), 1, 1, 1);
    }
  }

  @Test
  void rougeLsum_tieBreakAndCountClipping_D4() {
    RougeScores d4 = scorer.score("a a a b\nb a", "a b\na a a");
    assertScore5(d4.rouge1(), 1, .833333, .909091);
    assertScore5(d4.rouge2(), 1, .8, .888889);
    assertScore5(d4.rougeL(), .8, .666667, .727273);
    assertScore5(d4.rougeLsum(), 1, .833333, .909091);
  }

  @Test
  void lcsHelpers_backtrackAndUnion_L1_to_L5() {
    assertThat(Lcs.length(new int[] {1, 2, 3, 4, 5}, new int[] {2, 5, 3, 4})).isEqualTo(3);
    boolean[] sel = new boolean[5];
    Lcs.markBacktrack(new int[] {1, 2, 3, 4, 5}, new int[] {2, 5, 3, 4}, sel);
    assertThat(sel).containsExactly(false, true, true, true, false);
    boolean[] none = new boolean[5];
    Lcs.markBacktrack(new int[] {1, 2, 3, 4, 5}, new int[] {8, 9}, none);
    assertThat(none).containsOnly(false);
    boolean[] union = new boolean[5];
    Lcs.markBacktrack(new int[] {1, 2, 3, 4, 5}, new int[] {1, 2, 6, 7, 8}, union);
    Lcs.markBacktrack(new int[] {1, 2, 3, 4, 5}, new int[] {1, 3, 8, 9, 5}, union);
    assertThat(union).containsExactly(true, true, true, false, true);
  }

  @Test
  void againstRouge155_fileLines_F1_to_F6() throws Exception {
    List<String> targets = lines("rouge/testdata/target.txt");
    List<String> predictions = lines("rouge/testdata/prediction.txt");
    RougeScores l0 = scorer.score(targets.get(0), predictions.get(0));
    RougeScores l1 = scorer.score(targets.get(1), predictions.get(1));
    assertScore5(l0.rouge1(), 0.68750, 0.40741, 0.51163);
    assertScore5(l1.rouge1(), 0.65385, 0.40476, 0.50000);
    assertScore5(l0.rouge2(), 0.53333, 0.30769, 0.39024);
    assertScore5(l1.rouge2(), 0.48000, 0.29268, 0.36364);
    assertScore5(l0.rougeL(), 0.68750, 0.40741, 0.51163);
    assertScore5(l1.rougeL(), 0.65385, 0.40476, 0.50000);
  }

  @Test
  void rougeLsum_multiLineFiles_withoutStemming_F10b() throws Exception {
    String target = Files.readString(SharedData.require("rouge/testdata/target_multi.0.txt"), StandardCharsets.UTF_8);
    String prediction =
        Files.readString(SharedData.require("rouge/testdata/prediction_multi.0.txt"), StandardCharsets.UTF_8);
    assertScore5(scorer.score(RougeType.ROUGE_LSUM, target, prediction), 0.649123, 0.355769, 0.459627);
  }

  /** Lines as Python's readlines() gives them: each keeps its trailing newline. */
  private static List<String> lines(String relative) throws Exception {
    String text = Files.readString(SharedData.require(relative), StandardCharsets.UTF_8);
    return List.of(text.split("(?<=\n)"));
  }
}
