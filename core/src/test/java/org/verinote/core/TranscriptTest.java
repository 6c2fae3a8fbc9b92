package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  @Test
  void parse_aciBenchLines_assignsRolesAndJoinsContinuationLines() {
    Transcript t = Transcript.parse("[doctor] hi , andrew .\n[patient] hey .\nstill me\n[patient_guest] i'm his wife .");
    assertThat(t.turns()).extracting(Turn::role)
        .containsExactly(SpeakerRole.CLINICIAN, SpeakerRole.PATIENT, SpeakerRole.OTHER);
    assertThat(t.turns().get(1).text()).isEqualTo("hey . still me");
  }

  @Test
  void parse_mtsDialogLines_detectsColonLabels() {
    Transcript t = Transcript.parse("Doctor: What brings you in?\nPatient: Headache for three days.");
    assertThat(t.turns()).extracting(Turn::role).containsExactly(SpeakerRole.CLINICIAN, SpeakerRole.PATIENT);
    assertThat(t.turns().get(1).text()).isEqualTo("Headache for three days.");
  }

  @Test
  void parse_unlabelledText_givesOneOtherTurnPerLine() {
    Transcript t = Transcript.parse("I have had a cough.\n\nIt started Monday.");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.turns()).allMatch(turn -> turn.role() == SpeakerRole.OTHER);
  }

  @Test
  void parse_blankText_throwsInvalidInputWithCount() {
    assertThatThrownBy(() -> Transcript.parse("  \n\t "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Transcript is empty: expected at least one non-blank turn, found 5 whitespace characters.");
  }

  @Test
  void parse_binary_throwsInvalidInput() {
    assertThatThrownBy(() -> Transcript.parse("PK\u0003\u0004\u0000\u0000garbage"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Transcript is not text: found 4 control or replacement characters");
  }

  @Test
  void parse_null_throwsNpeNamingParameter() {
    assertThatThrownBy(() -> Transcript.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
  }

  @Test
  void toString_neverContainsText() {
    Transcript t = Transcript.parse("[patient] my name is Zebulon Quixote");
    assertThat(t.toString()).doesNotContain("Zebulon").isEqualTo("Transcript[turns=1, chars=26]");
    assertThat(t.turns().get(0).toString()).doesNotContain("Zebulon");
  }

  @Property(tries = 200)
  void parse_render_roundTripsBracketedTranscripts(@ForAll("lines") java.util.List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      sb.append(i % 2 == 0 ? "[doctor] " : "[patient] ").append(lines.get(i)).append('\n');
    }
    Transcript t = Transcript.parse(sb.toString());
    assertThat(Transcript.parse(t.render())).isEqualTo(t);
    assertThat(t.size()).isEqualTo(lines.size());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<java.util.List<String>> lines() {
    return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',', '.').ofMinLength(1)
        .ofMaxLength(40).filter(s -> !s.isBlank()).map(String::strip).list().ofMinSize(1).ofMaxSize(8);
  }
}
