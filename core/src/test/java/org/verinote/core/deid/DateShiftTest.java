package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.verinote.core.PatientContext;

/** Date shifting: one offset per patient, intervals kept, verbatim copies restored. */
class DateShiftTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final PatientContext P = PatientContext.builder().givenName("Andrew").familyName("Campbell").build();
  private static final Pattern NUMERIC = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

  private static SafeHarborDeIdentifier shifting() {
    return SafeHarborDeIdentifier.builder().shiftDates(SECRET, 60).build();
  }

  @Test
  void shift_keepsIntervalsAndLayout() {
    PhiVault v = shifting().open("visit-1", P);
    String out = v.deidentify("admitted 7/22/2010, discharged 8/14/2010");
    Matcher m = NUMERIC.matcher(out);
    DateTimeFormatter f = DateTimeFormatter.ofPattern("M/d/yyyy");
    assertThat(m.find()).isTrue();
    LocalDate a = LocalDate.parse(m.group(), f);
    assertThat(m.find()).isTrue();
    LocalDate b = LocalDate.parse(m.group(), f);
    assertThat(ChronoUnit.DAYS.between(a, b)).isEqualTo(23);
    assertThat(a).isNotEqualTo(LocalDate.of(2010, 7, 22));
    assertThat(Math.abs(ChronoUnit.DAYS.between(LocalDate.of(2010, 7, 22), a))).isBetween(1L, 60L);
  }

  @Test
  void shift_samePatientAcrossEncounters_sameOffset() {
    String a = shifting().open("visit-1", P).deidentify("seen 1/10/2009");
    String b = shifting().open("visit-2", P).deidentify("seen 1/10/2009");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void restore_verbatimShiftedDate_original() {
    PhiVault v = shifting().open("visit-1", P);
    String out = v.deidentify("seen January 10, 2009 and 7/22/2010");
    assertThat(v.restore("Summary: " + out)).isEqualTo("Summary: seen January 10, 2009 and 7/22/2010");
    assertThat(shifting().id()).isEqualTo("safe-harbor/1+date-shift");
  }

  @Test
  void shiftDates_shortSecretOrBadRange_rejected() {
    assertThatThrownBy(() -> SafeHarborDeIdentifier.builder().shiftDates(new byte[8], 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The date-shift secret must be at least 16 bytes, got 8");
    assertThatThrownBy(() -> SafeHarborDeIdentifier.builder().shiftDates(SECRET, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDays must be in 1..3650, got 0");
    assertThatThrownBy(() -> SafeHarborDeIdentifier.builder().shiftDates(SECRET, 5).shiftDates(SECRET, 5))
        .isInstanceOf(IllegalStateException.class).hasMessage("shiftDates was already set");
  }
}
