package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.guard.GuardrailChain;

/**
 * Injected hallucinations for measuring a guardrail chain: takes notes known to be grounded (e.g. ACI-Bench gold
 * notes) with their transcripts, injects one error per case — a {@link Kind kind} of hallucination — and reports
 * how many the chain catches. A case counts as caught when a finding of the perturbed note points at the
 * injected text (same section, overlapping span), or when the perturbed note gets a finding (layer, code,
 * section) that the unperturbed note did not have. Also reports how many sentences of the unperturbed notes
 * {@link SourceFidelity} flags as unsupported (the false-alarm rate).
 *
 * <p>The seed picks which sentence of each note gets the error. When a chain's rules are tuned by reading a seed's
 * misses, quote figures from cases that were never read — not merely other seeds, which draw many of the same
 * cases again, but other seeds {@link #excluding excluding} the tuning seeds' cases: with the built-in chain, seed
 * 42 (the development seed) gives 0.944 flipped-negation recall, the held-out cases of seeds 9–40 give 0.783
 * (docs/guides/guardrails.md). On a corpus nobody tuned on, count each pooled case once with {@link #distinct}.
 * The default draw never reaches some places (see {@link #mixingSeeds}); those are held out from everyone.
 *
 * <p>Deterministic: the same encounters, seed and chain give the same cases and report. Public so that any chain
 * — including one with custom layers — can be measured the same way (the {@code eval} module and the docs use it).
 * Immutable and thread-safe.
 */
public final class PerturbationSuite {

  /** The kinds of injected hallucination. */
  public enum Kind {
    /** A medication the transcript never mentions is added to the plan. */
    FABRICATED_MEDICATION,
    /** A dose value is changed. */
    CHANGED_DOSE,
    /** A vital-sign value is changed. */
    CHANGED_VITAL,
    /** The patient's age is changed. */
    CHANGED_AGE,
    /** A negated finding becomes affirmed, or an affirmed one negated. */
    FLIPPED_NEGATION,
    /** A phone number or e-mail address is added. */
    INVENTED_CONTACT,
    /** A model disclaimer or hedge is inserted. */
    INSERTED_HEDGE,
    /** A sentence is duplicated or a phrase repeated three times. */
    REPEATED_PHRASE
  }

