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
    int[] turns = idx.turnsByTerm.get(finding.text());
    if (turns == null) {
      return;
    }
    for (int turn : turns) {
      List<Terms.Term> tt = idx.terms.get(turn);
      List<Tok> toks = idx.toks.get(turn);
      for (int k = 0; k < tt.size(); k++) {
        if (tt.get(k).text().equals(finding.text()) && takenFor(toks, tt.get(k).tok())) {
          Mentions.Mention m = Mentions.at(idx, turn, k, other);
          if (m != null) {
            out.add(m);
          }
        }
      }
    }
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

  private static String lower(Tok t) {
    return t.low().replace('\u2019', '\'');
  }

  private static String canonical(String word) {
    List<Tok> toks = Tokenizer.tokenize(word);
    List<Terms.Term> terms = Terms.of(toks, 0, toks.size(), false);
    return terms.get(0).text();
  }
}
