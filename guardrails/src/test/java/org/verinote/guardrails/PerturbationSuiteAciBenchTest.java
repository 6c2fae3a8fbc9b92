package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Transcript;

/**
 * The measured figures of docs/guides/guardrails.md: the standard chain over injected hallucinations in ACI-Bench
 * gold notes (train + valid + test1, 127 encounters; CC BY 4.0, Yim et al. 2023). Skips without the data. The
 * assertions pin today's figures as a regression floor; the targets are stated next to them in the guide.
 */
class PerturbationSuiteAciBenchTest {

  static List<PerturbationSuite.Encounter> goldEncounters() {
    List<PerturbationSuite.Encounter> enc = new ArrayList<>();
    for (AciBench.Row r : AciBench.allGold()) {
      enc.add(new PerturbationSuite.Encounter("aci-" + enc.size(), Transcript.parse(r.dialogue()),
          Guardrails.parseNote(r.note())));
    }
    return enc;
  }

  @Test
  void standardChain_onInjectedHallucinations_meetsMeasuredFloors() {
    PerturbationSuite.Report rep = PerturbationSuite.withSeed(42).evaluate(Guardrails.standard(), goldEncounters());
    System.out.println("perturbation report: " + rep);
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) {
      System.out.printf("  %-22s n=%3d recall=%.3f%n", k, rep.cases().getOrDefault(k, 0), rep.recall(k));
    }
    System.out.printf("  overall n=%d recall=%.3f gold-unsupported=%.4f%n", rep.totalCases(), rep.recall(),
        rep.goldUnsupportedRate());
    assertThat(rep.totalCases()).isGreaterThanOrEqualTo(500);
    assertThat(rep.goldUnsupportedRate()).isLessThanOrEqualTo(0.05);
    assertThat(rep.recall()).isGreaterThanOrEqualTo(0.98);
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) {
      // development seed: flipped negation 119/126 here (0.944; it was 120 while "no clubbing, strong pulses" was
      // read as denying the pulses, a misreading that caught one case), but 0.839 pooled over the test seeds 9–24 (next test)
      assertThat(rep.recall(k)).as(k.name())
          .isGreaterThanOrEqualTo(k == PerturbationSuite.Kind.FLIPPED_NEGATION ? 0.94 : 0.97);
    }
    // the negation layer's noise on the clean notes: at most 3 conflicts per note
    int encounters = goldEncounters().size();
    assertThat(rep.goldFindingsByLayer().getOrDefault(NegationConsistency.NAME, 0))
        .isLessThanOrEqualTo(3 * encounters);
  }

  /**
   * Seed 42 and seeds 1–4 are development seeds (their misses were read to find rules), seeds 5–8 validation (their
   * figures decided which changes were kept), seeds 9–24 test seeds, never read, one group of four added per round
   * (the guide quotes them pooled and by group). This test pins one group; the next fresh group is 25–28.
   */
  @Test
  void standardChain_onTestSeeds_meetsMeasuredFloors() {
    PerturbationSuite.Report rep = PerturbationSuite.withSeeds(13, 14, 15, 16)
        .evaluate(Guardrails.standard(), goldEncounters());
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) {
      System.out.printf("  test seeds %-22s n=%4d recall=%.3f%n", k, rep.cases().getOrDefault(k, 0), rep.recall(k));
      // flipped negation is below the 0.95 on these seeds (0.833, see the guide): the floor pins it
      assertThat(rep.recall(k)).as(k.name())
          .isGreaterThanOrEqualTo(k == PerturbationSuite.Kind.FLIPPED_NEGATION ? 0.83 : 0.97);
    }
    assertThat(rep.totalCases()).isGreaterThanOrEqualTo(2000);
    assertThat(rep.recall()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void pooledSeeds_areTheSeedsCasesInOrder() {
    List<PerturbationSuite.Encounter> enc = goldEncounters().subList(0, 5);
    List<PerturbationSuite.Case> pooled = new ArrayList<>(PerturbationSuite.withSeed(5).cases(enc));
    pooled.addAll(PerturbationSuite.withSeed(6).cases(enc));
    assertThat(PerturbationSuite.withSeeds(5, 6).cases(enc)).isEqualTo(pooled);
  }

  @Test
  void cases_withSameSeed_areIdentical() {
    List<PerturbationSuite.Encounter> enc = goldEncounters().subList(0, 10);
    assertThat(PerturbationSuite.withSeed(7).cases(enc)).isEqualTo(PerturbationSuite.withSeed(7).cases(enc));
    assertThat(PerturbationSuite.withSeed(7).cases(enc)).isNotEqualTo(PerturbationSuite.withSeed(8).cases(enc));
  }
}
