package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.verinote.core.PatientContext;
import org.verinote.core.PhiEgressException;

/** The fail-closed egress check: independent of what deidentify did, types and counts only in the message. */
class EgressCheckTest {

  private static PhiVault vault() {
    return SafeHarborDeIdentifier.standard().open("visit-1",
        PatientContext.builder().givenName("Andrew").familyName("Campbell").mrn("00482133").build());
  }

  @Test
  void checkEgress_deidentifiedText_passes() {
    PhiVault v = vault();
    String out = v.deidentify("andrew campbell, mrn 00482133, phone 410-555-0199, seen 7/22/2010");
    assertThatCode(() -> v.checkEgress("System prompt.\n" + out)).doesNotThrowAnyException();
  }

  @Test
  void checkEgress_knownIdentifierLeft_refusesWithTypesAndCountsOnly() {
    PhiVault v = vault();
    assertThatThrownBy(() -> v.checkEgress("note about ANDREW's visit, chart 0048-2133, call 410-555-0199"))
        .isInstanceOf(PhiEgressException.class)
        .hasMessage("Egress refused: the outbound text still contains 3 identifier(s) (1 PATIENT, 1 PHONE,"
            + " 1 MRN); nothing was sent. Add the identifiers to the PatientContext or a recognizer, or remove them"
            + " from the text.")
        .message().doesNotContain("ANDREW", "0199");
  }

  @Test
  void checkEgress_highConfidenceHits_refused() {
    PhiVault v = vault();
    assertThatThrownBy(() -> v.checkEgress("mail jo@clinic.org, ssn 123-45-6789, http://x.example.com/a"))
        .isInstanceOf(PhiEgressException.class)
        .hasMessageContaining("1 EMAIL").hasMessageContaining("1 SSN").hasMessageContaining("1 URL");
  }

  @Test
  void checkEgress_lowConfidenceHitsOnly_pass() {
    // a dictionary name without a cue is replaced by deidentify but is not enforced at egress
    assertThatCode(() -> vault().checkEgress("Patricia reports pain in the left knee.")).doesNotThrowAnyException();
  }

  @Test
  void checkEgress_issuedTokensAndShiftedDates_notCounted() {
    PhiVault v = SafeHarborDeIdentifier.builder().shiftDates(new byte[32], 30).build()
        .open("visit-1", PatientContext.builder().givenName("Date").build());
    String out = v.deidentify("Date was admitted 7/22/2010 and discharged 7/30/2010.");
    assertThat(out).doesNotContain("7/22/2010");
    assertThatCode(() -> v.checkEgress(out)).doesNotThrowAnyException();
  }
}
