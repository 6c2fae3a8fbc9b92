package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.verinote.core.guard.GuardVerdict;

/**
 * Invariants of the token-status rules over arbitrary text (any Unicode, cue words and punctuation mixed in): the
 * status arrays match the tokens, no rule throws, a turn without a plan marker has nothing planned, and a line said
 * twice keeps exactly one copy.
 */
class AssertionStatusPropertyTest {

  private static final List<String> WORDS = List.of("no", "not", "n't", "denies", "if", "or", "any", "pain", "fever",
      "gon", "na", "going", "to", "will", "we'll", "i'm", "prescribe", "continue", "seem", "helps", "alleviates",
      "the", "medications", "okay", "but", ",", ".", "?", "\u2019", "é", "😀", "\u0000", "[PATIENT_1]", "120/80",
      "shortness", "of", "breath", "with", "without", "have", "you", "yeah", "nope", "do", "like", "that");

  @Provide
  Arbitrary<String> clinicalish() {
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(6));
    return word.list().ofMaxSize(60).map(l -> String.join(" ", l));
  }

  @Property(tries = 1000)
  void statusesMatchTheTokens_andNoRuleThrows(@ForAll("clinicalish") String text) {
    List<Tok> toks = Tokenizer.tokenize(text);
    assertThat(Polarity.of(toks)).hasSize(toks.size());
    assertThat(Polarity.planned(toks)).hasSize(toks.size());
    List<Terms.Term> terms = Terms.of(toks, 0, toks.size(), true);
    TranscriptIndex.findingList(toks, terms);
    Polarity.hasPlanMarker(toks, 0, toks.size());
    for (int i = 0; i < toks.size(); i++) {
      Polarity.deniedBy(toks, i);
    }
  }

  @Property(tries = 1000)
  void inTurnAnswers_onlyResolveWordsAfterAQuestionOpening(@ForAll("clinicalish") String text) {
    List<Tok> toks = Tokenizer.tokenize(text);
    byte[] before = Polarity.of(toks);
    byte[] after = before.clone();
    boolean[] asked = new boolean[toks.size()];
    Polarity.inTurnAnswers(toks, after, asked);
    for (int i = 0; i < toks.size(); i++) {
      if (after[i] != before[i]) {
        // only a word an answer now speaks for changes, and only to what that answer can give it
        assertThat(asked[i]).isTrue();
        assertThat(after[i]).isIn(Polarity.fromAnswer(before[i], Polarity.NEGATED),
            Polarity.fromAnswer(before[i], Polarity.AFFIRMED));
      }
    }
    boolean opening = false;
    for (int i = 0; i < toks.size(); i++) {
      String w = toks.get(i).low();
      opening |= w.equals("any") || w.equals("anything") || w.equals("you");
    }
    if (!opening) {
      assertThat(after).isEqualTo(before);
    }
  }

  @Property(tries = 500)
  void withoutAPlanMarker_nothingIsPlanned(@ForAll("clinicalish") String text) {
    List<Tok> toks = Tokenizer.tokenize(text);
    if (!Polarity.hasPlanMarker(toks, 0, toks.size())) {
      boolean[] planned = Polarity.planned(toks);
      for (boolean p : planned) {
        assertThat(p).isFalse();
      }
    }
  }

  @Property(tries = 300)
  void lineSaidTwice_keepsOneCopy(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 0, max = 999)
      int value) {
    StringBuilder line = new StringBuilder("Blood");
    for (int i = 1; i < n; i++) {
      line.append(i % 2 == 0 ? " pressure" : " value ").append(value + i);
    }
    String once = line.toString();
    GuardVerdict v = Fixtures.run(RepetitionRemoval.builder().build(), once + " " + once);
    assertThat(Fixtures.textOf(v)).isEqualTo(once);
  }
}
