package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RepetitionTest {

  @Test
  void collapse_repeatedSentence_keepsFirstOccurrence() {
    assertThat(Repetition.collapse("Knee pain for three weeks. Worse on stairs. Knee pain for three weeks."))
        .isEqualTo("Knee pain for three weeks. Worse on stairs.");
  }

  @Test
  void collapse_longUnpunctuatedText_doesNotOverflowTheStack() {
    String text = "the patient reports pain in the knee when walking up stairs ".repeat(5_000);
    assertThat(Repetition.collapse(text)).startsWith("the patient reports pain");
  }

  @Test
  void collapse_phraseLoop_keepsOneCopy() {
    assertThat(Repetition.collapse("The patient has the knee the knee the knee pain.")).isEqualTo(
        "The patient has the knee pain.");
    assertThat(Repetition.collapse("Ice ice ice ice.")).isEqualTo("ice.");
  }

  @Test
  void collapse_decimalDoses_areNeverSplitOrMerged() {
    String plan = "Take 1.5 mg daily. Then 2.5 mg daily.";
    assertThat(Repetition.collapse(plan)).isEqualTo(plan);
  }

  @Test
  void collapse_twiceInARowOrShortRepeats_areKept() {
    String text = "No.\nNo.\nHe had had surgery.";
    assertThat(Repetition.collapse(text)).isSameAs(text);
  }

  @Test
  void parse_outputWithLoops_removesThemAndFlagsTheSection() {
    NoteOutputParser.Parsed p = NoteOutputParser.parse("{\"plan\": \"Rest the knee. Rest the knee. Rest the knee.\"}",
        NoteTemplate.soap());
    assertThat(p.note().section("plan").orElseThrow().text()).isEqualTo("Rest the knee.");
    assertThat(p.findings()).filteredOn(f -> f.code().equals("REPEATED_TEXT")).singleElement()
        .satisfies(f -> assertThat(f.section()).contains("plan"));
  }

  @Property(tries = 300)
  void collapse_neverAddsCharacters(@ForAll String text) {
    assertThat(Repetition.collapse(text).length()).isLessThanOrEqualTo(text.length());
  }
}
