package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.guard.GuardVerdict;

class SourceFidelityTest {

  private final SourceFidelity layer = SourceFidelity.builder().build();

  @Test
  void supportedSentence_hasEvidenceInTheRightTurn() {
    FidelityReport r = layer.assess(Fixtures.transcript(),
        Fixtures.note("plan", "Increase lisinopril to 40 mg daily and obtain an EKG."));
    SentenceSupport s = r.sentences().get(0);
    assertThat(s.score()).isGreaterThan(0.8);
    assertThat(s.evidence()).extracting(e -> e.turnIndex()).contains(8);
    String turn = Fixtures.transcript().turns().get(8).text();
    assertThat(turn.substring(s.evidence().get(s.evidence().size() - 1).start())).contains("lisinopril");
  }

  @Test
  void abbreviations_meetTheirExpansions() {
    FidelityReport r = layer.assess(Fixtures.transcript(), Fixtures.note("plan", "BP 140/90, no SOB."));
    assertThat(r.sentences().get(0).score()).isEqualTo(1.0);
  }

  @Test
  void unsupportedSentence_andUnknownMedication_areFlagged() {
    GuardVerdict v = Fixtures.run(layer, "Chest pain for two weeks. Patient skis competitively in Norway and"
        + " takes metoprolol.");
    assertThat(v.findings()).extracting(f -> f.code()).containsExactly("UNSUPPORTED_SENTENCE",
        "MEDICATION_NOT_IN_TRANSCRIPT");
    assertThat(v.scores().get("fidelity")).isBetween(0.0, 0.9);
  }

  @Test
  void placeholders_areOpaque_notCountedAgainstSupport() {
    FidelityReport r = layer.assess(Fixtures.transcript(),
        Fixtures.note("plan", "[PATIENT_1] has chest pain for two weeks."));
    assertThat(r.unsupported()).isZero();
  }
}
