package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which negation cues the perturbation suite may flip: only those whose clause names a clinical finding. */
class PerturberFlipTest {

  private static boolean flippable(String text, String cue) {
    int at = text.indexOf(cue);
    assertThat(at).as("cue in test text").isNotNegative();
    return Perturber.flipsAFinding(text, at, at + cue.length());
  }

  @Test
  void cueBeforeAFinding_isFlipped() {
    assertThat(flippable("She denies chest pain or shortness of breath.", "denies")).isTrue();
    assertThat(flippable("No known allergies.", "No")).isTrue();
    assertThat(flippable("Supple without thyromegaly or lymphadenopathy.", "without")).isTrue();
  }

  @Test
  void cueBeforeNoFinding_isNotFlipped() {
    assertThat(flippable("No additional treatment needed at this time.", "No")).isFalse();
    assertThat(flippable("The patient denies any significant past medical history.", "denies")).isFalse();
    assertThat(flippable("She denies experiencing new symptoms.", "denies")).isFalse();
  }

  @Test
  void withOrWithout_isNotFlipped() {
    assertThat(flippable("Anxiety with or without underlying musculoskeletal etiology.", "without")).isFalse();
    assertThat(flippable("Lungs clear without wheezes.", "without")).isTrue();
  }

  @Test
  void scaleAnchor_isNotFlipped() {
    assertThat(flippable("Pain scale (0 = No pain, 10 = Worst imaginable pain).", "No")).isFalse();
    assertThat(flippable("Back pain 10, with 0 being no pain and 10 being the worst possible pain.", "no")).isFalse();
    assertThat(flippable("She is being seen for no pain relief.", "no")).isTrue();
  }

  @Test
  void findingAfterTheClauseEnds_doesNotCount() {
    assertThat(flippable("No additional treatment needed; chest pain resolved.", "No")).isFalse();
  }

  @Test
  void deniedMeaningRefused_isNotFlipped() {
    assertThat(flippable("He mostly denied the next offered bottle and declined cereal.", "denied")).isFalse();
    assertThat(flippable("He denied the bottle his mother offered.", "denied")).isFalse();
    assertThat(flippable("He denied fever and declined to eat.", "denied")).isTrue();
    assertThat(flippable("He denied fever; he declined the vaccine.", "denied")).isTrue();
  }
}
