package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.verinote.core.Evidence;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Source fidelity with evidence: aligns every note sentence to the transcript turns that support it, scores the
 * support, flags sentences below the threshold, and flags medication names the transcript never mentions.
 *
 * <p>Alignment works on clinical terms, not raw words: tokens are lower-cased and lightly stemmed, clinical
 * synonyms and abbreviations meet in one spelling ("BP" = "blood pressure", "SOB" = "short of breath", brand =
 * generic drug name), spoken numbers meet digits ("fifty seven" = 57), and function words and note boilerplate
 * ("Medical Reasoning:", "the patient reports") do not count. A sentence's support is the mean of (a) the share of
 * its terms found in its best window of {@link Builder#windowTurns(int) consecutive turns} and (b) the share
 * found anywhere in the transcript. Evidence lists the turns of that window with the character range of the
 * matched terms.
 *
 * <p>Findings: {@code UNSUPPORTED_SENTENCE} ({@link Severity#WARNING}) and {@code MEDICATION_NOT_IN_TRANSCRIPT}
 * ({@link Severity#ERROR}), both with the sentence's span. Score: {@code fidelity} (see
 * {@link FidelityReport#fidelity()}). Immutable and thread-safe; cost linear in note length times window size.
 */
public final class SourceFidelity implements Guardrail {

  /** The layer name. */
  public static final String NAME = "source-fidelity";

  private final double threshold;
  private final int windowTurns;
  private final int minTerms;
  private final boolean checkMedications;

  private SourceFidelity(Builder b) {
    this.threshold = b.threshold;
    this.windowTurns = b.windowTurns;
    this.minTerms = b.minTerms;
    this.checkMedications = b.checkMedications;
  }

  /** @return a builder with the defaults (threshold 0.35, window 6 turns, 3 terms, medications checked) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Aligns every sentence of {@code note} to {@code transcript}.
   *
   * @param transcript the (de-identified) transcript
   * @param note the note
   * @return per-sentence support with evidence, and the note-level fidelity
   * @throws NullPointerException if an argument is null
   */
  public FidelityReport assess(Transcript transcript, StructuredNote note) {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(note, "note");
    TranscriptIndex idx = TranscriptIndex.of(transcript);
    List<SentenceSupport> out = new ArrayList<>();
    double weighted = 0;
    int weights = 0;
    int unsupported = 0;
    for (SectionText s : SectionText.of(note)) {
      for (int i = 0; i < s.sentences.size(); i++) {
        SentenceSupport ss = support(idx, s, i);
        out.add(ss);
        if (ss.scored()) {
          weighted += ss.score() * ss.terms();
          weights += ss.terms();
          unsupported += ss.score() < threshold ? 1 : 0;
        }
      }
    }
    return new FidelityReport(out, weights == 0 ? 1.0 : weighted / weights, unsupported);
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    TranscriptIndex idx = TranscriptIndex.of(context.transcript());
    List<Finding> findings = new ArrayList<>();
    double weighted = 0;
    int weights = 0;
    for (SectionText s : SectionText.of(context.note())) {
      for (int i = 0; i < s.sentences.size(); i++) {
        SentenceSupport ss = support(idx, s, i);
        if (ss.scored()) {
          weighted += ss.score() * ss.terms();
          weights += ss.terms();
          if (ss.score() < threshold) {
            findings.add(Finding.of(NAME, "UNSUPPORTED_SENTENCE", Severity.WARNING, String.format(Locale.ROOT,
                "Sentence has weak support in the transcript (score %.2f, threshold %.2f, %d terms)%s.",
                ss.score(), threshold, ss.terms(), closest(ss))).at(s.key, ss.span()));
          }
        }
        if (checkMedications) {
          medications(idx, s, i, findings);
        }
      }
    }
    Map<String, Double> scores = Map.of("fidelity", weights == 0 ? 1.0 : weighted / weights);
    return findings.isEmpty() ? new GuardVerdict.Pass(scores) : new GuardVerdict.Flag(findings, scores);
  }

  private static String closest(SentenceSupport ss) {
    if (ss.evidence().isEmpty()) {
      return "; no transcript turn shares its terms";
    }
    return "; closest turns " + ss.evidence().get(0).turnIndex() + "-"
        + ss.evidence().get(ss.evidence().size() - 1).turnIndex();
  }

  private void medications(TranscriptIndex idx, SectionText s, int sentence, List<Finding> findings) {
    for (int t = s.tokFrom[sentence]; t < s.tokTo[sentence]; t++) {
      Tok tok = s.toks.get(t);
      if (tok.isWord() && Lexicon.MEDICATIONS.contains(tok.norm()) && !medicationMentioned(idx, tok.norm())) {
        findings.add(Finding.of(NAME, "MEDICATION_NOT_IN_TRANSCRIPT", Severity.ERROR,
            "Medication name not found in the transcript (nor a brand or generic equivalent, nor a near spelling)."
        ).at(s.key, new Span(tok.start(), tok.end())));
      }
    }
  }

  private static boolean medicationMentioned(TranscriptIndex idx, String med) {
    if (idx.mentions(med)) {
      return true;
    }
    List<String> canon = Lexicon.SYNONYMS.get(med);
    if (canon != null && idx.mentions(canon.get(0))) {
      return true;
    }
    // ASR spellings: "lysinopril", "metformen": accept a close spelling of a long word
    if (med.length() >= 6) {
      for (String term : idx.turnsByTerm.keySet()) {
        if (Math.abs(term.length() - med.length()) <= 2 && term.charAt(0) == med.charAt(0)
            && Edit.distance(term, med, 2) <= 2) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int from, int to, int v) {
    for (int i = from; i < to; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  SentenceSupport support(TranscriptIndex idx, SectionText s, int sentence) {
    Span span = s.sentences.get(sentence);
    List<Terms.Term> terms = Terms.of(s.toks, s.tokFrom[sentence], s.tokTo[sentence], false);
    Set<String> unique = new LinkedHashSet<>();
    for (Terms.Term t : terms) {
      if (!t.text().startsWith("[")) {
        unique.add(t.text());
      }
    }
    if (unique.size() < minTerms) {
      return new SentenceSupport(s.key, span, unique.size(), 1.0, false, List.of());
    }
    int n = idx.turns.size();
    List<int[]> postings = new ArrayList<>(unique.size());
    int global = 0;
    for (String term : unique) {
      int[] turns = idx.turnsLike(term);
      postings.add(turns);
      if (turns != null) {
        global++;
      }
    }
    // sliding window over turns: distinct terms covered by turns [a, a + w)
    int w = Math.min(windowTurns, n);
    int best = 0;
    int bestStart = 0;
    int[] termCountInWindow = new int[postings.size()];
    int covered = 0;
    // the terms each turn mentions, as one flat array indexed by turn (this runs per sentence: no boxing)
    int[] turnStart = new int[n + 1];
    for (int[] turns : postings) {
      if (turns != null) {
        for (int t : turns) {
          turnStart[t + 1]++;
        }
      }
    }
    for (int t = 0; t < n; t++) {
      turnStart[t + 1] += turnStart[t];
    }
    int[] termsOfTurn = new int[turnStart[n]];
    int[] fill = java.util.Arrays.copyOf(turnStart, n);
    for (int k = 0; k < postings.size(); k++) {
      int[] turns = postings.get(k);
      if (turns != null) {
        for (int t : turns) {
          termsOfTurn[fill[t]++] = k;
        }
      }
    }
    for (int t = 0; t < n; t++) {
      for (int x = turnStart[t]; x < turnStart[t + 1]; x++) {
        if (termCountInWindow[termsOfTurn[x]]++ == 0) {
          covered++;
        }
      }
      if (t - w >= 0) {
        for (int x = turnStart[t - w]; x < turnStart[t - w + 1]; x++) {
          if (--termCountInWindow[termsOfTurn[x]] == 0) {
            covered--;
          }
        }
      }
      if (covered > best) {
        best = covered;
        bestStart = Math.max(0, t - w + 1);
      }
    }
    double score = 0.5 * best / unique.size() + 0.5 * global / unique.size();
    List<Evidence> evidence = new ArrayList<>();
    if (best > 0) {
      List<String> termList = new ArrayList<>(unique);
      for (int t = bestStart; t < Math.min(n, bestStart + w); t++) {
        if (turnStart[t] == turnStart[t + 1]) {
          continue;
        }
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (Terms.Term tt : idx.terms.get(t)) {
          if (contains(termsOfTurn, turnStart[t], turnStart[t + 1], termList.indexOf(tt.text()))) {
            List<Tok> tk = idx.toks.get(t);
            from = Math.min(from, tk.get(tt.tok()).start());
            to = Math.max(to, tk.get(tt.endTok() - 1).end());
          }
        }
        if (to > from) {
          evidence.add(new Evidence(idx.turns.get(t).index(), from, to,
              Math.min(1.0, (turnStart[t + 1] - turnStart[t]) / (double) unique.size())));
        }
      }
    }
    return new SentenceSupport(s.key, span, unique.size(), Math.min(1.0, score), true, evidence);
  }

  @Override
  public String toString() {
    return "SourceFidelity[threshold=" + threshold + ", window=" + windowTurns + ", minTerms=" + minTerms
        + ", medications=" + checkMedications + "]";
  }

  /** Builds a {@link SourceFidelity}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private double threshold = 0.35;
    private int windowTurns = 6;
    private int minTerms = 3;
    private boolean checkMedications = true;

    private Builder() {}

    /**
     * Sets the support below which a sentence is flagged (default 0.35, tuned so that at most 5% of ACI-Bench gold-note sentences are flagged).
     *
     * @param threshold in (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder threshold(double threshold) {
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /**
     * Sets how many consecutive turns one sentence may draw from (default 6).
     *
     * @param turns 1..100
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder windowTurns(int turns) {
      if (turns < 1 || turns > 100) {
        throw new IllegalArgumentException("windowTurns must be in 1..100, got " + turns);
      }
      this.windowTurns = turns;
      return this;
    }

    /**
     * Sets how many clinical terms a sentence needs to be scored (default 3); shorter sentences ("Stable.") are
     * not scored.
     *
     * @param terms 1..20
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder minTerms(int terms) {
      if (terms < 1 || terms > 20) {
        throw new IllegalArgumentException("minTerms must be in 1..20, got " + terms);
      }
      this.minTerms = terms;
      return this;
    }

    /**
     * Sets whether medication names absent from the transcript are flagged (default true).
     *
     * @param check whether to check
     * @return this builder
     */
    public Builder checkMedications(boolean check) {
      this.checkMedications = check;
      return this;
    }

    /** @return the layer */
    public SourceFidelity build() {
      return new SourceFidelity(this);
    }
  }
}
