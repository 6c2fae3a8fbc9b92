package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a finding is — laterality and the body site "back" — as {@link NegationConsistency} reads it. */
class NegationSiteWordsTest {

  private final NegationConsistency layer = NegationConsistency.builder().build();

  private List<String> conflicts(String transcript, String note) {
    return Fixtures.messages(layer, "hpi", transcript, note);
  }

  private static List<String> terms(String text) {
    List<Tok> toks = Tokenizer.tokenize(text);
    List<String> out = new ArrayList<>();
    Terms.of(toks, 0, toks.size(), false).forEach(t -> out.add(t.text()));
    return out;
  }

  @Test
  void lateralityWord_isNotTheFinding_soTheFindingBeforeItIsJudged() {
    String t = "[doctor] how are the lumps ?\n[patient] they do feel smaller , but they are still there .\n"
        + "[doctor] okay . the lumps are still palpable .\n";
    assertThat(conflicts(t, "She denies lumps in bilateral breasts.")).singleElement()
        .satisfies(m -> assertThat(m).startsWith("Negated in the note but asserted in the transcript"));
    assertThat(conflicts(t, "She reports lumps in bilateral breasts.")).isEmpty();
  }

  @Test
  void back_afterAPossessiveOrBeforeAComplaint_isABodySite() {
    assertThat(terms("my back hurts")).contains("back");
    assertThat(terms("exam of the low back")).contains("back");
    assertThat(terms("no back pain")).contains("back");
  }

  @Test
  void back_asAnAdverb_staysAStopWord() {
    assertThat(terms("we will see you back in two weeks")).doesNotContain("back");
    assertThat(terms("go ahead and lean back")).doesNotContain("back");
    assertThat(terms("it came back a little low")).doesNotContain("back");
  }

  @Test
  void backPain_isComparedWithTheBackExam_notWithPainElsewhere() {
    String t = "[doctor] exam of the low back . any pain here ?\n[patient] no .\n"
        + "[doctor] okay , go ahead and lean back . does your hip hurt ?\n[patient] yes .\n";
    assertThat(conflicts(t, "Today, she reports some back pain.")).singleElement()
        .satisfies(m -> assertThat(m).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(conflicts(t, "Today, she reports no back pain.")).isEmpty();
    assertThat(conflicts(t, "She reports hip pain.")).isEmpty();
  }

  @Test
  void lowAsASiteQualifier_isNotCompared_withLowLabValues() {
    String t = "[doctor] your hemoglobin is low .\n[doctor] any back pain , flank pain ?\n[patient] no .\n";
    assertThat(conflicts(t, "She denies low back pain or flank pain.")).isEmpty();
  }
}
