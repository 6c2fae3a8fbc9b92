package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The standard chain on a second corpus, MTS-Dialog (CC BY 4.0): short doctor–patient dialogues, each with the one
 * note section it documents (1,701 pairs). Its test set 1 is held out — no rule was read from it or selected on it
 * (docs/guides/guardrails.md). Unlike ACI-Bench, its dialogues were written afterwards to cover their note sections
 * and often leave items out ("melena, hematochezia" is "any problems with bowel or bladder?" — "no"), so the
 * unperturbed notes have more sentences nothing in the dialogue supports. Skips without the data; the assertions
 * pin today's figures as regression floors.
 */
class PerturbationSuiteMtsDialogTest {

  private static final long[] SEEDS = LongStream.rangeClosed(1, 10).toArray();

  @Test
  void standardChain_onHeldOutMtsDialogCases_meetsMeasuredFloors() {
    List<PerturbationSuite.Encounter> enc = MtsDialog.encounters("test1");
    PerturbationSuite.Report rep = PerturbationSuite.withSeeds(SEEDS).distinct().evaluate(Guardrails.standard(), enc);
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) {
      System.out.printf("  mts test1 %-22s n=%4d recall=%.3f%n", k, rep.cases().getOrDefault(k, 0), rep.recall(k));
    }
    System.out.printf("  mts test1 unsupported %d/%d (%.4f) gold findings %s%n", rep.goldUnsupported(),
        rep.goldSentences(), rep.goldUnsupportedRate(), rep.goldFindingsByLayer());
    assertThat(enc).hasSize(200);
    assertThat(rep.totalCases()).isGreaterThanOrEqualTo(500);
    assertThat(rep.cases().get(PerturbationSuite.Kind.FLIPPED_NEGATION)).isGreaterThanOrEqualTo(100);
    // 0.764 with the chain of session 15, 0.792 (84 of 106) after session 16's transcript readings, 0.802 (85)
    // after ADR 0035 follow-up 8
    assertThat(rep.recall(PerturbationSuite.Kind.FLIPPED_NEGATION)).isGreaterThanOrEqualTo(0.80);
    for (PerturbationSuite.Kind k : List.of(PerturbationSuite.Kind.FABRICATED_MEDICATION,
        PerturbationSuite.Kind.CHANGED_AGE, PerturbationSuite.Kind.INVENTED_CONTACT,
        PerturbationSuite.Kind.INSERTED_HEDGE, PerturbationSuite.Kind.REPEATED_PHRASE)) {
      assertThat(rep.recall(k)).as(k.name()).isGreaterThanOrEqualTo(0.99);
    }
    // doses and vitals are rare in these sections (16 and 17 cases): pinned together, every one caught since decades
    // and ordinals are read (a "vital" is a vital sign since then: 6 dates and scores left the 23 vital cases)
    int n = rep.cases().get(PerturbationSuite.Kind.CHANGED_DOSE) + rep.cases().get(PerturbationSuite.Kind.CHANGED_VITAL);
    int caught = rep.caught().getOrDefault(PerturbationSuite.Kind.CHANGED_DOSE, 0)
        + rep.caught().getOrDefault(PerturbationSuite.Kind.CHANGED_VITAL, 0);
    assertThat(caught).isEqualTo(n);
    // the dialogues leave note items out: about one sentence in eight is unsupported (ACI-Bench: 4.5 %)
    assertThat(rep.goldUnsupportedRate()).isLessThanOrEqualTo(0.13);
  }
}
