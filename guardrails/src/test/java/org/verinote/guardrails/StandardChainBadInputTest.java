package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.verinote.core.InvalidInputException;
import org.verinote.core.Severity;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.guard.GuardrailChain;

class StandardChainBadInputTest {

  private static AuditResult audit(String note) {
    return Guardrails.audit(Guardrails.standard(), Fixtures.transcript(), Fixtures.note("plan", note));
  }

  @Test
  void emptyNoteText_isRejectedWithClearMessage() {
    assertThatThrownBy(() -> Guardrails.parseNote("  \n "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Note is empty: expected note text, found 4 whitespace characters.");
  }

  @Test
  void emptySection_passesWithNoSentences() {
    AuditResult a = audit("");
    assertThat(a.chain().outcome()).isEqualTo(ChainResult.Outcome.PASSED);
    assertThat(a.sentences()).isZero();
    assertThat(a.unsupported()).isZero();
  }

  @Test
  void noteWithNoSentences_onlyPunctuation_passes() {
    AuditResult a = audit("... — ; !!");
    assertThat(a.chain().findings()).isEmpty();
  }

  @Test
  void oneMegabyteNote_isAuditedWithoutFailure() {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 1_000_000) {
      sb.append("Chest pain for two weeks. Blood pressure 140/90. ");
    }
    AuditResult a = audit(sb.toString());
    assertThat(a.chain().findings()).isEmpty();
    assertThat(a.chain().rewrittenBy()).isEmpty();
    assertThat(a.sentences()).isGreaterThan(40_000);
    assertThat(a.unsupported()).isZero();
  }

  @Test
  void unicodePunctuation_splitsSentencesAndKeepsSpansInBounds() {
    String note = "Chest pain\u2026 Denies fever\uff01 Lisinopril 80\u00a0mg \u201cdaily\u201d\u3002";
    AuditResult a = audit(note);
    assertThat(a.chain().findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("NUMBER_NOT_IN_TRANSCRIPT"));
    a.chain().findings().forEach(f -> assertThat(f.location().end()).isLessThanOrEqualTo(note.length()));
  }

  @Test
  void jsonFragmentSection_isFlattenedBeforeChecks() {
    AuditResult a = audit("{\"plan\": [\"increase lisinopril to 40 mg\", \"ekg\"]}");
    assertThat(a.chain().rewrittenBy()).containsExactly(ValueFlattening.NAME);
    assertThat(a.chain().note().sections().get(0).text()).isEqualTo("Plan: increase lisinopril to 40 mg; ekg.");
    assertThat(a.chain().findings()).noneMatch(f -> f.severity() == Severity.ERROR);
  }

  @Test
  void transcriptInAnotherLanguage_flagsEnglishNoteAsUnsupported_withoutFailing() {
    Transcript t = Transcript.parse("[doctor] ¿qué le pasa hoy?\n[patient] tengo dolor de pecho desde hace dos"
        + " semanas.\n[doctor] vamos a aumentar el lisinopril a cuarenta miligramos.");
    AuditResult a = Guardrails.audit(Guardrails.standard(), t,
        Fixtures.note("plan", "Chest pain for two weeks, lisinopril increased to 40 mg daily."));
    assertThat(a.chain().findings()).extracting(f -> f.code()).contains("UNSUPPORTED_SENTENCE",
        "NUMBER_NOT_IN_TRANSCRIPT");
    assertThat(a.unsupported()).isEqualTo(1.0);
  }

  private static final Guardrail THROWING = new Guardrail() {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public GuardVerdict check(org.verinote.core.guard.GuardContext context) {
      throw new IllegalStateException("boom with clinical text");
    }
  };

  @Test
  void throwingLayer_isReportedAndChainContinues_byDefault() {
    GuardrailChain chain = Guardrails.addStandardLayers(GuardrailChain.builder()).add(THROWING).build();
    AuditResult a = Guardrails.audit(chain, Fixtures.transcript(), Fixtures.note("plan", "Lisinopril 80 mg."));
    assertThat(a.chain().outcome()).isEqualTo(ChainResult.Outcome.FLAGGED);
    assertThat(a.chain().findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("LAYER_FAILED");
      assertThat(f.message()).isEqualTo("Guardrail layer 'broken' failed with IllegalStateException; its checks"
          + " did not run.");
    });
  }

  @Test
  void throwingLayer_failsClosed_whenConfigured() {
    GuardrailChain chain = GuardrailChain.builder().add(THROWING).add(SourceFidelity.builder().build())
        .onLayerFailure(GuardrailChain.LayerFailurePolicy.FAIL_CLOSED).build();
    AuditResult a = Guardrails.audit(chain, Fixtures.transcript(), Fixtures.note("plan", "Chest pain."));
    assertThat(a.chain().outcome()).isEqualTo(ChainResult.Outcome.BLOCKED);
    assertThat(a.chain().layerTimings()).containsOnlyKeys("broken");
  }

  @Test
  void jsonNoteWithDuplicateTitles_isAudited() {
    StructuredNote n = Guardrails.parseNote("{\"template\":\"x\",\"sections\":[{\"key\":\"a\",\"title\":\"Plan\","
        + "\"text\":\"Chest pain.\"},{\"key\":\"b\",\"title\":\"Plan\",\"text\":\"Lisinopril 80 mg.\"}]}");
    AuditResult a = Guardrails.audit(Guardrails.standard(), Fixtures.transcript(), n);
    assertThat(a.chain().findings()).extracting(f -> f.sectionKey()).contains("b");
  }

  @Test
  void parseNote_readsAciBenchHeadings() {
    StructuredNote n = Guardrails.parseNote("CHIEF COMPLAINT\n\nChest pain.\n\nASSESSMENT AND PLAN\n\nEKG.");
    assertThat(n.sections()).extracting(s -> s.key()).containsExactly("chief_complaint", "assessment_and_plan");
    assertThat(n.sections().get(1).text()).isEqualTo("EKG.");
  }

  @Test
  void standardChain_hasDocumentedOrder() {
    assertThat(Guardrails.standard().inputLayers()).extracting(l -> l.name()).containsExactly(PromptFraming.NAME);
    assertThat(Guardrails.standard().outputLayers()).extracting(l -> l.name()).containsExactly(
        ValueFlattening.NAME, HedgeStripping.NAME, RepetitionRemoval.NAME, VerifyTags.NAME, PatternCheck.NAME,
        NumericGrounding.NAME, NegationConsistency.NAME, SourceFidelity.NAME);
  }
}
