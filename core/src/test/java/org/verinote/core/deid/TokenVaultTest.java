package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.verinote.core.PatientContext;

/** Tokens: one per entity per encounter, known identifiers first, whatever the case or possessive. */
class TokenVaultTest {

  private static final PatientContext ANDREW = PatientContext.builder().givenName("Andrew").familyName("Campbell")
      .birthDate(LocalDate.of(1961, 3, 14)).mrn("00482133").phone("(410) 555-0199").email("andy@example.org")
      .addressLine("12 Larkspur Lane").city("Towson").postalCode("21204").build();

  private static PhiVault vault() {
    return SafeHarborDeIdentifier.standard().open("visit-1", ANDREW);
  }

  @Test
  void deidentify_partialAndFullName_sameToken() {
    PhiVault v = vault();
    assertThat(v.deidentify("hi , andrew . andrew campbell is here ; mr. campbell's knee ; ANDREW ."))
        .isEqualTo("hi , [PATIENT_1] . [PATIENT_1] is here ; mr. [PATIENT_1]'s knee ; [PATIENT_1] .");
  }

  @Test
  void deidentify_knownIdentifiersInAnyLayout_replaced() {
    PhiVault v = vault();
    String out = v.deidentify("mrn 00482133, call 410.555.0199 or andy@EXAMPLE.org; lives at 12 larkspur lane,"
        + " towson 21204; born 3/14/1961.");
    assertThat(out).doesNotContainIgnoringCase("00482133").doesNotContain("0199").doesNotContainIgnoringCase("andy@")
        .doesNotContainIgnoringCase("larkspur").doesNotContainIgnoringCase("towson").doesNotContain("21204")
        .doesNotContain("1961");
    assertThat(v.replacementCounts()).containsKeys("MRN", "PHONE", "EMAIL", "ADDRESS", "LOCATION", "ZIP", "DATE");
  }

  @Test
  void deidentify_spokenBirthDate_replaced() {
    assertThat(vault().deidentify("i was born march fourteenth nineteen sixty one ."))
        .isEqualTo("i was born [DATE_1] .");
  }

  @Test
  void deidentify_sameValueTwice_sameTokenDifferentValues_differentTokens() {
    PhiVault v = vault();
    assertThat(v.deidentify("seen 7/22/2010 and again 7/22/2010 ; then 8/14/2010"))
        .isEqualTo("seen [DATE_1] and again [DATE_1] ; then [DATE_2]");
    assertThat(v.deidentify("follow up on 8/14/2010")).isEqualTo("follow up on [DATE_2]");
  }

  @Test
  void deidentify_clinicianAndRelative_ownTokens() {
    PhiVault v = vault();
    assertThat(v.deidentify("Dr. Okafor spoke with his daughter Philippa."))
        .isEqualTo("Dr. [CLINICIAN_1] spoke with his daughter [PERSON_1].");
  }

  @Test
  void deidentify_emptyText_returnsEmpty() {
    assertThat(vault().deidentify("")).isEmpty();
    assertThat(vault().restore("")).isEmpty();
  }

  @Test
  void deidentify_nonLatinNames_caughtFromContext() {
    PatientContext c = PatientContext.builder().givenName("Дмитрий").familyName("王小明").otherName("Σοφία Παππά")
        .build();
    PhiVault v = SafeHarborDeIdentifier.standard().open("visit-2", c);
    String out = v.deidentify("ДМИТРИЙ said 王小明说 hello to σοφία.");
    assertThat(out).isEqualTo("[PATIENT_1] said [PATIENT_1]说 hello to [PERSON_1].");
    assertThat(v.restore(out)).isEqualTo("ДМИТРИЙ said 王小明说 hello to σοφία.");
  }

  @Test
  void open_absurdContextValues_ignoredWithoutHarm() {
    PatientContext c = PatientContext.builder().givenName("A").familyName("the").mrn("7").phone("1").build();
    PhiVault v = SafeHarborDeIdentifier.standard().open("visit-3", c);
    assertThat(v.deidentify("the patient took 7 pills at 1 pm, a bit late."))
        .isEqualTo("the patient took 7 pills at 1 pm, a bit late.");
  }

  @Test
  void open_emptyContext_recognizersStillWork() {
    PhiVault v = SafeHarborDeIdentifier.standard().open("visit-4", PatientContext.empty());
    assertThat(v.deidentify("Call 410-555-0123 or mail jo@clinic.org"))
        .isEqualTo("Call [PHONE_1] or mail [EMAIL_1]");
  }

  @Test
  void open_nulls_throwNpeNamingParameter() {
    assertThatThrownBy(() -> SafeHarborDeIdentifier.standard().open(null, ANDREW))
        .isInstanceOf(NullPointerException.class).hasMessage("encounterId");
    assertThatThrownBy(() -> vault().deidentify(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
  }

  @Test
  void toString_printsCountsOnly() {
    PhiVault v = vault();
    v.deidentify("andrew campbell, 410-555-0199");
    assertThat(v.toString()).isEqualTo("PhiVault[entities=2, replacements=2]").doesNotContain("andrew");
  }
}
