package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Numeric grounding: every number in the note — ages, doses, vitals, lab values, durations, dates, written in
 * digits or in words — must occur in the transcript, where spoken forms count ("one forty over ninety" grounds
 * 140/90, "fifty seven" grounds 57, "two point five" grounds 2.5). A number that does not is a finding
 * ({@code NUMBER_NOT_IN_TRANSCRIPT}): {@link Severity#ERROR} for a dose, vital sign, age or lab value (recognised
 * from the words around it), {@link Severity#WARNING} otherwise. A number that occurs in the transcript but not
 * in the right context is a {@link Severity#WARNING}: a dose never said near the same drug (or, when the drug is
 * not in the transcript, never next to a dose unit) is {@code DOSE_NOT_CONFIRMED} — the usual shape of a changed
 * dose that happens to equal another number of the conversation; an age never said near "years old"/"age" is
 * {@code AGE_NOT_CONFIRMED}; a vital never said near a vital sign is {@code VITAL_NOT_CONFIRMED}, and so is a
 * blood-pressure reading "a/b" (both numbers in blood-pressure ranges) that the transcript never says as that pair
 * ("one forty over seventy" and a heart rate of ninety do not ground 140/90).
 *
 * <p>Ignored: digits inside words ("A1c", "COVID-19", "L4"), list markers ("1." at a line start) and
 * de-identification tokens. Immutable and thread-safe; linear time.
 */
public final class NumericGrounding implements Guardrail {

  /** The layer name. */
  public static final String NAME = "numeric-grounding";

  /** What a number is, from the words around it. */
  enum NumberClass { DOSE, VITAL, AGE, LAB, OTHER }

  private static final Set<String> DOSE_UNITS = norm("mg mcg milligram milligrams microgram micrograms g gram"
      + " grams unit units ml milliliter tablet tablets pill pills puff puffs capsule capsules iu meq");
  private static final Set<String> VITAL_WORDS = norm("blood pressure heart rate pulse temperature temp"
      + " saturation oxygen respiratory respirations weight bmi mmhg bpm degrees fahrenheit celsius sat spo2"
      + " vitals");
  private static final Set<String> AGE_WORDS = norm("year-old old yo age aged");
  private static final Set<String> LAB_WORDS = norm("a1c hemoglobin glucose sugar cholesterol ldl hdl"
      + " triglycerides creatinine potassium sodium tsh inr psa wbc platelets platelet ejection fraction gfr"
      + " egfr level levels count vitamin ferritin iron troponin bnp lipase alt ast bilirubin albumin");

  private final boolean wordNumbers;

  private NumericGrounding(Builder b) {
    this.wordNumbers = b.wordNumbers;
  }

  /** @return a builder (default: numbers written in words are checked too) */
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
    int numbers = 0;
    int grounded = 0;
    for (SectionText s : SectionText.of(context.note())) {
      List<Terms.Term> terms = Terms.of(s.toks, 0, s.toks.size(), false);
      for (int ti = 0; ti < terms.size(); ti++) {
        Terms.Term t = terms.get(ti);
        if (!t.isNumber()) {
          continue;
        }
        Tok first = s.toks.get(t.tok());
        if (first.kind() != Tok.Kind.NUMBER && !wordNumbers) {
          continue;
        }
        if (isListMarker(s, t.tok())) {
          continue;
        }
        numbers++;
        String value = t.text().substring(1);
        boolean decade = t.endTok() - t.tok() == 1 && Tokenizer.decadeEnd(s.text, first.end()) > 0;
        // a decade ("in his 60s", "the 1970s") is a span of ages or years, not one reading: never a vital or a dose
        NumberClass cls = decade ? NumberClass.OTHER : classify(s.toks, t.tok(), t.endTok());
        Span span = new Span(first.start(), s.toks.get(t.endTok() - 1).end());
        if (!idx.numbers.contains(value) && !(decade && centuryDecade(value)
            && idx.numbers.contains(value.substring(2)))) {
          boolean serious = cls != NumberClass.OTHER && first.kind() == Tok.Kind.NUMBER;
          findings.add(Finding.of(NAME, "NUMBER_NOT_IN_TRANSCRIPT", serious ? Severity.ERROR : Severity.WARNING,
              "A" + (cls == NumberClass.OTHER ? " number" : (cls == NumberClass.AGE ? "n age" : " "
                  + cls.name().toLowerCase(Locale.ROOT) + " value")) + " in the note does not occur in the"
                  + " transcript (digits or spoken).").at(s.key, span));
          continue;
        }
        if (cls == NumberClass.AGE && !nearWords(idx, value, AGE_CONTEXT, 3)) {
          findings.add(Finding.of(NAME, "AGE_NOT_CONFIRMED", Severity.WARNING,
              "An age value occurs in the transcript, but never as an age.").at(s.key, span));
          continue;
        }
        Terms.Term systolic = ti > 0 ? pressurePartner(s.toks, terms.get(ti - 1), t) : null;
        if (systolic != null && idx.numbers.contains(systolic.text().substring(1))
            && !pairSaid(idx, systolic.text(), t.text())) {
          // (a systolic the transcript never says is already a finding of its own)
          // "140/90" is one reading: a changed diastolic whose number is said elsewhere is still a changed reading
          findings.add(Finding.of(NAME, "VITAL_NOT_CONFIRMED", Severity.WARNING,
              "A blood-pressure reading in the note is never said as that pair in the transcript.")
              .at(s.key, new Span(s.toks.get(systolic.tok()).start(), span.end())));
          continue;
        }
        if (cls == NumberClass.VITAL && !nearWords(idx, value, VITAL_CONTEXT, 6)) {
          findings.add(Finding.of(NAME, "VITAL_NOT_CONFIRMED", Severity.WARNING,
              "A vital-sign value occurs in the transcript, but never near a vital sign.").at(s.key, span));
          continue;
        }
        if (cls == NumberClass.DOSE && !doseConfirmed(idx, value, drugBefore(s.toks, t.tok()))) {
          findings.add(Finding.of(NAME, "DOSE_NOT_CONFIRMED", Severity.WARNING,
              "A dose value occurs in the transcript, but never with a dose unit or the same drug.")
              .at(s.key, span));
          continue;
        }
        grounded++;
      }
    }
    Map<String, Double> scores = Map.of("numeric_grounding", numbers == 0 ? 1.0 : grounded / (double) numbers);
    return findings.isEmpty() ? new GuardVerdict.Pass(scores) : new GuardVerdict.Flag(findings, scores);
  }

  /** Whether a decade's value is one of the 1910s–1990s, which speech names by its last two digits ("the seventies"). */
  private static boolean centuryDecade(String value) {
    return value.length() == 4 && value.startsWith("19") && value.charAt(2) >= '1' && value.charAt(2) <= '9'
        && value.charAt(3) == '0';
  }

  private static boolean isListMarker(SectionText s, int tok) {
    Tok t = s.toks.get(tok);
    if (tok + 1 >= s.toks.size() || !(s.toks.get(tok + 1).isPunct('.') || s.toks.get(tok + 1).isPunct(')'))) {
      return false;
    }
    int p = t.start() - 1;
    while (p >= 0 && (s.text.charAt(p) == ' ' || s.text.charAt(p) == '\t' || s.text.charAt(p) == '#')) {
      p--;
    }
    return p < 0 || s.text.charAt(p) == '\n';
  }

  static NumberClass classify(List<Tok> toks, int from, int to) {
    for (int k = to; k < Math.min(toks.size(), to + 2); k++) {
      String w = toks.get(k).norm();
      if (k == to && toks.get(k).low().equals("percentile")) {
        // "95th percentile for weight": a rank, not the weight
        return NumberClass.OTHER;
      }
      if (DOSE_UNITS.contains(w)) {
        return NumberClass.DOSE;
      }
      if (AGE_WORDS.contains(w) || (w.equals("year") && k + 1 < toks.size()
          && toks.get(k + 1).norm().equals("old"))) {
        return NumberClass.AGE;
      }
      if (w.equals("mmhg") || w.equals("bpm") || w.equals("degre")) {
        return NumberClass.VITAL;
      }
    }
    for (int k = from - 1; k >= Math.max(0, from - 5); k--) {
      Tok x = toks.get(k);
      if (x.kind() == Tok.Kind.PUNCT && ".;".contains(x.raw())) {
        break;
      }
      if (VITAL_WORDS.contains(x.norm())) {
        return NumberClass.VITAL;
      }
      if (LAB_WORDS.contains(x.norm())) {
        return NumberClass.LAB;
      }
      if ((x.norm().equals("age") || x.norm().equals("aged")) && k >= from - 2) {
        return NumberClass.AGE;
      }
    }
    return NumberClass.OTHER;
  }

  private static String drugBefore(List<Tok> toks, int tok) {
    for (int k = tok - 1; k >= Math.max(0, tok - 4); k--) {
      if (Lexicon.MEDICATIONS.contains(toks.get(k).norm())) {
        return canonical(toks.get(k));
      }
    }
    // "5 mg of melatonin": the drug after its dose
    for (int k = tok + 1; k < Math.min(toks.size(), tok + 4); k++) {
      if (Lexicon.MEDICATIONS.contains(toks.get(k).norm())) {
        return canonical(toks.get(k));
      }
      if (toks.get(k).kind() == Tok.Kind.PUNCT) {
        break;
      }
    }
    return null;
  }

  private static String canonical(Tok t) {
    List<String> canon = Lexicon.SYNONYMS.get(t.norm());
    return canon != null ? canon.get(0) : t.norm();
  }

  /**
   * A dose is confirmed when the transcript says the value near the same drug; when the note names no drug the
   * transcript mentions, the value next to a dose unit is enough.
   */
  private static boolean doseConfirmed(TranscriptIndex idx, String value, String drug) {
    String num = "#" + value;
    int[] turns = idx.turnsByTerm.get(num);
    if (turns == null) {
      return false;
    }
    boolean drugKnown = drug != null && idx.mentions(drug);
    for (int turn : turns) {
      List<Terms.Term> tt = idx.terms.get(turn);
      List<Tok> tk = idx.toks.get(turn);
      for (int k = 0; k < tt.size(); k++) {
        if (!tt.get(k).text().equals(num)) {
          continue;
        }
        if (drugKnown) {
          for (int m = Math.max(0, k - 5); m < Math.min(tt.size(), k + 3); m++) {
            if (tt.get(m).text().equals(drug)) {
              return true;
            }
          }
          continue;
        }
        int endTok = tt.get(k).endTok();
        for (int j = endTok; j < Math.min(tk.size(), endTok + 3); j++) {
          if (DOSE_UNITS.contains(tk.get(j).norm())) {
            return true;
          }
        }
      }
    }
    if (drugKnown) {
      // the drug's mention and the value may sit in neighbouring turns ("lisinopril?" — "twenty milligrams")
      for (int turn : turns) {
        for (int other = Math.max(0, turn - 1); other <= Math.min(idx.turns.size() - 1, turn + 1); other++) {
          if (other == turn) {
            // within one turn only the window above pairs them: a long dictation names many drugs and doses
            continue;
          }
          int[] drugTurns = idx.turnsByTerm.get(drug);
          if (java.util.Arrays.binarySearch(drugTurns, other) >= 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The systolic number of a written blood-pressure reading "a/b" whose diastolic is {@code t} ({@code prev} right
   * before it, separated by a slash alone, both in blood-pressure ranges, systolic above diastolic), or null.
   */
  private static Terms.Term pressurePartner(List<Tok> toks, Terms.Term prev, Terms.Term t) {
    if (!prev.isNumber() || t.tok() != prev.endTok() + 1 || !toks.get(prev.endTok()).raw().equals("/")) {
      return null;
    }
    if (toks.get(prev.tok()).kind() != Tok.Kind.NUMBER || toks.get(t.tok()).kind() != Tok.Kind.NUMBER) {
      return null;
    }
    // a blood pressure, not a pain score ("7/10"), a murmur grade ("2/6") or a strength grade ("4/5")
    double sys = parse(prev.text().substring(1));
    double dia = parse(t.text().substring(1));
    return sys >= 60 && sys <= 260 && dia >= 30 && dia <= 160 && sys > dia ? prev : null;
  }

  private static double parse(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Words that join the two numbers of a spoken reading ("one forty over ninety", "120/80"). */
  private static final Set<String> PAIR_JOINERS = Set.of("over", "/", "by");

  /** The most tokens between a spoken reading's two numbers ("a hundred and eighty over you know eighty"). */
  private static final int PAIR_GAP = 3;

  /**
   * Whether the transcript says the two numbers as one reading: systolic, a joiner ("over", "/", "by") within
   * {@link #PAIR_GAP} tokens, diastolic. Spoken numbers have several readings ("one twenty" is also 1 and 20); any
   * of them counts.
   */
  private static boolean pairSaid(TranscriptIndex idx, String systolic, String diastolic) {
    int[] turns = idx.turnsByTerm.get(systolic);
    if (turns == null) {
      return false;
    }
    for (int turn : turns) {
      List<Terms.Term> tt = idx.terms.get(turn);
      List<Tok> tk = idx.toks.get(turn);
      for (int i = 0; i < tt.size(); i++) {
        Terms.Term a = tt.get(i);
        if (!a.text().equals(systolic)) {
          continue;
        }
        // terms are in token order: only the few after a can be its diastolic
        for (int j = i + 1; j < tt.size() && tt.get(j).tok() <= a.endTok() + PAIR_GAP; j++) {
          Terms.Term b = tt.get(j);
          if (b.text().equals(diastolic) && b.tok() >= a.endTok() && joined(tk, a.endTok(), b.tok())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean joined(List<Tok> tk, int from, int to) {
    for (int j = from; j < to; j++) {
      if (PAIR_JOINERS.contains(tk.get(j).low())) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> VITAL_CONTEXT = norm("blood pressure heart rate pulse temperature temp"
      + " saturation oxygen sat sats respiratory respirations breathing weight weigh pounds pound kilograms bmi"
      + " over degrees fever vitals vital beats ox");
  private static final Set<String> AGE_CONTEXT = norm("year years old age aged yo birthday");

  private static boolean nearWords(TranscriptIndex idx, String value, Set<String> words, int window) {
    String num = "#" + value;
    int[] turns = idx.turnsByTerm.get(num);
    if (turns == null) {
      return false;
    }
    for (int turn : turns) {
      List<Terms.Term> tt = idx.terms.get(turn);
      List<Tok> tk = idx.toks.get(turn);
      for (Terms.Term t : tt) {
        if (!t.text().equals(num)) {
          continue;
        }
        for (int j = Math.max(0, t.tok() - window); j < Math.min(tk.size(), t.endTok() + window); j++) {
          if (words.contains(tk.get(j).norm())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Set<String> norm(String words) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : words.split(" ")) {
      out.add(Tokenizer.normalizeWord(w));
    }
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return "NumericGrounding[wordNumbers=" + wordNumbers + "]";
  }

  /** Builds {@link NumericGrounding}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private boolean wordNumbers = true;

    private Builder() {}

    /**
     * Sets whether numbers the note writes in words ("two weeks") are checked too (default true; always at most
     * {@link Severity#WARNING}).
     *
     * @param check whether to check
     * @return this builder
     */
    public Builder checkWordNumbers(boolean check) {
      this.wordNumbers = check;
      return this;
    }

    /** @return the layer */
    public NumericGrounding build() {
      return new NumericGrounding(this);
    }
  }
}
