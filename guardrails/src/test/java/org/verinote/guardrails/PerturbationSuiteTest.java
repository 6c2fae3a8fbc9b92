package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verinote.core.Transcript;

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

  private static List<PerturbationSuite.Encounter> encounters() {
    Transcript t = Transcript.parse("[doctor] any fever or chills ?\n[patient] no , but i have a cough .\n"
        + "[doctor] you take lisinopril 10 mg daily . blood pressure is 120/80 . you are 54 years old .\n");
    String note = "HISTORY OF PRESENT ILLNESS\nThe patient is a 54-year-old male. He denies fever. He has no chills. "
        + "He reports a cough. He denies nausea.\n\nPLAN\nContinue lisinopril 10 mg daily. Blood pressure 120/80.";
    return List.of(new PerturbationSuite.Encounter("a", t, Guardrails.parseNote(note)),
        new PerturbationSuite.Encounter("b", t, Guardrails.parseNote(note.replace("54", "61"))));
  }

  private static Set<String> places(List<PerturbationSuite.Case> cases) {
    Set<String> out = new HashSet<>();
    for (PerturbationSuite.Case c : cases) {
      out.add(c.encounterId() + c.kind() + c.sectionKey() + c.changed() + c.perturbed().toJson());
    }
    return out;
  }

  @Test
  void excluding_leavesOutTheUsedSeedsCases_andCountsEachRemainingCaseOnce() {
    List<PerturbationSuite.Encounter> enc = encounters();
    List<PerturbationSuite.Case> pooled = PerturbationSuite.withSeeds(1, 2, 3, 4, 5, 6).cases(enc);
    List<PerturbationSuite.Case> heldOut = PerturbationSuite.withSeeds(1, 2, 3, 4, 5, 6).excluding(7, 8).cases(enc);
    Set<String> used = places(PerturbationSuite.withSeeds(7, 8).cases(enc));
    assertThat(places(heldOut)).doesNotContainAnyElementsOf(used).hasSize(heldOut.size());
    // nothing else is lost: every pooled case is either held out or one the excluded seeds draw
    Set<String> union = new HashSet<>(places(heldOut));
    union.addAll(used);
    assertThat(union).containsAll(places(pooled));
    // these notes have few places an error can go, so the pooled seeds repeat cases and the exclusion bites
    assertThat(heldOut.size()).isLessThan(pooled.size());
    assertThat(PerturbationSuite.withSeed(5).excluding(5).cases(enc)).isEmpty();
  }

  @Test
  void excluding_needsASeed_andShowsInToString() {
    assertThatIllegalArgumentException().isThrownBy(() -> PerturbationSuite.withSeed(5).excluding())
        .withMessageContaining("at least one seed");
    assertThat(PerturbationSuite.withSeeds(9, 10).excluding(1, 2, 1))
        .hasToString("PerturbationSuite[seeds=[9, 10], excluding=[1, 2], kinds=8]");
  }

  @Test
  void distinct_countsEachPooledCaseOnce_andLosesNone() {
    List<PerturbationSuite.Encounter> enc = encounters();
    List<PerturbationSuite.Case> pooled = PerturbationSuite.withSeeds(1, 2, 3, 4, 5, 6).cases(enc);
    List<PerturbationSuite.Case> distinct = PerturbationSuite.withSeeds(1, 2, 3, 4, 5, 6).distinct().cases(enc);
    assertThat(places(distinct)).hasSize(distinct.size()).isEqualTo(places(pooled));
    assertThat(distinct.size()).isLessThan(pooled.size());
    // the report counts the distinct cases
    PerturbationSuite.Report rep = PerturbationSuite.withSeeds(1, 2, 3, 4, 5, 6).distinct()
        .evaluate(Guardrails.standard(), enc);
    assertThat(rep.totalCases()).isEqualTo(distinct.size());
    assertThat(PerturbationSuite.withSeeds(9, 10).distinct())
        .hasToString("PerturbationSuite[seeds=[9, 10], distinct, kinds=8]");
    // an exclusion already counts each case once
    assertThat(PerturbationSuite.withSeeds(1, 2, 3).excluding(9).distinct().cases(enc))
        .hasSameSizeAs(PerturbationSuite.withSeeds(1, 2, 3).excluding(9).cases(enc));
  }

  @Test
  void only_drawsTheSameCasesOfTheGivenKinds_andNoOthers() {
    List<PerturbationSuite.Encounter> enc = encounters();
    List<PerturbationSuite.Case> all = PerturbationSuite.withSeeds(1, 2, 3).excluding(4).cases(enc);
    List<PerturbationSuite.Case> negations = PerturbationSuite.withSeeds(1, 2, 3).excluding(4)
        .only(PerturbationSuite.Kind.FLIPPED_NEGATION).cases(enc);
    assertThat(negations).isNotEmpty()
        .allMatch(c -> c.kind() == PerturbationSuite.Kind.FLIPPED_NEGATION)
        .isEqualTo(all.stream().filter(c -> c.kind() == PerturbationSuite.Kind.FLIPPED_NEGATION).toList());
    PerturbationSuite.Report rep = PerturbationSuite.withSeed(1)
        .only(PerturbationSuite.Kind.CHANGED_DOSE, PerturbationSuite.Kind.CHANGED_AGE)
        .evaluate(Guardrails.standard(), enc);
    assertThat(rep.cases()).containsOnlyKeys(PerturbationSuite.Kind.CHANGED_DOSE, PerturbationSuite.Kind.CHANGED_AGE);
    assertThat(PerturbationSuite.withSeeds(9, 10).distinct().only(PerturbationSuite.Kind.FLIPPED_NEGATION))
        .hasToString("PerturbationSuite[seeds=[9, 10], distinct, kinds=[FLIPPED_NEGATION]]");
    // the restriction is kept by the other derivations
    assertThat(PerturbationSuite.withSeed(1).only(PerturbationSuite.Kind.CHANGED_AGE).excluding(2).distinct())
        .hasToString("PerturbationSuite[seeds=[1], excluding=[2], kinds=[CHANGED_AGE]]");
  }

  @Test
  void changedVital_isDrawnOnlyFromVitals_notFromDatesScoresOrStrengths() {
    Transcript t = Transcript.parse("[doctor] how is the pain ?\n[patient] ten out of ten at night .\n");
    String notVitals = "HISTORY OF PRESENT ILLNESS\nLast dental exam was in 11/07. Pain is 10/10 at night. Bactrim "
        + "400/80 twice daily.";
    List<PerturbationSuite.Encounter> none = List.of(new PerturbationSuite.Encounter("d", t,
        Guardrails.parseNote(notVitals)));
    assertThat(PerturbationSuite.withSeeds(1, 2, 3, 4, 5).only(PerturbationSuite.Kind.CHANGED_VITAL).cases(none))
        .isEmpty();
    List<PerturbationSuite.Encounter> bp = List.of(new PerturbationSuite.Encounter("v", t,
        Guardrails.parseNote(notVitals + " Blood pressure 140/90.")));
    assertThat(PerturbationSuite.withSeeds(1, 2, 3, 4, 5).distinct().only(PerturbationSuite.Kind.CHANGED_VITAL)
        .cases(bp)).isNotEmpty().allSatisfy(c -> {
          String text = c.perturbed().sections().get(0).text();
          assertThat(text).contains("11/07", "10/10", "400/80").doesNotContain("140/90");
        });
  }

  @Test
  void mixingSeeds_reachesThePlacesTheDefaultDrawNeverDoes() {
    // two places to flip: java.util.Random's first choice between 2 changes only in long runs over nearby seeds,
    // and seeds 1-30 fall in one run for this encounter
    Transcript t = Transcript.parse("[doctor] any dizziness or nausea ?\n[patient] not anymore .\n");
    List<PerturbationSuite.Encounter> enc = List.of(new PerturbationSuite.Encounter("h", t,
        Guardrails.parseNote("HISTORY OF PRESENT ILLNESS\nShe is no longer dizzy. No longer nauseated.")));
    long[] seeds = java.util.stream.LongStream.rangeClosed(1, 30).toArray();
    PerturbationSuite plain = PerturbationSuite.withSeeds(seeds).only(PerturbationSuite.Kind.FLIPPED_NEGATION);
    assertThat(plain.distinct().cases(enc)).hasSize(1);
    List<PerturbationSuite.Case> mixed = plain.mixingSeeds().distinct().cases(enc);
    assertThat(mixed).hasSize(2);
    assertThat(plain.mixingSeeds().cases(enc)).isEqualTo(plain.mixingSeeds().cases(enc));
    // the places the default draw never reaches: held out from anyone who tuned on it
    List<PerturbationSuite.Case> fresh = plain.mixingSeeds().excluding(plain).cases(enc);
    assertThat(places(fresh)).hasSize(1).doesNotContainAnyElementsOf(places(plain.cases(enc)))
        .isSubsetOf(places(mixed));
    assertThat(PerturbationSuite.withSeeds(1, 2).mixingSeeds().excluding(PerturbationSuite.withSeed(3)))
        .hasToString("PerturbationSuite[seeds=[1, 2], mixed, excluding PerturbationSuite[seeds=[3], kinds=8], kinds=8]");
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> PerturbationSuite.withSeed(1)
        .excluding(PerturbationSuite.withSeed(2)).excluding(PerturbationSuite.withSeed(3)))
        .withMessageContaining("already excludes");
  }

  @Test
  void flippedNegation_readsAsANoteWould_stillForNoLonger_noAnyAfterAnAffirmation() {
    Transcript t = Transcript.parse("[doctor] any dizziness or nausea ?\n[patient] not anymore .\n");
    List<PerturbationSuite.Encounter> enc = List.of(new PerturbationSuite.Encounter("h", t,
        Guardrails.parseNote("HISTORY OF PRESENT ILLNESS\nShe is no longer dizzy. No longer nauseated.")));
    List<PerturbationSuite.Case> cases = PerturbationSuite.withSeeds(java.util.stream.LongStream.rangeClosed(1, 30)
        .toArray()).mixingSeeds().distinct().only(PerturbationSuite.Kind.FLIPPED_NEGATION).cases(enc);
    assertThat(cases).extracting(c -> c.perturbed().sections().get(0).text()).containsExactlyInAnyOrder(
        "She is still dizzy. No longer nauseated.", "She is no longer dizzy. Still nauseated.");
    // "denies any injury" flips to "reports injury", not to "reports any injury"
    List<PerturbationSuite.Encounter> any = List.of(new PerturbationSuite.Encounter("a", t,
        Guardrails.parseNote("HISTORY OF PRESENT ILLNESS\nHe denies any injury. He walks without any difficulty.")));
    assertThat(PerturbationSuite.withSeeds(java.util.stream.LongStream.rangeClosed(1, 30).toArray()).mixingSeeds()
        .distinct().only(PerturbationSuite.Kind.FLIPPED_NEGATION).cases(any))
        .extracting(c -> c.perturbed().sections().get(0).text()).containsExactlyInAnyOrder(
            "He reports injury. He walks without any difficulty.", "He denies any injury. He walks with difficulty.");
  }
}
