package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The suite's own contract, without data (the figures are in {@link PerturbationSuiteAciBenchTest}). */
class PerturbationSuiteTest {

  @Test
  void pooledSeeds_mustBeGivenAndDistinct() {
    assertThatIllegalArgumentException().isThrownBy(PerturbationSuite::withSeeds)
        .withMessageContaining("at least one seed");
    assertThatIllegalArgumentException().isThrownBy(() -> PerturbationSuite.withSeeds(5, 6, 5))
        .withMessageContaining("distinct");
    assertThat(PerturbationSuite.withSeeds(5, 6, 7, 8)).hasToString("PerturbationSuite[seeds=[5, 6, 7, 8], kinds=8]");
  }

  @Test
  void seedsAreCopied_soTheCallersArrayCannotChangeTheSuite() {
    long[] seeds = {5, 6};
    PerturbationSuite suite = PerturbationSuite.withSeeds(seeds);
    seeds[0] = 42;
    assertThat(suite).hasToString("PerturbationSuite[seeds=[5, 6], kinds=8]");
  }
}
