package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.PatientContext;

/** Restore tolerates what models do to tokens and never restores what the vault did not issue. */
class RestoreTest {

  private static PhiVault vault() {
    PhiVault v = SafeHarborDeIdentifier.standard().open("visit-1",
        PatientContext.builder().givenName("Andrew").familyName("Campbell").build());
    v.deidentify("hi andrew, seen on 7/22/2010 by Dr. Okafor");
    return v;
  }

  @Test
  void restore_deidentifiedText_isExactOriginal() {
    PhiVault v = SafeHarborDeIdentifier.standard().open("visit-1",
        PatientContext.builder().givenName("Andrew").familyName("Campbell").build());
    String text = "hi , andrew . Andrew Campbell's knee ; ANDREW";
    assertThat(v.restore(v.deidentify(text))).isEqualTo(text);
  }

  @Test
  void restore_modelOutput_usesCanonicalForm() {
    assertThat(vault().restore("[PATIENT_1] was seen by [CLINICIAN_1] on [DATE_1]."))
        .isEqualTo("Andrew Campbell was seen by Okafor on 7/22/2010.");
  }

  @Test
  void restore_droppedBracketsChangedCaseAndLineSplit_restored() {
    PhiVault v = vault();
    assertThat(v.restore("PATIENT_1 and [patient_1] and [Patient_1 and PATIENT_1] and [PATIENT_\n1] and"
        + " [ DATE _ 1 ] and [CLINI\nCIAN_1]"))
        .isEqualTo("Andrew Campbell and Andrew Campbell and Andrew Campbell and Andrew Campbell and"
            + " Andrew Campbell and 7/22/2010 and Okafor");
  }

  @Test
  void restore_tokenNotIssued_leftAsIs() {
    assertThat(vault().restore("[PATIENT_2], [PHONE_1], PERSON_7 and [FOO_1]"))
        .isEqualTo("[PATIENT_2], [PHONE_1], PERSON_7 and [FOO_1]");
  }

  @Test
  void deidentify_inputWithTokenLikeText_isEscapedAndNeverRestoredAsPhi() {
    PhiVault v = SafeHarborDeIdentifier.standard().open("visit-1",
        PatientContext.builder().givenName("Andrew").build());
    String deid = v.deidentify("the chart literally says [PATIENT_1] and patient_1 ; andrew is here");
    assertThat(deid).isEqualTo("the chart literally says [TEXT_1] and [TEXT_2] ; [PATIENT_1] is here");
    // a model copying the escaped literal gets the literal back, never the patient's name
    assertThat(v.restore("Chart says [TEXT_1]; patient [PATIENT_1]."))
        .isEqualTo("Chart says [PATIENT_1]; patient Andrew.");
  }

  @Test
  void restore_otherVaultsTokens_doNotRevealThisVaultsIdentities() {
    PhiVault a = SafeHarborDeIdentifier.standard().open("visit-a",
        PatientContext.builder().givenName("Andrew").build());
    PhiVault b = SafeHarborDeIdentifier.standard().open("visit-b",
        PatientContext.builder().givenName("Beatrix").build());
    String fromA = a.deidentify("andrew is here");
    assertThat(b.restore(fromA)).isEqualTo("Beatrix is here").doesNotContain("ndrew");
  }
}
