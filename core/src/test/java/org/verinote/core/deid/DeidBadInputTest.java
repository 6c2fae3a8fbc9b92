package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.verinote.core.PatientContext;

/**
 * Hostile input: 10 MB of text built to make naive regular expressions backtrack, bracket soup, digit runs. The
 * watchdog ({@link Timeout}) bounds the run; linear time is measured in {@code DeidBenchmark}, not asserted here.
 */
class DeidBadInputTest {

  private static String repeat(String unit, int chars) {
    StringBuilder sb = new StringBuilder(chars + unit.length());
    while (sb.length() < chars) {
      sb.append(unit);
    }
    return sb.toString();
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void deidentify_tenMegabytesOfPathologicalText_finishesAndRoundTrips() {
    int part = 10 * 1024 * 1024 / 8;
    String text = repeat("a", part) + "@" + repeat("a.", part / 2) + repeat("[[[[PATIENT_", part / 12)
        + repeat("1-", part / 2) + repeat("1 ", part / 2) + repeat("ninety ", part / 7) + repeat(":a", part / 2)
        + repeat("Dr. ", part / 4);
    PhiVault v = SafeHarborDeIdentifier.standard().open("big", PatientContext.builder().givenName("Andrew")
        .mrn("00482133").build());
    String out = v.deidentify(text);
    assertThat(out).isNotEmpty();
    assertThat(v.restore(out)).isEqualTo(text);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void checkEgress_longDigitAndBracketRuns_finishes() {
    String text = repeat("4105550199", 200_000) + repeat("[", 500_000) + repeat("www.", 100_000);
    PhiVault v = SafeHarborDeIdentifier.standard().open("big", PatientContext.empty());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> v.checkEgress(text))
        .isInstanceOf(org.verinote.core.PhiEgressException.class);
  }

  @Test
  void deidentify_onlyWhitespaceAndPunctuation_unchanged() {
    PhiVault v = SafeHarborDeIdentifier.standard().open("e", PatientContext.empty());
    assertThat(v.deidentify(" \n\t.,;:!?()[]{}")).isEqualTo(" \n\t.,;:!?()[]{}");
  }
}
