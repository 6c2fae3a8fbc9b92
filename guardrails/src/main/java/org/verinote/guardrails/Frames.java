package org.verinote.guardrails;

import java.util.List;
import java.util.Set;

/**
 * Paraphrase frames for {@link NegationConsistency}: transcript wordings that state a note phrase without using
 * its words. "i have not taken anything for the pain" says, negated, what a note calls "pain medications"; the
 * frame's mention carries the status of the finding it is about ("pain" in that sentence). Only past or ongoing
 * taking counts ("took", "taken", "tried", "taking", "did you take"): advice ("you can take something for the
 * pain") and plans ("we will give you something for the pain") say nothing about what the patient has taken.
 * Stateless; linear in the mentions of the finding.
 */
final class Frames {

  private Frames() {}

  /** The canonical term for "medication(s)", "medicine", "meds". */
  static final String MEDICINE = canonical("medication");

  /** Verbs of having taken a treatment, whatever comes before them. */
  private static final Set<String> TAKEN = Set.of("took", "taken", "taking", "tried", "trying", "used", "using");
  /** Verbs of taking that count only after "did"/"not" ("did you take", "didn't try"); else advice or plan. */
  private static final Set<String> TAKE = Set.of("take", "try", "use");
  private static final Set<String> TAKE_AUX = Set.of("did", "didn't", "n't", "not", "never");
  /** What is taken, when the transcript does not name it ("anything for the pain"). */
  private static final Set<String> TREATMENTS = Set.of("anything", "something", "nothing", "medicine", "medicines",
      "medication", "medications", "meds", "pills");
  private static final Set<String> DETERMINERS = Set.of("the", "my", "your", "his", "her", "their", "this", "that");

  /**
   * The finding a phrase names a treatment for ("pain medications" → "pain"), or null: a two-term phrase whose
   * second term is {@link #MEDICINE} and whose first is not a body site.
   */
  static Terms.Term treated(List<Terms.Term> phrase) {
    if (phrase.size() != 2 || !phrase.get(1).text().equals(MEDICINE)
        || NegationConsistency.ANATOMY.contains(phrase.get(0).text())) {
      return null;
    }
    return phrase.get(0);
  }

  /**
   * Adds the transcript's mentions of taking a treatment for the phrase's finding ("have you taken anything for
   * the pain?" — "no"; "i took some ibuprofen for the pain"), each with the finding's status there. Adds nothing
   * if the phrase does not name a treatment ({@link #treated}).
   */
  static void treatmentMentions(TranscriptIndex idx, List<Terms.Term> phrase, boolean other,
      List<Mentions.Mention> out) {
    Terms.Term finding = treated(phrase);
    if (finding == null) {
      return;
    }
    out.addAll(mentionsWhere(idx, finding.text(), other, Frames::takenFor));
  }

