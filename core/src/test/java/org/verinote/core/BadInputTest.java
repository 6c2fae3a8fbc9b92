package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.testkit.ScriptedModelProvider;

/** The bad-input list, end to end: every case ends in a typed error or a flagged result. */
class BadInputTest {

  private static final String VISIT = "[doctor] what brings you in ?\n[patient] i have had a cough for three days .\n"
      + "[doctor] on exam your lungs are clear .\n[doctor] i think it is a viral infection , i recommend rest .";

  private static Encounter encounter(String transcript) {
    return Encounter.builder().tenantId("clinic-a").encounterId("visit-1").transcript(Transcript.parse(transcript))
        .build();
  }

  private static StructuringResult structure(ScriptedModelProvider model) {
    return NoteStructurer.builder().model(model).build().structure(encounter(VISIT));
  }

  @Test
  void emptyTranscript_throwsInvalidInputWithCount() {
    assertThatThrownBy(() -> Transcript.parse("")).isInstanceOf(InvalidInputException.class)
        .hasMessage("Transcript is empty: expected at least one non-blank turn, found 0 whitespace characters.");
  }

  @Test
  void unicodeSpacesAndZeroWidthOnly_throwsInvalidInput() {
    assertThatThrownBy(() -> Transcript.parse("\u00A0\u200B \u2003\n\uFEFF")).isInstanceOf(InvalidInputException.class)
        .hasMessage("Transcript is empty: expected at least one non-blank turn, found 6 whitespace characters.");
  }

  @Test
  void speakerLabelsWithoutText_throwsInvalidInput() {
    assertThatThrownBy(() -> Transcript.parse("[doctor]\n[patient]   \u00A0\n")).isInstanceOf(
        InvalidInputException.class).hasMessage("Transcript is empty: expected at least one turn with text, found 0"
            + " turns, all blank.");
  }

  @Test
  void fiveMegabyteTranscript_isStructuredIntoABoundedNote() {
    StringBuilder sb = new StringBuilder(5 * 1024 * 1024 + VISIT.length());
    for (int i = 0; sb.length() < 5 * 1024 * 1024; i++) {
      sb.append(VISIT.replace("three days", i + " days")).append('\n');
    }
    Encounter e = encounter(sb.toString());
    StructuringResult r = NoteStructurer.builder().model(new ExtractiveModelProvider()).build().structure(e);
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    assertThat(sb.length()).isGreaterThanOrEqualTo(5 * 1024 * 1024);
    assertThat(e.transcript().size()).isGreaterThan(100_000);
    String text = r.note().orElseThrow().toPlainText();
    assertThat(text.split("\\s+").length).isBetween(100, 800);
  }

  @Test
  void unknownTemplateId_isEmptyAndBuiltInsAreListed() {
    assertThat(NoteTemplate.builtIn("soapy")).isEmpty();
    assertThat(NoteTemplate.builtInIds()).containsExactly("aci-bench", "soap");
  }

  @Test
  void providerAlwaysReturnsProse_failsWithInvalidOutputAndKeepsEveryRawOutput() {
    StructuringResult r = structure(ScriptedModelProvider.always("I am sorry, I cannot write notes."));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.failure().orElseThrow()).isEqualTo(new Failure(Failure.Code.INVALID_MODEL_OUTPUT,
        "The model output is neither JSON nor a note with section headings (33 characters). Attempts: 2; raw"
            + " output kept in provenance."));
    assertThat(r.provenance().attempts()).extracting(Attempt::rawOutput)
        .containsExactly("I am sorry, I cannot write notes.", "I am sorry, I cannot write notes.");
  }

  @Test
  void providerReturnsJsonArrayOrScalar_fails() {
    for (String raw : List.of("[\"cough\"]", "\"cough\"", "42", "{}")) {
      StructuringResult r = structure(ScriptedModelProvider.always(raw));
      assertThat(r.failure()).as(raw).map(Failure::code).contains(Failure.Code.INVALID_MODEL_OUTPUT);
    }
  }

  @Test
  void providerThrowsNonRetriable_failsAfterOneAttempt() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new ModelAuthenticationException("scripted", "HTTP 401: invalid API key", null)).build();
    StructuringResult r = structure(model);
    assertThat(r.failure().orElseThrow()).isEqualTo(new Failure(Failure.Code.MODEL_UNAVAILABLE,
        "The model 'scripted' failed: ModelAuthenticationException: HTTP 401: invalid API key"));
    assertThat(model.calls()).isEqualTo(1);
  }

  @Test
  void providerReturnsNull_failsInsteadOfThrowing() {
    StructuringResult r = structure(ScriptedModelProvider.builder().thenAnswer(req -> null).build());
    assertThat(r.failure().orElseThrow().code()).isEqualTo(Failure.Code.MODEL_UNAVAILABLE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullCalls")
  void nullArgument_throwsNpeNamingTheParameter(String call, ThrowingCallable callable, String parameter) {
    assertThatThrownBy(callable).isInstanceOf(NullPointerException.class).hasMessage(parameter);
  }

  static Stream<Arguments> nullCalls() {
    return Stream.of(
        Arguments.of("Transcript.parse(null)", (ThrowingCallable) () -> Transcript.parse(null), "text"),
        Arguments.of("Transcript.parse(text, null)",
            (ThrowingCallable) () -> Transcript.parse("x", null), "format"),
        Arguments.of("Transcript.of(null)", (ThrowingCallable) () -> Transcript.of(null), "turns"),
        Arguments.of("Encounter.tenantId(null)",
            (ThrowingCallable) () -> Encounter.builder().tenantId(null), "tenantId"),
        Arguments.of("Encounter.transcript(null)",
            (ThrowingCallable) () -> Encounter.builder().transcript(null), "transcript"),
        Arguments.of("Encounter.template(null)",
            (ThrowingCallable) () -> Encounter.builder().template(null), "template"),
        Arguments.of("NoteTemplate.builtIn(null)", (ThrowingCallable) () -> NoteTemplate.builtIn(null), "id"),
        Arguments.of("NoteStructurer.model(null)",
            (ThrowingCallable) () -> NoteStructurer.builder().model(null), "model"),
        Arguments.of("NoteStructurer.structure(null)", (ThrowingCallable) () -> NoteStructurer.builder()
            .model(new ExtractiveModelProvider()).build().structure(null), "encounter"),
        Arguments.of("ExtractiveModelProvider.generate(null)",
            (ThrowingCallable) () -> new ExtractiveModelProvider().generate(null), "request"),
        Arguments.of("ModelRequest.transcript(null)",
            (ThrowingCallable) () -> ModelRequest.builder().transcript(null), "transcript"));
  }
}
