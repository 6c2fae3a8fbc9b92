package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.guard.GuardVerdict;

/** The opt-in check for a question written up as a finding ({@link NegationConsistency.Builder#unconfirmedAssertions}). */
class UnconfirmedAssertionTest {

  private static final NegationConsistency ON = NegationConsistency.builder().unconfirmedAssertions(true).build();
  private static final String UNANSWERED = "[doctor] okay . and did you have any trauma before that happened ?\n"
      + "[patient] i have been lifting more , probably around three times a week .\n";

  @Test
  void aQuestionNoAnswerConfirms_writtenUpAsAFinding_isFlagged() {
    GuardVerdict v = Fixtures.run(ON, "history_of_present_illness", UNANSWERED, "She reports trauma to her back.");
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("UNCONFIRMED_ASSERTION");
      assertThat(f.message()).startsWith("Asserted in the note, but the transcript only asks about it")
          .contains("turns [0]");
    });
  }

  @Test
  void offByDefault() {
    assertThat(Fixtures.run(NegationConsistency.builder().build(), "history_of_present_illness", UNANSWERED,
        "She reports trauma to her back.").findings()).isEmpty();
  }

  @Test
  void denialsAndOtherSections_areNotFlagged() {
    // a denial of what was asked is the scribe's inference, not a new finding
    assertThat(Fixtures.run(ON, "history_of_present_illness", UNANSWERED, "She denies trauma.").findings())
        .isEmpty();
    // an exam or a plan is not what the patient reports
    assertThat(Fixtures.run(ON, "physical_exam", UNANSWERED, "Signs of trauma.").findings()).isEmpty();
    assertThat(Fixtures.run(ON, "assessment_and_plan", UNANSWERED, "Trauma.").findings()).isEmpty();
  }

  @Test
  void answeredQuestions_areNotFlagged() {
    String yes = "[doctor] did you have any trauma ?\n[patient] yes , i fell off a ladder .\n";
    assertThat(Fixtures.run(ON, "history_of_present_illness", yes, "She reports trauma.").findings()).isEmpty();
    // the answer says a word of the same stem: "congestion?" — "a bit congested"
    String echoed = "[doctor] have you had any congestion ?\n[patient] i feel a bit congested in the mornings .\n";
    assertThat(Fixtures.run(ON, "review_of_systems", echoed, "ENT: Endorses congestion.").findings()).isEmpty();
    String elsewhere = "[doctor] have you had any congestion ?\n[patient] well , it has been a rough month .\n";
    assertThat(Fixtures.run(ON, "review_of_systems", elsewhere, "ENT: Endorses congestion.").findings())
        .singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("UNCONFIRMED_ASSERTION"));
    // an open question presupposes the finding: "how often do you check your blood sugar"
    String open = "[doctor] how often do you check your blood sugar ?\n[patient] every morning .\n";
    assertThat(Fixtures.run(ON, "history_of_present_illness", open, "She checks her blood sugar daily.")
        .findings()).isEmpty();
  }
}
