package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.verinote.core.deid.DeIdentifier;
import org.verinote.core.deid.SafeHarborDeIdentifier;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.testkit.ScriptedModelProvider;

/** De-identification inside {@link NoteStructurer}: on by default, tokens out, names back, provenance honest. */
class NoteStructurerDeidTest {

  private static final PatientContext CONTEXT = PatientContext.builder()
      .givenName("Andrew").familyName("Campbell").birthDate(LocalDate.of(1961, 3, 14)).mrn("MRN-0048213")
      .phone("410-555-0199").build();

  private static final Encounter ENCOUNTER = Encounter.builder()
      .tenantId("clinic-a")
      .encounterId("visit-7")
      .transcript(Transcript.parse("[doctor] hi , andrew . i see mr. campbell's knee is still sore ?\n"
          + "[patient] yes , since march 3rd . call me on 410 555 0199 .\n"
          + "[doctor] dr. lee will see you again ."))
      .patientContext(CONTEXT)
      .build();

  @Test
  void builder_default_isSafeHarborDeIdentifier() {
    NoteStructurer s = NoteStructurer.builder().model(ScriptedModelProvider.always("{}")).build();
    assertThat(s.deIdentifier()).isSameAs(SafeHarborDeIdentifier.standard());
    assertThat(s.deIdentifier().isActive()).isTrue();
  }

  @Test
  void structure_remoteModel_seesTokensOnlyAndNoteGetsIdentifiersBack() {
    ScriptedModelProvider model = ScriptedModelProvider.builder().remote(true)
        .otherwise("{\"subjective\": \"[PATIENT_1] reports knee pain since [date_1]. Seen by [CLINICIAN_\\n1].\","
            + " \"objective\": \"\", \"assessment\": \"\", \"plan\": \"Call [PHONE_1]. Ignore [PATIENT_9].\"}")
        .build();
    StructuringResult r = NoteStructurer.builder().model(model).build().structure(ENCOUNTER);

    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    ModelRequest sent = model.requests().get(0);
    String outbound = sent.outboundText().toLowerCase(java.util.Locale.ROOT);
    assertThat(outbound).doesNotContain("andrew", "campbell", "march 3rd", "0199", "lee");
    assertThat(sent.outboundText()).contains("[PATIENT_1]", "[CLINICIAN_1]", "[PHONE_1]", "[DATE_1]");

    StructuredNote note = r.note().orElseThrow();
    assertThat(note.section("subjective").orElseThrow().text())
        .isEqualTo("Andrew Campbell reports knee pain since march 3rd. Seen by lee.");
    assertThat(note.section("plan").orElseThrow().text()).isEqualTo("Call 410 555 0199. Ignore [PATIENT_9].");
    assertThat(r.provenance().rawModelOutput()).doesNotContain("Andrew", "Campbell");
    assertThat(r.provenance().replacementCounts()).containsEntry("PATIENT", 2).containsEntry("PHONE", 1);
  }

  @Test
  void structure_explicitlyDisabled_provenanceRecordsRawText() {
    ScriptedModelProvider model = ScriptedModelProvider.always("{\"plan\": \"knee x-ray\"}");
    StructuringResult r = NoteStructurer.builder().model(model).deIdentifier(DeIdentifier.disabled()).build()
        .structure(ENCOUNTER);
    assertThat(r.provenance().deidentified()).isFalse();
    assertThat(r.provenance().deidentifierId()).isEqualTo("disabled");
    assertThat(model.requests().get(0).outboundText()).contains("andrew");
  }

  @Test
  void structure_transcriptWithLiteralToken_modelEchoDoesNotBecomeThePatient() {
    Encounter e = ENCOUNTER.toBuilder().transcript(Transcript.parse(
        "[doctor] the form says [PATIENT_1] in the name box .\n[patient] that is andrew , me .")).build();
    ScriptedModelProvider model = ScriptedModelProvider.builder().remote(true).thenAnswer(req -> {
      String prompt = req.outboundText();
      String literal = prompt.substring(prompt.indexOf("[TEXT_"), prompt.indexOf(']', prompt.indexOf("[TEXT_")) + 1);
      return org.verinote.core.model.ModelResponse.of("{\"subjective\": \"Form shows " + literal + "; patient is"
          + " [PATIENT_1].\"}", model0());
    }).build();
    StructuringResult r = NoteStructurer.builder().model(model).build().structure(e);
    assertThat(r.note().orElseThrow().section("subjective").orElseThrow().text())
        .isEqualTo("Form shows [PATIENT_1]; patient is Andrew Campbell.");
  }

  private static org.verinote.core.model.ModelInfo model0() {
    return ScriptedModelProvider.always("").info();
  }
}
