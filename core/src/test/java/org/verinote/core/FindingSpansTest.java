package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.testkit.ScriptedModelProvider;

class FindingSpansTest {

  /** Flags the word "ibuprofen" wherever it is, with a span into the (de-identified) section text it sees. */
  private static final Guardrail FLAG_IBUPROFEN = new Guardrail() {
    @Override
    public String name() {
      return "flag-ibuprofen";
    }

    @Override
    public GuardVerdict check(GuardContext context) {
      String text = context.note().section("subjective").orElseThrow().text();
      int at = text.indexOf("ibuprofen");
      return new GuardVerdict.Flag(List.of(Finding.of(name(), "TEST", Severity.WARNING, "drug mentioned")
          .at("subjective", new Span(at, at + "ibuprofen".length()))), Map.of());
    }
  };

  @Test
  void structure_findingAfterARestoredName_spanPointsAtTheSameWordInTheRestoredNote() {
    Encounter encounter = Encounter.builder().tenantId("t").encounterId("e1")
        .transcript(Transcript.parse("[doctor] hello Bartholomew Featherstonehaugh .\n[patient] i take ibuprofen ."))
        .patientContext(PatientContext.builder().givenName("Bartholomew").familyName("Featherstonehaugh").build())
        .build();
    // The model echoes the de-identified name token it was given, then the drug.
    ScriptedModelProvider model = ScriptedModelProvider.builder().thenAnswer(request -> {
      String prompt = request.messages().get(1).content();
      int open = prompt.indexOf("hello ") + "hello ".length();
      String token = prompt.substring(open, prompt.indexOf(" .", open));
      return org.verinote.core.model.ModelResponse.of(
          "{\"subjective\": \"" + token + " takes ibuprofen.\"}", new org.verinote.core.model.ModelInfo("scripted",
              "1", new org.verinote.core.model.ModelCapabilities(true, 8192, false,
                  org.verinote.core.model.PromptProfile.LARGE_HOSTED)));
    }).build();
    StructuringResult result = NoteStructurer.builder().model(model)
        .guardrails(GuardrailChain.builder().add(FLAG_IBUPROFEN).build()).build().structure(encounter);

    String restored = result.note().orElseThrow().section("subjective").orElseThrow().text();
    assertThat(restored).isEqualTo("Bartholomew Featherstonehaugh takes ibuprofen.");
    Span span = result.findings().stream().filter(f -> f.code().equals("TEST")).findFirst().orElseThrow()
        .span().orElseThrow();
    assertThat(restored.substring(span.start(), span.end())).isEqualTo("ibuprofen");
  }
}
