package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.verinote.core.guard.GuardVerdict;

class HedgeStrippingPropertyTest {

  private static final String[] HEDGES = {"Please note that ", "As an AI language model, ",
      "It is important to note that "};
  private static final String[] FACTS = {"lisinopril was increased to %d mg daily.", "blood pressure was %d/90.",
      "chest pain for %d weeks."};

  @Property(tries = 200)
  void hedgeStripping_neverLosesANumberOrDrug(@ForAll @IntRange(min = 0, max = 2) int h,
      @ForAll @IntRange(min = 0, max = 2) int f, @ForAll @IntRange(min = 1, max = 999) int n) {
    String fact = String.format(java.util.Locale.ROOT, FACTS[f], n);
    GuardVerdict v = Fixtures.run(HedgeStripping.builder().build(), HEDGES[h] + fact);
    String out = Fixtures.textOf(v);
    assertThat(out).containsIgnoringCase(fact.substring(0, fact.indexOf(' '))).contains(Integer.toString(n));
    assertThat(out.toLowerCase(java.util.Locale.ROOT)).doesNotContain("note that").doesNotContain("as an ai");
  }
}
