package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.Finding;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardVerdict;

class PatternCheckTest {

  private final PatternCheck layer = PatternCheck.builder().build();

  @Test
  void phoneSpokenInTranscript_isNotFlagged() {
    Transcript t = Transcript.parse("[doctor] what's the best number ?\n"
        + "[patient] five five five , one two three , four five six seven .");
    GuardVerdict v = layer.check(Fixtures.context(t, Fixtures.note("plan", "Call 555-123-4567 with results.")));
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void inventedUrlIdAndAddress_areFlaggedWithCodes() {
    GuardVerdict v = Fixtures.run(layer, "See https://example.org/x. MRN 12345678. Lives at 42 Maple Street.");
    assertThat(v.findings()).extracting(Finding::code)
        .containsExactlyInAnyOrder("INVENTED_URL", "INVENTED_ID", "INVENTED_ADDRESS");
    assertThat(v.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("Maple").doesNotContain("1234"));
  }

  @Test
  void deidentificationTokens_areNeverMatched() {
    GuardVerdict v = Fixtures.run(layer, "Call [PHONE_1] or write to [EMAIL_2]; lives at [ADDRESS_3].");
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void kinds_canBeRestricted() {
    GuardVerdict v = Fixtures.run(PatternCheck.builder().kinds(PatternCheck.Kind.EMAIL).build(),
        "Call (555) 123-4567 or jo@example.com.");
    assertThat(v.findings()).extracting(Finding::code).containsExactly("INVENTED_EMAIL");
  }
}