  /**
   * A grounded note with its transcript.
   *
   * @param id an identifier for reports (no PHI)
   * @param transcript the transcript
   * @param note the note, assumed grounded
   */
  public record Encounter(String id, Transcript transcript, StructuredNote note) {
    /** Validates. */
    public Encounter {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(transcript, "transcript");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * One injected error.
   *
   * @param encounterId the encounter
   * @param kind the kind of error
   * @param sectionKey the section changed
   * @param changed the injected or changed characters within that section of the perturbed note
   * @param perturbed the note with the error
   */
  public record Case(String encounterId, Kind kind, String sectionKey, org.verinote.core.Span changed,
      StructuredNote perturbed) {}

  /**
   * What a chain caught.
   *
   * @param cases cases per kind
   * @param caught caught cases per kind
   * @param caughtByLayer for each kind, how many cases each layer caught (a case may be caught by several)
   * @param goldSentences sentences in the unperturbed notes
   * @param goldUnsupported of those, how many {@link SourceFidelity} flagged as unsupported
   * @param goldFindingsByLayer findings per layer on the unperturbed notes
   */
  public record Report(Map<Kind, Integer> cases, Map<Kind, Integer> caught, Map<Kind, Map<String, Integer>> caughtByLayer,
      int goldSentences, int goldUnsupported, Map<String, Integer> goldFindingsByLayer) {

    /** Copies. */
    public Report {
      cases = Map.copyOf(cases);
      caught = Map.copyOf(caught);
      caughtByLayer = Map.copyOf(caughtByLayer);
      goldFindingsByLayer = Map.copyOf(goldFindingsByLayer);
    }

    /** @return all cases */
    public int totalCases() {
      return cases.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return caught / cases over all kinds */
    public double recall() {
      int c = caught.values().stream().mapToInt(Integer::intValue).sum();
      return totalCases() == 0 ? 0.0 : c / (double) totalCases();
    }

    /**
     * @param kind a kind
     * @return caught / cases for that kind (0 if it has no case)
     */
    public double recall(Kind kind) {
      int n = cases.getOrDefault(kind, 0);
      return n == 0 ? 0.0 : caught.getOrDefault(kind, 0) / (double) n;
    }

    /** @return the share of unperturbed sentences flagged unsupported */
    public double goldUnsupportedRate() {
      return goldSentences == 0 ? 0.0 : goldUnsupported / (double) goldSentences;
    }
  }

  private final long[] seeds;
  /** Seeds whose cases are left out; empty for none. */
  private final long[] excluded;
  /** Whether a case the seeds draw more than once is counted once (always so with an exclusion). */
  private final boolean distinct;
  /** The kinds drawn. */
  private final java.util.Set<Kind> kinds;
  /** Whether each seed is mixed before it seeds the choices ({@link #mixingSeeds}). */
  private final boolean mixed;
  /** A suite whose cases are left out; null for none. */
  private final PerturbationSuite excludedSuite;

  private PerturbationSuite(long[] seeds) {
    this(seeds, new long[0], null, false, java.util.EnumSet.allOf(Kind.class), false);
  }

  private PerturbationSuite(long[] seeds, long[] excluded, PerturbationSuite excludedSuite, boolean distinct,
      java.util.Set<Kind> kinds, boolean mixed) {
    this.seeds = seeds;
    this.excluded = excluded;
    this.excludedSuite = excludedSuite;
    this.distinct = distinct || excluded.length > 0 || excludedSuite != null;
    this.kinds = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(kinds));
    this.mixed = mixed;
  }

  /**
   * A suite with a seed.
   *
   * @param seed the seed for every random choice
   * @return the suite
   */
  public static PerturbationSuite withSeed(long seed) {
    return new PerturbationSuite(new long[] {seed});
  }

  /**
   * A suite that pools several seeds: each seed puts the errors in other sentences of the same notes, and the
   * report counts the cases of all of them ({@link #withSeed} case lists, concatenated in the given order). Seeds
   * share cases, so for held-out figures pool many and exclude the tuning seeds:
   * {@code withSeeds(9, …, 40).excluding(42, 1, …, 8)}.
   *
   * @param seeds one or more distinct seeds
   * @return the suite
   * @throws IllegalArgumentException if no seed is given or one repeats
   */
  public static PerturbationSuite withSeeds(long... seeds) {
    if (seeds.length == 0) {
      throw new IllegalArgumentException("at least one seed is needed");
    }
    if (java.util.Arrays.stream(seeds).distinct().count() != seeds.length) {
      throw new IllegalArgumentException("seeds must be distinct, got " + java.util.Arrays.toString(seeds));
    }
    return new PerturbationSuite(seeds.clone());
  }

  /**
   * This suite's cases without any case one of {@code usedSeeds} also draws, and each remaining case once: the
   * held-out cases for a chain whose rules were read from, or selected on, those seeds. New seeds alone are not
   * held out: a seed only picks among the sentences a kind applies to, and many notes have just a few, so seeds
   * draw the very same cases again — on ACI-Bench 62–70 % of the flipped-negation cases of seeds 9–24 are cases of
   * seeds 42 and 1–4. Two cases are the same when encounter, kind, section, changed span and changed text are.
   *
   * @param usedSeeds the seeds the chain was developed or selected on, one or more
   * @return a suite with this suite's seeds and the exclusion
   * @throws IllegalArgumentException if no seed is given
   */
  public PerturbationSuite excluding(long... usedSeeds) {
    if (usedSeeds.length == 0) {
      throw new IllegalArgumentException("at least one seed to exclude is needed");
    }
    return new PerturbationSuite(seeds, java.util.Arrays.stream(usedSeeds).distinct().toArray(), excludedSuite, true,
        kinds, mixed);
  }

  /**
   * This suite's cases without any case {@code used} draws, each remaining case once: held-out cases when the
   * tuning cases came from another draw — {@code withSeeds(1, …, 300).mixingSeeds().excluding(withSeeds(1, …,
   * 300))} is the places no seed of the default draw reaches, cases nobody tuning on that draw can have read.
   *
   * @param used the suite whose cases were read or selected on
   * @return a suite with this suite's seeds, kinds and draw, without {@code used}'s cases
   * @throws IllegalStateException if this suite already excludes a suite
   */
  public PerturbationSuite excluding(PerturbationSuite used) {
    Objects.requireNonNull(used, "used");
    if (excludedSuite != null) {
      throw new IllegalStateException("this suite already excludes " + excludedSuite);
    }
    return new PerturbationSuite(seeds, excluded, used, true, kinds, mixed);
  }

  /**
   * This suite drawing with every seed mixed (SplitMix64's finaliser) before it seeds the choices. The default draw
   * seeds {@link Random} with {@code seed * 31 + …} directly, and {@code Random}'s first choice among a power of two
   * of places (it takes the top bits of its first output) changes only in long runs over such nearby seeds: with 2
   * places, runs of consecutive seeds pick the same one; with 4, about 3 encounters in 10 never get one of them;
   * with 8 or more, nearly all (ACI-Bench flipped negation: 802 distinct cases from seeds 1–300, 838 with mixing). The default stays as it is so that every figure published with it reproduces; mixing reaches the
   * places it misses. Each kind's cases are still independent of the others.
   *
   * @return a suite with this suite's seeds, exclusions, counting and kinds that mixes its seeds
   */
  public PerturbationSuite mixingSeeds() {
    return new PerturbationSuite(seeds, excluded, excludedSuite, distinct, kinds, true);
  }

  /**
   * This suite's cases, each once: pooled seeds draw many of the same cases again (see {@link #excluding}), which
   * a pooled report would count as often as they are drawn. Use it to measure a chain on a corpus its rules were
   * never tuned on, where no seed needs excluding: {@code withSeeds(1, …, 10).distinct()}.
   *
   * @return a suite with this suite's seeds and exclusion that counts each case once
   */
  public PerturbationSuite distinct() {
    return new PerturbationSuite(seeds, excluded, excludedSuite, true, kinds, mixed);
  }

  /**
   * This suite restricted to some kinds: the same cases of those kinds as the whole suite draws (each kind's
   * choices are random independently of the others), none of the other kinds. Use it when each case is expensive
   * to check — a chain with an {@link LlmJudge} makes one model call per case and per unperturbed note.
   *
   * @param first a kind to keep
   * @param more further kinds to keep
   * @return a suite with this suite's seeds, exclusion and counting that draws only the given kinds
   * @throws NullPointerException if a kind is null
   */
  public PerturbationSuite only(Kind first, Kind... more) {
    java.util.Set<Kind> k = java.util.EnumSet.of(Objects.requireNonNull(first, "first"), more);
    return new PerturbationSuite(seeds, excluded, excludedSuite, distinct, k, mixed);
  }

  /**
   * Generates the cases: one per kind per encounter where the kind applies (a note without a dose gets no
   * changed-dose case), for each seed; with {@link #excluding}, without the excluded seeds' (or suite's) cases and
   * each case once; with {@link #distinct}, each case once; with {@link #only}, only the given kinds.
   *
   * @param encounters grounded notes
   * @return the cases, by seed, then encounter, then kind
   */
  public List<Case> cases(List<Encounter> encounters) {
    List<Case> out = draw(seeds, kinds, mixed, encounters);
    if (!distinct) {
      return out;
    }
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Case c : draw(excluded, kinds, mixed, encounters)) {
      used.add(identity(c));
    }
    if (excludedSuite != null) {
      for (Case c : excludedSuite.cases(encounters)) {
        used.add(identity(c));
      }
    }
    java.util.Set<String> kept = new java.util.HashSet<>();
    out.removeIf(c -> {
      String id = identity(c);
      return used.contains(id) || !kept.add(id);
    });
    return out;
  }

