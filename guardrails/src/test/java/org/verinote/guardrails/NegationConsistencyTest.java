package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.guard.GuardVerdict;

class NegationConsistencyTest {

  private final NegationConsistency layer = NegationConsistency.builder().build();

  @Test
  void findingNegatedInTranscript_butAssertedInNote_isFlagged() {
    GuardVerdict v = Fixtures.run(layer, "Reports shortness of breath.");
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("POLARITY_CONFLICT");
      assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript");
    });
  }

  @Test
  void findingAssertedInTranscript_butNegatedInNote_isFlagged() {
    GuardVerdict v = Fixtures.run(layer, "Denies chest pain.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
  }

  @Test
  void consistentPolarity_passes() {
    GuardVerdict v = Fixtures.run(layer, "Chest pain for two weeks. Denies shortness of breath and fever.");
    assertThat(v.findings()).isEmpty();
  }
}
