package org.verinote.guardrails;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ConText-style assertion status of each token: affirmed, negated (a negation cue before it, or "negative" after
 * it, within a scope that ends at a terminator), about someone else (family history), or unknown (a question with
 * no clear answer). Stateless.
 */
final class Polarity {

  static final byte AFFIRMED = 0;
  static final byte NEGATED = 1;
  static final byte OTHER = 2;
  static final byte UNKNOWN = 3;

  static final int SCOPE = 6;

  private static final Set<String> PRE_NEG = Set.of("no", "not", "denies", "denied", "deny", "denying", "without",
      "never", "none", "nor", "doesn't", "don't", "didn't", "hasn't", "haven't", "isn't", "wasn't", "aren't",
      "weren't", "negative", "free", "absence", "absent", "nothing", "neither", "lack", "lacks", "resolved",
      "n't", "cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't");
  private static final Set<String> POST_NEG = Set.of("negative", "absent", "resolved", "denied");
  private static final Set<String> TERMINATORS = Set.of("but", "however", "although", "though", "except", "aside",
      "apart", "which", "who", "yet", "still", "besides", "other", "now", "currently", "reports", "endorses",
      "has", "had", "have", "is", "was", "are", "were", "does", "did", "complains", "presents", "notes", "states");
  private static final Set<String> OTHER_CUES = Set.of("family", "mother", "father", "mom", "dad", "sister",
      "brother", "grandmother", "grandfather", "aunt", "uncle", "son", "daughter", "wife", "husband", "cousin");
  private static final Set<String> HYPOTHETICAL = Set.of("if", "whether", "should", "unless", "watch", "monitor",
      "prevent", "risk", "worry", "worried", "concern", "concerned", "call", "return", "check", "might",
      "could", "would", "possible", "possibly", "rule", "test", "screen");
  private static final Set<String> NEG_ANSWER = Set.of("no", "nope", "nah", "never", "none", "negative", "not");
  private static final Set<String> POS_ANSWER = Set.of("yes", "yeah", "yep", "yup", "uh-huh", "mm-hmm", "sure",
      "correct", "definitely", "absolutely", "some", "little", "sometimes", "mm", "mhm");
  private static final Set<String> FILLER = Set.of("um", "uh", "oh", "well", "so", "hmm", "ah", "okay", "ok");

  private Polarity() {}

  /**
   * Assertion status of every token.
   *
   * @param toks tokens of one sentence, section or turn
   * @return status per token
   */
  static byte[] of(List<Tok> toks) {
    byte[] p = new byte[toks.size()];
    int negLeft = 0;
    int otherLeft = 0;
    int hypoLeft = 0;
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      String w = t.raw().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (t.kind() == Tok.Kind.PUNCT && !t.raw().equals(",") && !t.raw().equals("/") && !t.raw().equals("(")
          && !t.raw().equals(")")) {
        negLeft = 0;
        otherLeft = 0;
        hypoLeft = 0;
        continue;
      }
      if (TERMINATORS.contains(w) && i > 0) {
        negLeft = 0;
      }
      if (OTHER_CUES.contains(w)) {
        otherLeft = SCOPE + 2;
      }
      if (POST_NEG.contains(w)) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
          if (toks.get(k).kind() == Tok.Kind.PUNCT && !toks.get(k).raw().equals(",")) {
            break;
          }
          if (p[k] == AFFIRMED) {
            p[k] = NEGATED;
          }
        }
      }
      if (PRE_NEG.contains(w)) {
        negLeft = SCOPE;
        p[i] = NEGATED;
        continue;
      }
      if (HYPOTHETICAL.contains(w)) {
        hypoLeft = SCOPE;
      }
      if (otherLeft > 0) {
        p[i] = OTHER;
        otherLeft--;
      } else if (hypoLeft > 0 && negLeft == 0) {
        p[i] = UNKNOWN;
        hypoLeft--;
      } else if (negLeft > 0) {
        p[i] = NEGATED;
      }
      if (negLeft > 0 && t.kind() != Tok.Kind.PUNCT) {
        negLeft--;
      }
      if (t.isPunct(',') && negLeft > 0) {
        negLeft = Math.max(negLeft, 3);
      }
    }
    return p;
  }

  /**
   * How a patient's turn answers a question: {@link #NEGATED} for "no…", {@link #AFFIRMED} for "yes…",
   * {@link #UNKNOWN} otherwise.
   */
  static byte answer(List<Tok> answerToks) {
    int seen = 0;
    for (Tok t : answerToks) {
      if (t.kind() == Tok.Kind.PUNCT) {
        continue;
      }
      String w = t.raw().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (FILLER.contains(w)) {
        continue;
      }
      if (NEG_ANSWER.contains(w) || w.equals("n't") || w.endsWith("n't")) {
        return NEGATED;
      }
      if (POS_ANSWER.contains(w)) {
        return AFFIRMED;
      }
      if (++seen >= 5) {
        break;
      }
    }
    return UNKNOWN;
  }

  private static final Set<String> QUESTION_STARTERS = Set.of("any", "anything", "have", "do", "did", "are", "is",
      "was", "were", "does", "has", "had", "how", "what", "when", "where", "ever");

  /**
   * Where an unpunctuated question starts in a clinician's turn ("have you had any fever or chills" from ASR
   * without a question mark): the last "any"/"have you"/"do you"/"did you"/"are you"… position, or -1.
   */
  static int unpunctuatedQuestionStart(List<Tok> toks) {
    for (int i = toks.size() - 1; i >= 0; i--) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT && ".!".contains(t.raw())) {
        return -1;
      }
      String w = t.raw().toLowerCase(Locale.ROOT);
      if (w.equals("any") || w.equals("anything")) {
        return i;
      }
      if (QUESTION_STARTERS.contains(w) && i + 1 < toks.size()
          && toks.get(i + 1).raw().toLowerCase(Locale.ROOT).equals("you")) {
        return i;
      }
    }
    return -1;
  }
}
