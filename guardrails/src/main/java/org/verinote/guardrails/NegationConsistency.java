package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Negation and polarity consistency (ConText-style). Every clinical phrase of the note gets an assertion status
 * from the cues around it ({@link Polarity}) — negated ("denies", "no", "not", "without", "negative for", "free of",
 * "resolved"), about someone else ("family history", "mother", "father"…, itself affirmed or negated), or
 * affirmed. The same phrase's mentions in the transcript get a status too; a clinician's question takes the status
 * of the answer that follows ("any chest pain?" — "no" is a negated mention; "so no issues with it?" — "none"
 * confirms the negation; an unclear answer is no evidence). What the transcript states outright outweighs what is
 * inferred from answers: if any mention is a statement, only statements count. A phrase affirmed in the note whose
 * counted transcript mentions are all negated, or negated in the note whose counted mentions are all affirmed, is a
 * {@code POLARITY_CONFLICT} finding with the phrase's span. Phrases about someone else are compared only with
 * mentions about someone else ("family history of breast cancer" against "any family history of breast cancer?"
 * — "none"); phrases the transcript never mentions with a clear status are not judged.
 *
 * <p>Immutable and thread-safe; time linear in note length times mentions per phrase.
 */
public final class NegationConsistency implements Guardrail {

  /** The layer name. */
  public static final String NAME = "negation-consistency";

  /** Words that are never the finding itself: verbs of observation, time, laterality, quantity. */
  private static final Set<String> NOT_FINDINGS = norms("appreciated appreciate detected detect normal abnormal"
      + " changes change monitored monitor needed need noted seen found present known other significant recent"
      + " last year years week weeks month months day days time times lower upper left right use start want"
      + " interested sign signs evidence acute chronic mild moderate severe small large new old level levels"
      + " breath breaths minute minutes beat beats per room air reading readings test tests result results"
      + " side sides area areas sure able ability well stable improved able type history episode episodes"
      + " lot bit little much many few more less good bad better worse really pretty kind"
      // who a finding is about is not the finding ("no family history of colon cancer")
      + " family mother father mom dad sister brother grandmother grandfather aunt uncle son daughter wife"
      + " husband cousin parent parents sibling siblings"
      + " symptom symptoms experienced experience past prior younger older worst outside inside usually purpose"
      + " primary follow procedure"
      // time, opinion and counselling: the frame of a claim, not a finding
      + " ago seem seems think thinks thought advise advised i'm i've necessary unfortunately fortunately"
      + " additionally");

  /**
   * Body sites: where a finding is, not the finding. A phrase made only of them ("in the legs", "left foot") is
   * not judged; with a finding ("leg swelling", "chest pain") they keep the phrase specific.
   */
  private static final Set<String> ANATOMY = norms("leg legs foot feet ankle ankles arm arms hand hands palm palms"
      + " finger fingers toe toes knee knees elbow elbows shoulder shoulders wrist wrists hip hips back neck head"
      + " face chest abdomen belly stomach joint joints extremity extremities lower upper midline side skin eye"
      + " eyes ear ears thigh calf shin heel spine");

