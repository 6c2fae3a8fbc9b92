package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.PromptProfile;
import org.verinote.core.record.EncounterContext;

/**
 * Every core type that holds clinical text prints ids and sizes only: each is built around the same sentinel
 * identifiers and sentence, and its {@code toString()} must contain none of them.
 */
class PhiSafeToStringTest {

  private static final String NAME = "Zebediah";
  private static final String FAMILY = "Quixotevich";
  private static final String MRN = "MRN-99887766";
  private static final String PHONE = "617-555-0199";
  private static final String EMAIL = "zq@example.org";
  private static final String SENTENCE = "my chest has hurt since the wedding in Nantucket";
  private static final String TEXT = SENTENCE + " said " + NAME + " " + FAMILY + " " + MRN + " " + PHONE + " "
      + EMAIL + " born 1961-04-12";
  private static final List<String> SECRETS = List.of(NAME, FAMILY, MRN, PHONE, EMAIL, "1961", "Nantucket",
      "chest has hurt");

  private static final Transcript TRANSCRIPT = Transcript.parse("[doctor] " + TEXT + "\n[patient] " + TEXT);
  private static final StructuredNote NOTE = StructuredNote.of("soap", "1",
      List.of(new NoteSection("subjective", "Subjective", TEXT, List.of(new Evidence(0, 0, 5, 1.0)))));
  private static final ModelInfo INFO = new ModelInfo("scripted", "1",
      new ModelCapabilities(true, 8192, false, PromptProfile.LARGE_HOSTED));
  private static final Provenance PROVENANCE = Provenance.builder().modelRunId("run-1").model("scripted", "1")
      .prompt("LARGE_HOSTED", "1").template("soap", "1").deidentifier("disabled", false)
      .attempt(new Attempt(1, "scripted", "1", Attempt.Outcome.REPROMPTED, TEXT, TEXT, "", Duration.ofMillis(3), 10,
          20))
      .build();
  private static final Encounter ENCOUNTER = Encounter.builder().tenantId("clinic-a").encounterId("visit-1")
      .transcript(TRANSCRIPT).patientContext(PatientContext.builder().givenName(NAME).familyName(FAMILY)
          .birthDate(LocalDate.of(1961, 4, 12)).mrn(MRN).phone(PHONE).email(EMAIL).addressLine("12 Nantucket Way")
          .build())
      .build();

  private static void assertPhiFree(Object o) {
    assertThat(o.toString()).as(o.getClass().getName()).doesNotContain(SECRETS);
  }

  @Test
  void transcriptEncounterAndPatientContext_printCountsOnly() {
    assertPhiFree(TRANSCRIPT);
    assertPhiFree(TRANSCRIPT.turns().get(0));
    assertPhiFree(ENCOUNTER);
    assertPhiFree(ENCOUNTER.patientContext());
    assertThat(ENCOUNTER.toString()).contains("visit-1", "clinic-a");
  }

  @Test
  void notesAndResults_printSizesOnly() {
    assertPhiFree(NOTE);
    assertPhiFree(NOTE.sections().get(0));
    assertPhiFree(PROVENANCE);
    assertPhiFree(PROVENANCE.attempts().get(0));
    assertPhiFree(StructuringResult.drafted(ENCOUNTER, Status.DRAFTED, NOTE, List.of(), Map.of(), PROVENANCE));
    assertPhiFree(StructuringResult.failed(ENCOUNTER, new Failure(Failure.Code.INVALID_MODEL_OUTPUT, "x"), List.of(),
        PROVENANCE));
  }

  @Test
  void modelTypes_printSizesOnly() {
    assertPhiFree(Message.user(TEXT));
    assertPhiFree(ModelRequest.builder().messages(List.of(Message.system(TEXT), Message.user(TEXT))).build());
    assertPhiFree(ModelResponse.of(TEXT, INFO));
  }

  @Test
  void guardTypes_printSizesAndCodesOnly() {
    Finding finding = Finding.of("layer", "CODE", Severity.WARNING, "a number was not found in the transcript");
    assertPhiFree(new GuardContext(TRANSCRIPT, NoteTemplate.soap(), NOTE, TEXT, PromptProfile.LARGE_HOSTED, 1));
    assertPhiFree(new ChainResult(ChainResult.Outcome.REPROMPT, NOTE, List.of(finding), Map.of(), Map.of(),
        List.of(), TEXT));
    assertPhiFree(new GuardVerdict.Reprompt(TEXT, List.of(finding), Map.of()));
    assertPhiFree(new GuardVerdict.Block(TEXT, List.of(finding), Map.of()));
    assertPhiFree(new GuardVerdict.Rewrite(NOTE, List.of(finding), Map.of()));
    assertPhiFree(new GuardVerdict.Flag(List.of(finding), Map.of()));
    assertThat(new GuardVerdict.Reprompt(TEXT, List.of(finding), Map.of()).toString())
        .isEqualTo("Reprompt[instructionChars=" + TEXT.length() + ", findings=[CODE], scores={}]");
  }

  @Test
  void encounterContext_hidesDates() {
    EncounterContext ctx = new EncounterContext("Encounter/7", "Patient/3", Instant.parse("1961-04-12T10:00:00Z"),
        Instant.parse("1961-04-12T11:00:00Z"), "finished");
    assertPhiFree(ctx);
    assertThat(ctx).hasToString("EncounterContext[Encounter/7, patient=Patient/3, start=true, end=true,"
        + " status=finished]");
  }
}
