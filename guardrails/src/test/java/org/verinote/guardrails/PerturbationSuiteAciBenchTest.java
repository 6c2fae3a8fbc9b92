package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
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
      // read as denying the pulses, a misreading that caught one case), but 0.765 on held-out cases (next test)
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
   * figures decided which changes were kept). New seeds are not held out by themselves — they re-draw most of the
   * same cases — so the held-out figure is seeds 9–40 without any case seeds 42 and 1–8 draw, each case once. Its
   * misses were never read; the next rounds' held-out pool is seeds 41 and up, excluding 1–40 and 42.
   */
  @Test
  void standardChain_onHeldOutCases_meetsMeasuredFloors() {
    PerturbationSuite.Report rep = PerturbationSuite.withSeeds(LongStream.rangeClosed(9, 40).toArray())
        .excluding(42, 1, 2, 3, 4, 5, 6, 7, 8).evaluate(Guardrails.standard(), goldEncounters());
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) {
      System.out.printf("  held out %-22s n=%4d recall=%.3f%n", k, rep.cases().getOrDefault(k, 0), rep.recall(k));
    }
    // below the 0.95 on held-out cases, measured (see the guide): flipped negation 0.796 (226 cases; 0.765
    // before the lay words of session 15 and 0.783 before the modifiers of session 18, both read from MTS-Dialog,
    // not from these); the floor pins it.
    // Every other kind meets it (changed dose 0.972, 281 cases; the rest ≥ 0.99)
    assertThat(rep.recall(PerturbationSuite.Kind.FLIPPED_NEGATION)).isGreaterThanOrEqualTo(0.79);
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) {
      if (k != PerturbationSuite.Kind.FLIPPED_NEGATION) {
        assertThat(rep.recall(k)).as(k.name()).isGreaterThanOrEqualTo(k == PerturbationSuite.Kind.CHANGED_DOSE ? 0.97
            : 0.99);
      }
    }
    assertThat(rep.cases().get(PerturbationSuite.Kind.FLIPPED_NEGATION)).isGreaterThanOrEqualTo(200);
    assertThat(rep.recall()).isGreaterThanOrEqualTo(0.98);
  }

  /**
   * The places no seed of the default draw reaches (see {@link PerturbationSuite#mixingSeeds}): every seed any
   * round tuned on (42, 1–72, 100–299) is in 1–300, so nobody can have read these cases. Run once, at the end of
   * session 16; the floors pin that run.
   */
  @Test
  void standardChain_onPlacesNoDefaultSeedReaches_meetsMeasuredFloors() {
    long[] seeds = LongStream.rangeClosed(1, 300).toArray();
    PerturbationSuite.Kind[] kinds = {PerturbationSuite.Kind.CHANGED_DOSE, PerturbationSuite.Kind.CHANGED_VITAL,
        PerturbationSuite.Kind.CHANGED_AGE};
    PerturbationSuite fresh = PerturbationSuite.withSeeds(seeds).mixingSeeds()
        .only(PerturbationSuite.Kind.FLIPPED_NEGATION, kinds)
        .excluding(PerturbationSuite.withSeeds(seeds).only(PerturbationSuite.Kind.FLIPPED_NEGATION, kinds));
    PerturbationSuite.Report rep = fresh.evaluate(Guardrails.standard(), goldEncounters());
    for (PerturbationSuite.Kind k : rep.cases().keySet()) {
      System.out.printf("  never drawn %-22s n=%4d recall=%.3f%n", k, rep.cases().get(k), rep.recall(k));
    }
    // flipped negation 30 of 36 (0.833; 29 before ADR 0035 follow-up 9), changed dose 15 of 16; vitals and ages
    // have no such place
    assertThat(rep.cases()).containsEntry(PerturbationSuite.Kind.FLIPPED_NEGATION, 36)
        .containsEntry(PerturbationSuite.Kind.CHANGED_DOSE, 16);
    assertThat(rep.recall(PerturbationSuite.Kind.FLIPPED_NEGATION)).isGreaterThanOrEqualTo(0.83);
    assertThat(rep.recall(PerturbationSuite.Kind.CHANGED_DOSE)).isGreaterThanOrEqualTo(0.93);
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
