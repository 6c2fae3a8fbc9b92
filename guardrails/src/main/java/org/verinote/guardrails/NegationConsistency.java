package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Matching ({@link Mentions}): a note word the transcript never says is looked up by its lay word ("relief" —
 * "it helped", "icing" — "iced it", {@link LayTerms}); a listed finding ("numbness or tingling") falls back to the
 * member the transcript says; a finding framed as a problem ("denies issues with the migraines") is compared only
 * with mentions framed alike, and such a frame makes even a body site a finding ("issues with his joints"). When
 * the transcript both affirms and negates a phrase, the mentions sharing clearly the most of the note clause's
 * other terms decide ("pain to palpation on the lateral aspect of the elbow" against "no pain with palpation
 * outside of the elbow", not "pain on the medial side"); otherwise the phrase is not judged. A mention whose
 * context names the site opposite the note clause's own ("medial" for "lateral") is about another place and is
 * dropped. A lay word is compared alongside a note word the transcript also says ("palpation" and "press on"), and
 * a paraphrase frame stands for a phrase the transcript never says ("not taken anything for the pain" for "pain
 * medications", {@link Frames}). A negation qualified by degree ("without significant relief") is not judged: it
 * does not deny a partial effect.
 *
 * <p>Temporality: a clinician's future or plan clause ("i'm gon na prescribe you some medications") says what will
 * be done, not what the patient has or takes now; outside plan sections ({@link #planSection}) it is evidence only
 * for note sentences that are themselves about the future ("we will prescribe…"). Effects ("helps", "alleviates")
 * are not findings, except one the patient denies ("denies that resting it on a pillow alleviates her pain"):
 * a note's own summary ("ibuprofen does not help") often stands for "it helps a little" and is not judged.
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
      + " bilateral bilaterally unilateral unilaterally low"
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
  static final Set<String> ANATOMY = norms("leg legs foot feet ankle ankles arm arms hand hands palm palms"
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
  /** Opposing mentions needed per agreeing one; 0 = none may agree. */
  private final int majority;
  private final boolean unconfirmed;
  private final boolean planAssertions;
  private final Severity severity;

  private NegationConsistency(Builder b) {
    this.severity = b.severity;
    this.maxPhraseTerms = b.maxPhraseTerms;
    this.minMentions = b.minMentions;
    this.majority = b.majority;
    this.unconfirmed = b.unconfirmed;
    this.planAssertions = b.planAssertions;
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
      byte[] pol = s.polarity();
      boolean planLike = planSection(s.key);
      for (int si = 0; si < s.sentences.size(); si++) {
        List<Terms.Term> terms = Terms.of(s.toks, s.tokFrom[si], s.tokTo[si], false);
        boolean namesSite = namesOppositeSite(terms);
        // a note of what she has or takes now: "i'm gon na prescribe you some medications" is the plan
        boolean presentOnly = !planLike && !Polarity.hasPlanMarker(s.toks, s.tokFrom[si], s.tokTo[si]);
        for (List<Terms.Term> phrase : phrases(s, terms)) {
          if (examined(s, phrase)) {
            // "Vascular exam reveals …", "MRI of the brain", "Covid test is pending", "Abdomen: soft": what is
            // examined or tested, or a line's label, not a finding the note asserts or denies
            continue;
          }
          if (onlyAnatomy(phrase) && !Mentions.problemFramed(s.toks, phrase.get(0).tok())) {
            // a site alone is where, not what — unless the note says it has problems ("issues with his joints")
            continue;
          }
          // the finding carries the status, not its site: "lower extremities have no edema" negates the edema
          byte status = pol[phrase.get(Mentions.focus(phrase)).tok()];
          boolean other = Polarity.isOther(status);
          byte notePol = status == Polarity.AFFIRMED || status == Polarity.OTHER ? Polarity.AFFIRMED
              : status == Polarity.NEGATED || status == Polarity.OTHER_NEGATED ? Polarity.NEGATED : Polarity.UNKNOWN;
          if (notePol == Polarity.UNKNOWN || (notePol == Polarity.NEGATED && degreeQualified(s, phrase))) {
            continue;
          }
          if (indication(s, phrase)) {
            // "not interested in medications for his depression", "advise tylenol for fever": what a treatment is
            // for takes no status from the treatment's
            continue;
          }
          if (notePol == Polarity.NEGATED && onlyTreatment(phrase)) {
            // "has not taken the antibiotics", "does not want to start medication or therapy": a denied treatment
            // is met in the transcript by its discussion (offered, prescribed, mentioned), not by a finding
            continue;
          }
          if (!planAssertions && planLike && notePol == Polarity.AFFIRMED) {
            // "advise ibuprofen for fever", "educate on blood sugar monitoring": a plan names what it treats
            continue;
          }
          boolean coordinated = coordinated(s, phrase);
          // one note word read as two ("hematuria" is "blood" + "urine"): only the two together are that word,
          // never "blood pressure" or "straining my urine" alone
          boolean expansion = phrase.size() > 1 && phrase.get(0).tok() == phrase.get(1).tok();
          List<Mentions.Mention> ms = expansion ? Mentions.direct(idx, phrase, other)
              : Mentions.evidence(idx, phrase, other, coordinated);
          if (!expansion && ms.isEmpty()) {
            // the transcript never says the note's word: try the lay word for it ("relief" is said "it helped")
            for (List<Terms.Term> lay : Mentions.layVariants(idx, phrase)) {
              ms.addAll(Mentions.evidence(idx, lay, other, coordinated));
            }
          } else if (!expansion) {
            // the transcript may say it both ways: "pain to palpation" and "press on the outside, is that painful"
            for (List<Terms.Term> lay : Mentions.alsoSaidVariants(idx, phrase)) {
              ms.addAll(Mentions.direct(idx, lay, other));
            }
          }
          int rawClear = ms.size();
          if (presentOnly) {
            ms.removeIf(m -> Mentions.planned(idx, m));
          }
          if (Mentions.problemFramed(s.toks, phrase.get(0).tok())) {
            // "denies issues with the migraines" is about problems with them: only mentions framed alike count
            ms.removeIf(m -> !Mentions.problemFramed(idx.toks.get(m.turn()), m.firstTok()));
          }
          for (Frame frame : FRAMES) {
            if (frame.note().test(s.toks, phrase.get(0).tok())) {
              // "some past history of headaches" is about the history: "any history of headaches?" — "no" decides
              // over "i am having a severe headache" when the transcript asks about the history too; "no other
              // medications" is answered by "any other medications?", not by the accutane she takes
              List<Mentions.Mention> framed = new ArrayList<>(ms);
              framed.removeIf(m -> !frame.said().test(idx.toks.get(m.turn()), m.firstTok()));
              if (!framed.isEmpty()) {
                ms = framed;
              }
            }
          }
          java.util.Map<String, Integer> clause = null;
          if (namesSite && !ms.isEmpty()) {
            // "the lateral aspect" is not about a mention at "the medial aspect" or "the inside of your knee"
            clause = Mentions.clauseContext(s, si, phrase);
            ms = Mentions.withoutOppositeSites(idx, ms, clause);
          }
          List<Mentions.Mention> counted = Mentions.decisive(ms);
          if (Mentions.countOf(counted, Polarity.AFFIRMED) > 0 && Mentions.countOf(counted, Polarity.NEGATED) > 0) {
            // the transcript says both: the mentions sharing most of the note clause's other terms decide
            counted = Mentions.closestInContext(idx, counted,
                clause != null ? clause : Mentions.clauseContext(s, si, phrase));
            // still both: what the clinician read back in recap words ("you endorse some fatigue") decides
            counted = Mentions.recapIfOneWay(idx, counted);
          }
          int aff = Mentions.countOf(counted, Polarity.AFFIRMED);
          int neg = Mentions.countOf(counted, Polarity.NEGATED);
          int opposing = notePol == Polarity.AFFIRMED ? neg : aff;
          int agreeing = notePol == Polarity.AFFIRMED ? aff : neg;
          boolean conflict = opposing >= minMentions
              && (agreeing == 0 || (majority > 0 && opposing >= majority * agreeing));
          if (unconfirmed && notePol == Polarity.AFFIRMED && !other && rawClear == 0 && presentOnly
              && reportedSection(s.key)) {
            // the transcript never states it, only asks about it, and no answer says yes: a question turned into
            // a finding ("any trauma before that?" — "i've been lifting more" becomes "reports trauma")
            List<Mentions.Mention> asked = Mentions.unanswered(idx, phrase, false);
            asked.removeIf(m -> Mentions.planned(idx, m));
            if (!asked.isEmpty()) {
              findings.add(finding(idx, s, phrase, asked, "UNCONFIRMED_ASSERTION",
                  "Asserted in the note, but the transcript only asks about it and no answer confirms it"));
              continue;
            }
          }
          if (conflict) {
            findings.add(finding(idx, s, phrase, counted, "POLARITY_CONFLICT", notePol == Polarity.AFFIRMED
                ? "Asserted in the note but negated in the transcript"
                : "Negated in the note but asserted in the transcript"));
          }
        }
      }
    }
    return GuardVerdict.flag(findings);
  }

  /**
   * A frame a note phrase is compared within, and how the transcript says the same frame: "history of …" is also
   * said "… before this injury", "… in the past"; "other …" is said alike. Each tests the token list and the index
   * of the phrase's first token.
   */
  private record Frame(java.util.function.BiPredicate<List<Tok>, Integer> note,
      java.util.function.BiPredicate<List<Tok>, Integer> said) {}

  private static final List<Frame> FRAMES = List.of(new Frame(Mentions::historyFramed, Mentions::pastFramed),
      new Frame(Mentions::otherFramed, Mentions::otherFramed));

  /** A finding on the phrase's span whose message ends with the transcript turns of the mentions behind it. */
  private Finding finding(TranscriptIndex idx, SectionText s, List<Terms.Term> phrase, List<Mentions.Mention> ms,
      String code, String message) {
    Set<Integer> turns = new TreeSet<>();
    for (Mentions.Mention m : ms) {
      turns.add(idx.turns.get(m.turn()).index());
    }
    Tok first = s.toks.get(phrase.get(0).tok());
    Tok last = s.toks.get(phrase.get(phrase.size() - 1).endTok() - 1);
    return Finding.of(NAME, code, severity, message + " (turns " + turns + ").")
        .at(s.key, new Span(first.start(), last.end()));
  }

  /** Words between "for" and the finding it introduces: "for his depression", "for possible infection". */
  private static final Set<String> FOR_GLUE = Set.of("the", "his", "her", "their", "my", "your", "this", "that",
      "any", "possible", "presumed", "suspected");
  /**
   * Whether the phrase is what a treatment is for: "for" (and a determiner) before it, and a treatment word or a
   * medication within three words before the "for" ("medications for his depression", "tylenol for fever").
   */
  static boolean indication(SectionText s, List<Terms.Term> phrase) {
    int k = phrase.get(0).tok() - 1;
    while (k >= 0 && FOR_GLUE.contains(s.toks.get(k).low())) {
      k--;
    }
    if (k < 1 || !s.toks.get(k).low().equals("for")) {
      return false;
    }
    for (int j = k - 1; j >= Math.max(0, k - 3); j--) {
      Tok t = s.toks.get(j);
      if (t.kind() == Tok.Kind.PUNCT) {
        return false;
      }
      if (TREATMENTS.contains(t.norm()) || Lexicon.MEDICATIONS.contains(t.norm())) {
        return true;
      }
    }
    return false;
  }

  /** Words after a term that make it what is examined or tested: "vascular exam", "covid test". */
  private static final Set<String> EXAMINED_BY = Set.of("exam", "exams", "examination", "examinations", "test",
      "tests", "testing", "dipstick", "x-ray", "xray", "x-rays", "mri", "ct", "scan", "scans", "ultrasound", "swab",
      "panel", "screen", "screening", "culture", "cultures", "imaging", "films", "radiograph", "radiographs");
  /** Words before "of" that make what follows the object of an examination or study: "MRI of the brain". */
  private static final Set<String> STUDIES = Set.of("exam", "examination", "x-ray", "xray", "x-rays", "mri", "ct",
      "scan", "ultrasound", "imaging", "films", "radiograph", "radiographs", "views", "inspection", "palpation",
      "auscultation");
  private static final Set<String> STUDY_GLUE = Set.of("of", "the", "his", "her", "their", "both", "left", "right",
      "bilateral");

  /**
   * Whether the phrase names what is examined or tested — "vascular exam", "covid test", "MRI of the brain" — or is
   * a line's label ("Abdomen: soft, non-tender"): no claim about a finding.
   */
  static boolean examined(SectionText s, List<Terms.Term> phrase) {
    int end = phrase.get(phrase.size() - 1).endTok();
    int first = phrase.get(0).tok();
    if (end < s.toks.size()) {
      Tok next = s.toks.get(end);
      if (EXAMINED_BY.contains(next.low())) {
        return true;
      }
      if (next.raw().equals(":") && (first == 0 || s.text.lastIndexOf('\n', s.toks.get(first).start())
          >= s.toks.get(first - 1).end())) {
        return true;
      }
    }
    int k = first - 1;
    boolean of = false;
    while (k >= 0 && STUDY_GLUE.contains(s.toks.get(k).low())) {
      of |= s.toks.get(k).low().equals("of");
      k--;
    }
    return of && k >= 0 && STUDIES.contains(s.toks.get(k).low());
  }

  /** "pain in the calf": words linking a finding to its site, and the determiner after them. */
  private static final Set<String> SITE_LINKS = Set.of("in", "on", "of", "at", "over", "to");
  private static final Set<String> SITE_DETERMINERS = Set.of("the", "his", "her", "my", "your", "their", "both");

  private static final List<String> REPORTED_SECTION_WORDS = List.of("history", "hpi", "review", "ros",
      "complaint", "subjective", "symptom", "interval");

  /** Whether a section records what the patient reports (history, review of systems), not exam, results or plan. */
  static boolean reportedSection(String key) {
    return keyNames(key, REPORTED_SECTION_WORDS);
  }

  private static boolean keyNames(String key, List<String> words) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    for (String w : words) {
      if (k.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Section-key words of what is to be done: there a clinician's plan clause is evidence. */
  private static final List<String> PLAN_SECTION_WORDS = List.of("plan", "assessment", "instruction", "impression",
      "recommend", "follow", "procedure", "disposition", "order");

  /** Whether a section is about what is to be done ("assessment_and_plan", "instructions"). */
  static boolean planSection(String key) {
    return keyNames(key, PLAN_SECTION_WORDS);
  }

  /** Whether a sentence names a site that has an opposite ("lateral", "medial"…): only then is it looked for. */
  private static boolean namesOppositeSite(List<Terms.Term> terms) {
    for (Terms.Term t : terms) {
      if (!LayTerms.opposites(t.text()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Words joining two findings of a list ("numbness or tingling"). */
  private static final Set<String> COORDINATORS = Set.of("or", "and", "nor");

  /** Whether the phrase's terms are joined by a coordinator: a list of findings, not one compound finding. */
  private static boolean coordinated(SectionText s, List<Terms.Term> phrase) {
    for (int j = 1; j < phrase.size(); j++) {
      for (int k = phrase.get(j - 1).endTok(); k < phrase.get(j).tok(); k++) {
        if (COORDINATORS.contains(s.toks.get(k).low())) {
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
    byte[] pol = s.polarity();
    for (int i = 0; i < terms.size(); i++) {
      Terms.Term t = terms.get(i);
      if (EFFECTS.contains(t.text()) && pol[t.tok()] == Polarity.NEGATED && Polarity.deniedBy(s.toks, t.tok())) {
        // a denied effect is a phrase of its own: "[pillow] alleviates" is not about the pillow
        flush(cur, out);
        out.add(List.of(t));
        prev = null;
        continue;
      }
      if (!isFinding(t)) {
        flush(cur, out);
        prev = null;
        continue;
      }
      // a one-word expansion ("hematuria" is "blood" + "urine") is one phrase of its own, whatever the length cap
      boolean sameWord = prev != null && t.tok() == prev.tok();
      if (sameWord && !(t.endTok() == t.tok() + 1 && prev.endTok() == prev.tok() + 1)) {
        continue;
      }
      boolean startsExpansion = i + 1 < terms.size() && terms.get(i + 1).tok() == t.tok()
          && terms.get(i + 1).endTok() == t.tok() + 1 && t.endTok() == t.tok() + 1 && isFinding(terms.get(i + 1));
      boolean adjacent = prev != null && t.tok() - prev.endTok() <= 1 && t.tok() >= prev.endTok()
          && (t.tok() == prev.endTok() || s.toks.get(prev.endTok()).isWord());
      if (!adjacent && prev != null && ANATOMY.contains(t.text()) && !ANATOMY.contains(prev.text())
          && t.tok() - prev.endTok() == 2 && SITE_LINKS.contains(s.toks.get(prev.endTok()).low())
          && SITE_DETERMINERS.contains(s.toks.get(prev.endTok() + 1).low())) {
        // "pain in the calf": the finding at its site, compared with mentions of the two together when there are
        adjacent = true;
      }
      if (!sameWord && (!adjacent || cur.size() >= maxPhraseTerms || startsExpansion)) {
        flush(cur, out);
      }
      cur.add(t);
      prev = t;
    }
    flush(cur, out);
    return out;
  }

  /**
   * Effects: not findings in general ("her symptoms improved" is the frame of a finding), nor when a note sums one
   * up ("ibuprofen does not help" is often said of "it helps a little"), but an effect the patient denies is
   * ("denies that resting it on a pillow alleviates her pain" against "i put it on a pillow and i feel better").
   */
  private static final Set<String> EFFECTS = norms("improve");

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
      if (DEGREE.contains(t.low())) {
        return true;
      }
    }
    return false;
  }

  /** Treatments and tests: a note's denial of one alone is not judged (see check). */
  static final Set<String> TREATMENTS = norms("medication medications medicine medicines therapy therapies"
      + " psychotherapy antibiotic antibiotics injection injections surgery surgeries mri xray ct scan scans test"
      + " tests referral treatment treatments pill pills physical");

  private static boolean onlyTreatment(List<Terms.Term> phrase) {
    for (Terms.Term t : phrase) {
      if (!TREATMENTS.contains(t.text())) {
        return false;
      }
    }
    return true;
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

  @Override
  public String toString() {
    return "NegationConsistency[maxPhraseTerms=" + maxPhraseTerms + ", minMentions=" + minMentions + ", majority="
        + (majority == 0 ? "unanimous" : majority + ":1") + ", unconfirmedAssertions=" + unconfirmed
        + ", planAssertions=" + planAssertions + ", severity=" + severity + "]";
  }

  /** Builds {@link NegationConsistency}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private int maxPhraseTerms = 2;
    private int minMentions = 1;
    private int majority;
    private boolean unconfirmed;
    private boolean planAssertions = true;
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

    /**
     * Also flags a phrase the transcript mostly contradicts: {@code ratio} or more opposing mentions (after the
     * context and statement rules) per agreeing one. The default flags only when no counted mention agrees. A
     * lower ratio catches more flipped assertions and flags more clean sentences; the measured curve is in
     * docs/guides/guardrails.md (ratio 3 on ACI-Bench: flipped-negation recall 0.855 → 0.861 on validation seeds,
     * clean-note conflicts 2.04 → 2.18 per note).
     *
     * @param ratio 2..10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder majority(int ratio) {
      if (ratio < 2 || ratio > 10) {
        throw new IllegalArgumentException("majority ratio must be in 2..10, got " + ratio);
      }
      this.majority = ratio;
      return this;
    }

    /**
     * Also flags a finding the note asserts that the transcript only asks about, in a yes/no question no answer
     * confirms ("any trauma before that?" — "i've been lifting more", written up as "reports trauma"), in the
     * sections that record what the patient reports (history, review of systems). Off by default: on ACI-Bench it
     * catches 5 more of 504 flipped negations on the validation seeds (0.855 → 0.865) and flags 36 clean
     * gold-note phrases, most of them answered in words the layer does not read as yes. The measured figures are
     * in docs/guides/guardrails.md.
     *
     * @param on whether to flag unconfirmed assertions (code {@code UNCONFIRMED_ASSERTION})
     * @return this builder
     */
    public Builder unconfirmedAssertions(boolean on) {
      this.unconfirmed = on;
      return this;
    }

    /**
     * Whether a finding a plan or assessment section asserts is judged (default true). A plan names what it treats,
     * tests or warns about ("educate on blood sugar monitoring", "fracture cannot be excluded"; what a treatment
     * is for, "advise ibuprofen for fever", is never judged), and the transcript often negates that finding in the
     * present: on the published GPT-4 notes of ACI-Bench test1 every such conflict read by hand was a false alarm.
     * Off, the layer no longer flags them: on ACI-Bench, 7 fewer of 504 flipped negations caught on the validation
     * seeds (0.855 → 0.841) for 28 fewer clean gold-note findings (259 → 231) and 7 fewer on the published notes.
     *
     * @param judge false to leave a plan section's assertions unjudged (its denials are still judged)
     * @return this builder
     */
    public Builder planAssertions(boolean judge) {
      this.planAssertions = judge;
      return this;
    }

    /** @return the layer */
    public NegationConsistency build() {
      return new NegationConsistency(this);
    }
  }
}
