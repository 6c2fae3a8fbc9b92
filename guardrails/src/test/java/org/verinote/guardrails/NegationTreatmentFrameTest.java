package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Pain medications" in a note against "taken anything for the pain" in the transcript ({@link Frames}). */
class NegationTreatmentFrameTest {

  private final NegationConsistency layer = NegationConsistency.builder().build();

  private List<String> conflicts(String transcript, String note) {
    return Fixtures.messages(layer, "hpi", transcript, note);
  }

  @Test
  void notTakenAnythingForTheFinding_negatesItsMedications() {
    String t = "[patient] not too much . i have iced a bit , but i have not taken anything for the pain .\n";
    assertThat(conflicts(t, "He reports taking any pain medications.")).singleElement()
        .satisfies(m -> assertThat(m).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(conflicts(t, "He denies taking any pain medications.")).isEmpty();
  }

  @Test
  void questionAboutTakingAnything_takesTheAnswersStatus() {
    String t = "[doctor] okay , have you taken anything for the pain ?\n[patient] no .\n";
    assertThat(conflicts(t, "She reports pain medications.")).singleElement()
        .satisfies(m -> assertThat(m).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void namedMedicationTakenForTheFinding_affirmsItsMedications() {
    String t = "[patient] i took some ibuprofen for the pain last night .\n";
    assertThat(conflicts(t, "She denies taking pain medications.")).singleElement()
        .satisfies(m -> assertThat(m).startsWith("Negated in the note but asserted in the transcript"));
  }

  @Test
  void adviceOrPlanToTakeSomething_saysNothingAboutWhatWasTaken() {
    assertThat(conflicts("[doctor] you can take something for the pain .\n", "She denies taking pain medications."))
        .isEmpty();
    assertThat(conflicts("[doctor] we will give you something for the pain .\n",
        "She denies taking pain medications.")).isEmpty();
  }

  @Test
  void treatmentForABodySite_isNotAFrame() {
    assertThat(Frames.treated(phrase("knee medications"))).isNull();
    assertThat(Frames.treated(phrase("pain medications")).text()).isEqualTo("pain");
  }

  private static List<Terms.Term> phrase(String text) {
    List<Tok> toks = Tokenizer.tokenize(text);
    return Terms.of(toks, 0, toks.size(), false);
  }
}