  /** The clear mentions of {@code term} whose token satisfies {@code where} (the turn's tokens, its index). */
  private static List<Mentions.Mention> mentionsWhere(TranscriptIndex idx, String term, boolean other,
      java.util.function.BiPredicate<List<Tok>, Integer> where) {
    List<Mentions.Mention> out = new java.util.ArrayList<>();
    int[] turns = idx.turnsByTerm.get(term);
    if (turns == null) {
      return out;
    }
    for (int turn : turns) {
      List<Terms.Term> tt = idx.terms.get(turn);
      List<Tok> toks = idx.toks.get(turn);
      for (int k = 0; k < tt.size(); k++) {
        if (tt.get(k).text().equals(term) && where.test(toks, tt.get(k).tok())) {
          Mentions.Mention m = Mentions.at(idx, turn, k, other);
          if (m != null) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  /** Whether the token at {@code at} ends "taken anything for (the) …" / "took ibuprofen for (my) …". */
  private static boolean takenFor(List<Tok> toks, int at) {
    int j = at - 1;
    for (int skipped = 0; j >= 0 && skipped < 2 && DETERMINERS.contains(lower(toks.get(j))); skipped++) {
      j--;
    }
    if (j < 2 || !lower(toks.get(j)).equals("for")) {
      return false;
    }
    Tok object = toks.get(--j);
    if (!TREATMENTS.contains(lower(object)) && !Lexicon.MEDICATIONS.contains(object.norm())) {
      return false;
    }
    j--;
    if (j >= 0 && (lower(toks.get(j)).equals("any") || lower(toks.get(j)).equals("some"))) {
      j--;
    }
    if (j < 0) {
      return false;
    }
    String verb = lower(toks.get(j));
    if (TAKEN.contains(verb)) {
      return true;
    }
    if (!TAKE.contains(verb)) {
      return false;
    }
    for (int k = j - 1; k >= 0 && k >= j - 2; k--) {
      if (TAKE_AUX.contains(lower(toks.get(k)))) {
        return true;
      }
    }
    return false;
  }

  /** The canonical terms of "incontinence" and "control". */
  private static final String INCONTINENCE = canonical("incontinence");
  private static final String CONTROL = canonical("control");
  /** What continence is of ("control over your bladder", "bowel control"). */
  private static final Set<String> CONTINENT_OF = Set.of("bladder", "bowel", "bowels", "urine", "stool", "stools",
      "urination");
  private static final Set<String> LOSS = Set.of("loss", "lose", "lost", "losing");

  /**
   * Adds the transcript's mentions of bladder or bowel control for a phrase naming incontinence, with the status
   * turned over: "do you have control over your bladder?" — "yes" denies incontinence; "i lost control of my
   * bowels" asserts it. Adds nothing for any other phrase.
   */
  static void continenceMentions(TranscriptIndex idx, List<Terms.Term> phrase, boolean other,
      List<Mentions.Mention> out) {
    boolean names = false;
    for (Terms.Term t : phrase) {
      names |= t.text().equals(INCONTINENCE);
    }
    if (!names) {
      return;
    }
    for (Mentions.Mention m : mentionsWhere(idx, CONTROL, other, Frames::ofContinence)) {
      List<Tok> toks = idx.toks.get(m.turn());
      int at = m.firstTok();
      if (m.asked() && !hadBefore(toks, at)) {
        // "what about bladder control, any accidents?" — "no" denies the accidents, not the control
        continue;
      }
      // "lost control of my bowels", "no issues with bladder control": incontinence itself, not turned over
      int head = at > 0 && CONTINENT_OF.contains(lower(toks.get(at - 1))) ? at - 1 : at;
      boolean lost = head > 0 && LOSS.contains(lower(toks.get(head - 1)))
          || head > 1 && lower(toks.get(head - 1)).equals("of") && LOSS.contains(lower(toks.get(head - 2)))
          || Mentions.problemFramed(toks, head);
      out.add(lost ? m : new Mentions.Mention(m.turn(), m.term(), m.firstTok(),
          m.polarity() == Polarity.AFFIRMED ? Polarity.NEGATED : Polarity.AFFIRMED, m.asked()));
    }
  }

  private static final Set<String> HAVE = Set.of("have", "has", "had", "having");

  /** Whether "have" stands up to three words before {@code at} ("do you have (complete) control over …"). */
  private static boolean hadBefore(List<Tok> toks, int at) {
    for (int j = at - 1; j >= 0 && j >= at - 3; j--) {
      if (HAVE.contains(lower(toks.get(j)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether "control" at {@code at} is of the bladder or bowels: right before it, or within four words after. */
  private static boolean ofContinence(List<Tok> toks, int at) {
    if (at > 0 && CONTINENT_OF.contains(lower(toks.get(at - 1)))) {
      return true;
    }
    for (int j = at + 1; j < toks.size() && j <= at + 4; j++) {
      if (CONTINENT_OF.contains(lower(toks.get(j)))) {
        return true;
      }
    }
    return false;
  }

  private static String lower(Tok t) {
    return t.low().replace('\u2019', '\'');
  }

  private static String canonical(String word) {
    List<Tok> toks = Tokenizer.tokenize(word);
    List<Terms.Term> terms = Terms.of(toks, 0, toks.size(), false);
    return terms.get(0).text();
  }
}
