package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants every ROUGE score must satisfy, on generated note-like texts. */
class RougeInvariantsTest {

  private final RougeScorer scorer = RougeScorer.create();

  @Provide
  Arbitrary<String> notes() {
    Arbitrary<String> word = Arbitraries.of("knee", "pain", "ice", "rest", "mg", "400", "the", "a", "left", "x-ray",
        "Normal.", "PLAN", "CHIEF COMPLAINT", "\n", "\n\n", "•", "Café", ",");
    return word.list().ofMinSize(0).ofMaxSize(40).map(l -> String.join(" ", l));
  }

  @Property(tries = 200)
  void everyScore_isWithinZeroAndOne(@ForAll("notes") String ref, @ForAll("notes") String pred) {
    RougeScores s = scorer.score(ref, pred);
    for (RougeType t : RougeType.values()) {
      RougeScore r = s.get(t);
      assertThat(r.fmeasure()).isBetween(0.0, 1.0);
      assertThat(r.fmeasure()).isLessThanOrEqualTo(Math.max(r.precision(), r.recall()) + 1e-12);
    }
  }

  @Property(tries = 200)
  void textAgainstItself_scoresOne_whenItHasTokens(@ForAll("notes") String text) {
    RougeScores s = scorer.score(text, text);
    boolean tokens = !RougeScorer.tokenize(text).isEmpty();
    assertThat(s.rouge1().fmeasure()).isEqualTo(tokens ? 1.0 : 0.0);
    assertThat(s.rougeL().fmeasure()).isEqualTo(tokens ? 1.0 : 0.0);
    assertThat(s.rougeLsum().fmeasure()).isEqualTo(tokens ? 1.0 : 0.0);
  }

  @Property(tries = 200)
  void rouge1AndRougeL_fmeasureIsSymmetric(@ForAll("notes") String a, @ForAll("notes") String b) {
    assertThat(scorer.score(a, b).rouge1().fmeasure()).isEqualTo(scorer.score(b, a).rouge1().fmeasure());
    assertThat(scorer.score(a, b).rougeL().fmeasure()).isEqualTo(scorer.score(b, a).rougeL().fmeasure());
  }

  @Property(tries = 100)
  void rougeLNeverExceedsRouge1(@ForAll("notes") String a, @ForAll("notes") String b) {
    RougeScores s = scorer.score(a, b);
    assertThat(s.rougeL().fmeasure()).isLessThanOrEqualTo(s.rouge1().fmeasure() + 1e-12);
  }

  @Property(tries = 100)
  void singleTypeScoring_equalsAllTypesScoring(@ForAll("notes") String a, @ForAll("notes") String b) {
    RougeScores all = scorer.score(a, b);
    for (RougeType t : RougeType.values()) {
      assertThat(scorer.score(t, a, b)).isEqualTo(all.get(t));
    }
  }
}