  private static Set<String> norms(String words) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : words.split(" ")) {
      out.add(Tokenizer.normalizeWord(w));
    }
    return Set.copyOf(out);
  }

  private final int maxPhraseTerms;
  private final int minMentions;
  private final Severity severity;

  private NegationConsistency(Builder b) {
    this.severity = b.severity;
    this.maxPhraseTerms = b.maxPhraseTerms;
    this.minMentions = b.minMentions;
  }

  /** @return a builder (defaults: phrases up to 2 terms, 1 clear transcript mention needed) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    TranscriptIndex idx = TranscriptIndex.of(context.transcript());
    List<Finding> findings = new ArrayList<>();
    for (SectionText s : SectionText.of(context.note())) {
      byte[] pol = Polarity.ofWritten(s.toks);
      for (int si = 0; si < s.sentences.size(); si++) {
        List<Terms.Term> terms = Terms.of(s.toks, s.tokFrom[si], s.tokTo[si], false);
        for (List<Terms.Term> phrase : phrases(s, terms)) {
          if (onlyAnatomy(phrase) && !problemFramed(s.toks, phrase.get(0).tok())) {
            // a site alone is where, not what — unless the note says it has problems ("issues with his joints")
            continue;
          }
          // the finding carries the status, not its site: "lower extremities have no edema" negates the edema
          byte status = pol[phrase.get(focus(phrase)).tok()];
          boolean other = Polarity.isOther(status);
          byte notePol = status == Polarity.AFFIRMED || status == Polarity.OTHER ? Polarity.AFFIRMED
              : status == Polarity.NEGATED || status == Polarity.OTHER_NEGATED ? Polarity.NEGATED : Polarity.UNKNOWN;
          if (notePol == Polarity.UNKNOWN || (notePol == Polarity.NEGATED && degreeQualified(s, phrase))) {
            continue;
          }
          boolean coordinated = coordinated(s, phrase);
          List<Mention> ms = evidence(idx, phrase, other, coordinated);
          if (ms.isEmpty()) {
            // the transcript never says the note's word: try the lay word for it ("relief" is said "it helped")
            for (List<Terms.Term> lay : layVariants(idx, phrase)) {
              ms.addAll(evidence(idx, lay, other, coordinated));
            }
          }
          if (problemFramed(s.toks, phrase.get(0).tok())) {
            // "denies issues with the migraines" is about problems with them: only mentions framed alike count
            ms.removeIf(m -> !problemFramed(idx.toks.get(m.turn()), m.firstTok()));
          }
          List<Mention> counted = decisive(ms);
          if (countOf(counted, Polarity.AFFIRMED) > 0 && countOf(counted, Polarity.NEGATED) > 0) {
            // the transcript says both: the mentions sharing most of the note clause's other terms decide
            counted = closestInContext(idx, counted, clauseContext(s, si, phrase));
          }
          int aff = countOf(counted, Polarity.AFFIRMED);
          int neg = countOf(counted, Polarity.NEGATED);
          boolean conflict = notePol == Polarity.AFFIRMED ? neg >= minMentions && aff == 0
              : aff >= minMentions && neg == 0;
          if (conflict) {
            Set<Integer> turns = new TreeSet<>();
            for (Mention m : counted) {
              turns.add(idx.turns.get(m.turn()).index());
            }
            Tok first = s.toks.get(phrase.get(0).tok());
            Tok last = s.toks.get(phrase.get(phrase.size() - 1).endTok() - 1);
            findings.add(Finding.of(NAME, "POLARITY_CONFLICT", severity,
                (notePol == Polarity.AFFIRMED ? "Asserted in the note but negated in the transcript"
                    : "Negated in the note but asserted in the transcript") + " (turns " + turns + ").")
                .at(s.key, new Span(first.start(), last.end())));
          }
        }
      }
    }
    return GuardVerdict.flag(findings);
  }

  /** Words joining two findings of a list ("numbness or tingling"). */
  private static final Set<String> COORDINATORS = Set.of("or", "and", "nor");

  /** Whether the phrase's terms are joined by a coordinator: a list of findings, not one compound finding. */
  private static boolean coordinated(SectionText s, List<Terms.Term> phrase) {
    for (int j = 1; j < phrase.size(); j++) {
      for (int k = phrase.get(j - 1).endTok(); k < phrase.get(j).tok(); k++) {
        if (COORDINATORS.contains(s.toks.get(k).raw().toLowerCase(java.util.Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs of adjacent clinical terms (no punctuation between, at most one skipped word), cut to the max length. */
  private List<List<Terms.Term>> phrases(SectionText s, List<Terms.Term> terms) {
    List<List<Terms.Term>> out = new ArrayList<>();
    List<Terms.Term> cur = new ArrayList<>();
    Terms.Term prev = null;
    for (Terms.Term t : terms) {
      if (!isFinding(t)) {
        flush(cur, out);
        prev = null;
        continue;
      }
      boolean adjacent = prev != null && t.tok() - prev.endTok() <= 1 && t.tok() >= prev.endTok()
          && (t.tok() == prev.endTok() || s.toks.get(prev.endTok()).isWord());
      if (!adjacent || cur.size() >= maxPhraseTerms) {
        flush(cur, out);
      }
      if (prev == null || t.tok() != prev.tok()) {
        cur.add(t);
      }
      prev = t;
    }
    flush(cur, out);
    return out;
  }

  /** Degree words: "without significant relief" denies only a degree, which "it helped a little" is not against. */
  private static final Set<String> DEGREE = Set.of("significant", "significantly", "much", "complete", "completely",
      "full", "fully", "total", "totally", "adequate", "major", "great");

  /** Whether a degree word stands right before the phrase ("no significant relief", "not much pain"). */
  private static boolean degreeQualified(SectionText s, List<Terms.Term> phrase) {
    int first = phrase.get(0).tok();
    for (int k = first - 1; k >= 0 && k >= first - 2; k--) {
      Tok t = s.toks.get(k);
      if (t.kind() == Tok.Kind.PUNCT) {
        return false;
      }
      if (DEGREE.contains(t.raw().toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean onlyAnatomy(List<Terms.Term> phrase) {
    for (Terms.Term t : phrase) {
      if (!ANATOMY.contains(t.text())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a term can name a finding: not a number, placeholder, short word or observation boilerplate. */
  static boolean isFinding(Terms.Term t) {
    return !t.isNumber() && !t.text().startsWith("[") && t.text().length() >= 3 && !NOT_FINDINGS.contains(t.text());
  }

  private static void flush(List<Terms.Term> cur, List<List<Terms.Term>> out) {
    if (!cur.isEmpty()) {
      out.add(List.copyOf(cur));
      cur.clear();
    }
  }

  /**
   * One transcript mention of a phrase with a clear status.
   *
   * @param turn the turn index
   * @param term the index of the phrase's focus term among the turn's terms
   * @param firstTok the token where the mention of the phrase starts
   * @param polarity {@link Polarity#AFFIRMED} or {@link Polarity#NEGATED}
   * @param asked whether the status comes from the answer to a question
   */
  private record Mention(int turn, int term, int firstTok, byte polarity, boolean asked) {}

  /** Words that frame a finding as a problem with something ("issues with the migraines", "problems sleeping"). */
  private static final Set<String> PROBLEM_WORDS = Set.of("issue", "issues", "problem", "problems", "trouble",
      "troubles", "difficulty", "difficulties");
  private static final Set<String> FRAME_GLUE = Set.of("with", "of", "in", "the", "my", "your", "his", "her",
      "their", "any", "a", "an");

  /** Whether the words right before token {@code at} frame it as a problem ("no issues with the [migraines]"). */
  static boolean problemFramed(List<Tok> toks, int at) {
    for (int k = at - 1; k >= 0 && k >= at - 4; k--) {
      String w = toks.get(k).raw().toLowerCase(java.util.Locale.ROOT);
      if (PROBLEM_WORDS.contains(w)) {
        return true;
      }
      if (!FRAME_GLUE.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /**
   * The phrase's clear transcript mentions; when the phrase as a whole is not in the transcript, those of its
   * longest term that is not a body site ("numbness in the hand" falls back to "numbness", not "hand").
   */
  private static List<Mention> evidence(TranscriptIndex idx, List<Terms.Term> phrase, boolean other,
      boolean coordinated) {
    List<Mention> out = new ArrayList<>();
    mentions(idx, phrase, other, out);
    if (out.isEmpty() && phrase.size() > 1) {
      Terms.Term head = null;
      for (Terms.Term t : phrase) {
        if (coordinated && !idx.mentions(t.text())) {
          // "numbness or tingling" lists two findings: one the transcript never says is no evidence
          continue;
        }
        if (!ANATOMY.contains(t.text()) && (head == null || t.text().length() > head.text().length())) {
          head = t;
        }
      }
      if (head != null) {
        mentions(idx, List.of(head), other, out);
      }
    }
    return out;
  }

  /** What the transcript states outright outweighs what is inferred from answers: statements if any, else all. */
  private static List<Mention> decisive(List<Mention> ms) {
    List<Mention> stated = new ArrayList<>();
    for (Mention m : ms) {
      if (!m.asked()) {
        stated.add(m);
      }
    }
    return stated.isEmpty() ? ms : stated;
  }

  private static int countOf(List<Mention> ms, byte polarity) {
    int n = 0;
    for (Mention m : ms) {
      n += m.polarity() == polarity ? 1 : 0;
    }
    return n;
  }

  /**
   * The phrase with its first term the transcript never uses replaced by each of its lay words the transcript
   * does use ({@link LayTerms}; "relief" becomes "improve" and "help"); empty if there is none.
   */
  private static List<List<Terms.Term>> layVariants(TranscriptIndex idx, List<Terms.Term> phrase) {
    for (int j = 0; j < phrase.size(); j++) {
      Terms.Term t = phrase.get(j);
      if (idx.mentions(t.text())) {
        continue;
      }
      List<List<Terms.Term>> out = new ArrayList<>();
      for (String alt : LayTerms.forMatching(t.text())) {
        if (idx.mentions(alt)) {
          List<Terms.Term> v = new ArrayList<>(phrase);
          v.set(j, new Terms.Term(alt, t.tok(), t.endTok()));
          out.add(v);
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return List.of();
  }

  /** Words that end a clause of a note sentence for {@link #clauseContext}. */
  private static final Set<String> CLAUSE_BREAKS = Set.of("but", "however", "although", "though", "whereas");

  /**
   * The other terms of the note clause around the phrase (up to punctuation or "but"), each with its lay words:
   * what a transcript mention should share to be about the same thing ("pain to palpation on the lateral aspect
   * of the elbow": lateral or outside, aspect, elbow).
   */
  private static List<Set<String>> clauseContext(SectionText s, int si, List<Terms.Term> phrase) {
    int from = phrase.get(0).tok();
    while (from > s.tokFrom[si] && !clauseBreak(s.toks.get(from - 1))) {
      from--;
    }
    int to = phrase.get(phrase.size() - 1).endTok();
    while (to < s.tokTo[si] && !clauseBreak(s.toks.get(to))) {
      to++;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Terms.Term t : phrase) {
      seen.add(t.text());
    }
    List<Set<String>> out = new ArrayList<>();
    for (Terms.Term t : Terms.of(s.toks, from, to, false)) {
      if (!t.isNumber() && seen.add(t.text())) {
        Set<String> concept = new java.util.HashSet<>(LayTerms.forContext(t.text()));
        concept.add(t.text());
        out.add(concept);
      }
    }
    return out;
  }

  private static boolean clauseBreak(Tok t) {
    if (t.kind() == Tok.Kind.PUNCT) {
      return !t.raw().equals("/") && !t.raw().equals("-");
    }
    return CLAUSE_BREAKS.contains(t.raw().toLowerCase(java.util.Locale.ROOT));
  }

  /** How many of the clause's other terms a mention must share to decide between conflicting mentions. */
  private static final int MIN_SHARED_CONTEXT = 2;

  /** How many terms either side of a transcript mention count as its context. */
  private static final int CONTEXT_WINDOW = 8;

  /**
   * The mentions sharing the most of the clause's other terms within {@link #CONTEXT_WINDOW} terms of
   * themselves — at least {@link #MIN_SHARED_CONTEXT} and at least half of them — or all mentions when none
   * does: "no pain with palpation outside of the elbow" decides for "pain to palpation on the lateral aspect of
   * the elbow", not "pain on the medial side with palpation".
   */
  private static List<Mention> closestInContext(TranscriptIndex idx, List<Mention> ms, List<Set<String>> context) {
    int best = 0;
    int[] score = new int[ms.size()];
    for (int i = 0; i < ms.size(); i++) {
      Mention m = ms.get(i);
      List<Terms.Term> tt = idx.terms.get(m.turn());
      int from = Math.max(0, m.term() - CONTEXT_WINDOW);
      int to = Math.min(tt.size(), m.term() + CONTEXT_WINDOW + 1);
      for (Set<String> concept : context) {
        for (int k = from; k < to; k++) {
          if (concept.contains(tt.get(k).text())) {
            score[i]++;
            break;
          }
        }
      }
      best = Math.max(best, score[i]);
    }
    if (best < MIN_SHARED_CONTEXT || 2 * best < context.size()) {
      return ms;
    }
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      if (score[i] == best) {
        out.add(ms.get(i));
      } else if (score[i] > best - MIN_SHARED_CONTEXT) {
        // another mention is nearly as close: the context does not tell them apart
        return ms;
      }
    }
    return out;
  }

  /** Adds the phrase's clear transcript mentions about the same experiencer (the patient, or someone else). */
  private static void mentions(TranscriptIndex idx, List<Terms.Term> phrase, boolean other, List<Mention> out) {
    int[] candidates = idx.turnsByTerm.get(phrase.get(0).text());
    if (candidates == null) {
      return;
    }
    for (int turn : candidates) {
      List<Terms.Term> tt = idx.terms.get(turn);
      byte[] pol = idx.polarity.get(turn);
      boolean[] asked = idx.asked.get(turn);
      for (int k = 0; k < tt.size(); k++) {
        if (!tt.get(k).text().equals(phrase.get(0).text())) {
          continue;
        }
        int at = termNear(tt, k, phrase, focus(phrase));
        if (at < 0) {
          continue;
        }
        int tok = tt.get(at).tok();
        byte p = pol[tok];
        if (Polarity.isOther(p) != other) {
          continue;
        }
        byte polarity = p == Polarity.AFFIRMED || p == Polarity.OTHER ? Polarity.AFFIRMED
            : p == Polarity.NEGATED || p == Polarity.OTHER_NEGATED ? Polarity.NEGATED : Polarity.UNKNOWN;
        if (polarity != Polarity.UNKNOWN) {
          out.add(new Mention(turn, at, tt.get(k).tok(), polarity, asked[tok]));
        }
      }
    }
  }

  /** @return the index of the phrase's first term that is not a body site (0 if all are) */
  private static int focus(List<Terms.Term> phrase) {
    for (int j = 0; j < phrase.size(); j++) {
      if (!ANATOMY.contains(phrase.get(j).text())) {
        return j;
      }
    }
    return 0;
  }

  /**
   * Whether the rest of the phrase occurs near transcript term {@code k} (within three terms), and where its
   * focus term is.
   *
   * @return the index of phrase term {@code focus} near {@code k}, or -1 if some term of the phrase is missing
   */
  private static int termNear(List<Terms.Term> tt, int k, List<Terms.Term> phrase, int focus) {
    int at = k;
    for (int j = 1; j < phrase.size(); j++) {
      int found = -1;
      for (int m = Math.max(0, k - 3); m < Math.min(tt.size(), k + phrase.size() + 3); m++) {
        if (tt.get(m).text().equals(phrase.get(j).text())) {
          found = m;
          break;
        }
      }
      if (found < 0) {
        return -1;
      }
      if (j == focus) {
        at = found;
      }
    }
    return at;
  }

  @Override
  public String toString() {
    return "NegationConsistency[maxPhraseTerms=" + maxPhraseTerms + ", minMentions=" + minMentions + ", severity="
        + severity + "]";
  }

  /** Builds {@link NegationConsistency}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private int maxPhraseTerms = 2;
    private int minMentions = 1;
    private Severity severity = Severity.WARNING;

    private Builder() {}

    /**
     * Sets the severity of a conflict (default WARNING).
     *
     * @param severity the severity
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = java.util.Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Sets the longest phrase compared, in clinical terms (default 2: "chest pain").
     *
     * @param n 1..5
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxPhraseTerms(int n) {
      if (n < 1 || n > 5) {
        throw new IllegalArgumentException("maxPhraseTerms must be in 1..5, got " + n);
      }
      this.maxPhraseTerms = n;
      return this;
    }

    /**
     * Sets how many clear, consistent transcript mentions a conflict needs (default 1).
     *
     * @param n 1..10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder minMentions(int n) {
      if (n < 1 || n > 10) {
        throw new IllegalArgumentException("minMentions must be in 1..10, got " + n);
      }
      this.minMentions = n;
      return this;
    }

    /** @return the layer */
    public NegationConsistency build() {
      return new NegationConsistency(this);
    }
  }
}
