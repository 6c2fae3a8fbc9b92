package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Transcript;

/**
 * An examination narrated aloud: "when i press on the outside is that painful" — "no". The closing check is a
 * question, "press on" is how palpation is said, and a mention at the opposite site ("the medial aspect") is not
 * about the note's "lateral aspect".
 */
class NegationExamSitesTest {

  private static final String KNEE_EXAM = "[doctor] so when i press here on the inside of your knee does that hurt\n"
      + "[patient] a little bit\n"
      + "[doctor] how about when i press on the outside is that painful\n"
      + "[patient] no\n"
      + "[doctor] okay so you do have pain to palpation of the medial aspect of your right knee\n"
      + "[patient] okay\n";

  private final NegationConsistency layer = NegationConsistency.builder().build();

  private List<String> conflicts(String transcript, String note) {
    List<String> out = new ArrayList<>();
    layer.check(Fixtures.context(Transcript.parse(transcript), Fixtures.note("exam", note))).findings()
        .forEach(f -> out.add(f.message()));
    return out;
  }

  private static byte statusOf(String transcript, int turn, String word) {
    TranscriptIndex idx = TranscriptIndex.of(Transcript.parse(transcript));
    List<Tok> toks = idx.toks.get(turn);
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).raw().equals(word)) {
        return idx.polarity.get(turn)[i];
      }
    }
    throw new AssertionError("no token '" + word + "' in turn " + turn);
  }

  @Test
  void unpunctuatedClosingCheck_takesTheAnswer() {
    assertThat(statusOf(KNEE_EXAM, 2, "painful")).isEqualTo(Polarity.NEGATED);
    assertThat(statusOf(KNEE_EXAM, 0, "hurt")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void statementWithoutAClosingCheck_keepsItsOwnStatus() {
    String t = "[doctor] your knee is painful when i press on it\n[patient] no\n";
    assertThat(statusOf(t, 0, "painful")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void flippedLateralFinding_isJudgedAgainstTheOutside_notTheMedialAspect() {
    assertThat(conflicts(KNEE_EXAM, "Some pain to palpation of the lateral aspect.")).isNotEmpty()
        .allSatisfy(m -> assertThat(m).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(conflicts(KNEE_EXAM, "No pain to palpation of the lateral aspect.")).isEmpty();
  }

  @Test
  void medialFinding_isNotContradictedByTheOutside() {
    assertThat(conflicts(KNEE_EXAM, "Pain to palpation of the medial aspect of the right knee.")).isEmpty();
  }

  @Test
  void oppositeSites_includeTheirLayWords() {
    assertThat(LayTerms.opposites(term("lateral"))).contains(term("medial"), term("inside"));
    assertThat(LayTerms.opposites(term("outside"))).contains(term("inside"), term("medial"));
    assertThat(LayTerms.opposites(term("knee"))).isEmpty();
  }

  private static String term(String word) {
    List<Tok> toks = Tokenizer.tokenize(word);
    return Terms.of(toks, 0, toks.size(), false).get(0).text();
  }
}