  /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** What makes two cases the same error: where it is and what it says. */
  private static String identity(Case c) {
    String text = "";
    for (NoteSection s : c.perturbed().sections()) {
      if (s.key().equals(c.sectionKey())) {
        text = s.text().substring(c.changed().start(), Math.min(s.text().length(), c.changed().end()));
      }
    }
    return c.encounterId() + '\u0000' + c.kind() + '\u0000' + c.sectionKey() + '\u0000' + c.changed().start()
        + '\u0000' + c.changed().end() + '\u0000' + text;
  }

  private static List<Case> draw(long[] seeds, java.util.Set<Kind> kinds, boolean mixed,
      List<Encounter> encounters) {
    List<Case> out = new ArrayList<>();
    for (long seed : seeds) {
      for (Encounter e : encounters) {
        for (Kind k : kinds) {
          long s = seed * 31 + e.id().hashCode() * 17L + k.ordinal();
          Random rnd = new Random(mixed ? mix(s) : s);
          Perturber.perturb(k, e, rnd).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * Runs the chain over every unperturbed note and every case.
   *
   * @param chain the chain to measure
   * @param encounters grounded notes
   * @return the report
   */
  public Report evaluate(GuardrailChain chain, List<Encounter> encounters) {
    Map<String, Map<String, Integer>> baseline = new HashMap<>();
    Map<String, Encounter> byId = new HashMap<>();
    int sentences = 0;
    int unsupported = 0;
    Map<String, Integer> goldByLayer = new TreeMap<>();
    for (Encounter e : encounters) {
      byId.put(e.id(), e);
      ChainResult r = Guardrails.audit(chain, e.transcript(), e.note()).chain();
      baseline.put(e.id(), counts(r));
      for (Finding f : r.findings()) {
        goldByLayer.merge(f.layer(), 1, Integer::sum);
        if (f.code().equals("UNSUPPORTED_SENTENCE")) {
          unsupported++;
        }
      }
      for (NoteSection s : e.note().sections()) {
        sentences += Sentences.split(s.text()).size();
      }
    }
    Map<Kind, Integer> cases = new EnumMap<>(Kind.class);
    Map<Kind, Integer> caught = new EnumMap<>(Kind.class);
    Map<Kind, Map<String, Integer>> byLayer = new EnumMap<>(Kind.class);
    for (Case c : cases(encounters)) {
      cases.merge(c.kind(), 1, Integer::sum);
      Encounter e = byId.get(c.encounterId());
      ChainResult r = Guardrails.audit(chain, e.transcript(), c.perturbed()).chain();
      Map<String, Integer> now = counts(r);
      Map<String, Integer> before = baseline.get(c.encounterId());
      java.util.Set<String> layers = new java.util.TreeSet<>();
      for (Finding f : r.findings()) {
        if (c.sectionKey().equals(f.sectionKey()) && f.location() != null
            && f.location().start() < c.changed().end() && c.changed().start() < f.location().end()) {
          layers.add(f.layer());
        }
      }
      for (Map.Entry<String, Integer> en : now.entrySet()) {
        if (en.getValue() > before.getOrDefault(en.getKey(), 0)) {
          layers.add(en.getKey().substring(0, en.getKey().indexOf('|')));
        }
      }
      if (!layers.isEmpty()) {
        caught.merge(c.kind(), 1, Integer::sum);
        Map<String, Integer> m = byLayer.computeIfAbsent(c.kind(), k -> new TreeMap<>());
        layers.forEach(l -> m.merge(l, 1, Integer::sum));
      }
    }
    return new Report(cases, caught, byLayer, sentences, unsupported, goldByLayer);
  }

  private static Map<String, Integer> counts(ChainResult r) {
    Map<String, Integer> m = new HashMap<>();
    for (Finding f : r.findings()) {
      if (!f.code().equals("LAYER_FAILED")) {
        m.merge(f.layer() + "|" + f.code() + "|" + f.sectionKey(), 1, Integer::sum);
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return "PerturbationSuite[seeds=" + java.util.Arrays.toString(seeds)
        + (mixed ? ", mixed" : "")
        + (excluded.length == 0 ? "" : ", excluding=" + java.util.Arrays.toString(excluded))
        + (excludedSuite == null ? "" : ", excluding " + excludedSuite)
        + (distinct && excluded.length == 0 && excludedSuite == null ? ", distinct" : "")
        + (kinds.size() == Kind.values().length ? ", kinds=" + kinds.size() : ", kinds=" + kinds) + "]";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
