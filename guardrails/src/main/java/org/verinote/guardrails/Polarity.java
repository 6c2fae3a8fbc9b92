package org.verinote.guardrails;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ConText-style assertion status of each token: affirmed, negated (a negation cue before it, or "negative" after
 * it, within a scope that ends at a terminator), about someone else (family history; negated or not), or unknown
 * (hypothetical, or a question with no clear answer). Scope rules: {@link #SCOPE} content words after the cue;
 * "or", "nor" and "any" renew it over a list ("no JVD or any carotid bruits"); filler between the cue and its
 * content ("never really had any") does not use it up; "but", "however", "which", "some", "positive"… end it, and so do auxiliaries
 * ("has", "was"…) once the scope has reached content ("no fever, has a cough"). Pseudo-negations are not cues:
 * "not only", "no change", "no increase", "not sure", and "no" before a pronoun ("no, I wish") is an answer, not a
 * determiner. "or" right after the scope's last negated word still continues the list ("no tenderness to palpation
 * of the abdomen or tenderness of the cva"). A negation inside a hypothetical is not an assertion ("if there is no
 * improvement" is unknown). "family" is about relatives only before "history"/"members" ("family support" is the
 * patient's). Stateless; every method is linear in its tokens.
 */
final class Polarity {

  static final byte AFFIRMED = 0;
  static final byte NEGATED = 1;
  static final byte OTHER = 2;
  static final byte UNKNOWN = 3;
  /** About someone else, and negated ("no family history of colon cancer"). */
  static final byte OTHER_NEGATED = 4;
  /** About someone else, status unclear (a family-history question with no clear answer). */
  static final byte OTHER_UNKNOWN = 5;

  /** An answer that restricts ("just the finger"): only ever returned by {@link #answer}, never a status. */
  static final byte RESTRICTIVE = 6;

  static final int SCOPE = 6;
  /** The scope a list continuer ("or", "nor", "any") renews inside a negation. */
  static final int LIST_SCOPE = 4;

  private static final Set<String> PRE_NEG = Set.of("no", "not", "denies", "denied", "deny", "denying", "without",
      "never", "none", "nor", "doesn't", "don't", "didn't", "hasn't", "haven't", "isn't", "wasn't", "aren't",
      "weren't", "negative", "free", "absence", "absent", "nothing", "neither", "lack", "lacks", "resolved",
      "n't", "cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't");
  private static final Set<String> POST_NEG = Set.of("negative", "absent", "resolved", "denied");
  private static final Set<String> TERMINATORS = Set.of("but", "however", "although", "though", "except", "aside",
      "apart", "which", "who", "yet", "still", "besides", "now", "currently", "reports", "endorses",
      "complains", "presents", "notes", "states", "some", "positive", "yeah", "yes", "yep");
  /**
   * Auxiliaries that end a negation's scope only once the scope has reached content: "no fever, has a cough"
   * ends at "has", but "never had any nausea" and "hasn't had any chills" do not end at "had".
   */
  private static final Set<String> AUX_TERMINATORS = Set.of("has", "had", "have", "is", "was", "are", "were",
      "does", "did");
  /** Words between a cue and its content that neither end nor use up the scope ("not had any", "never really"). */
  private static final Set<String> SCOPE_GLUE = Set.of("any", "ever", "really", "been", "had", "have", "has", "got",
      "get", "noticed", "notice", "experienced", "experience", "felt", "feel", "seen", "see", "appreciate",
      "appreciated", "a", "an", "i", "you", "he", "she", "they", "it", "there", "think", "much", "whatsoever",
      "is", "was", "are", "were", "do", "did", "does");
  /** Words that continue a negated list ("no fever or chills", "no JVD nor any bruits") and renew its scope. */
  private static final Set<String> LIST_CONTINUERS = Set.of("or", "nor", "any");
  /** A cue followed by one of these is a pseudo-negation ("not only", "no change", "no increase"): not a cue. */
  private static final Set<String> PSEUDO_AFTER = Set.of("only", "just", "change", "changes", "changed",
      "increase", "increased", "doubt", "sure", "certain", "necessarily", "bad", "too");
  private static final Set<String> OTHER_CUES = Set.of("family", "mother", "father", "mom", "dad", "sister",
      "brother", "grandmother", "grandfather", "aunt", "uncle", "son", "daughter", "wife", "husband", "cousin");
  private static final Set<String> HYPOTHETICAL = Set.of("if", "whether", "should", "unless", "watch", "monitor",
      "prevent", "risk", "worry", "worried", "concern", "concerned", "call", "return", "check", "might",
      "could", "would", "possible", "possibly", "rule", "test", "screen", "risks", "may");
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
    boolean contentSinceCue = false;
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
      if (i > 0 && (TERMINATORS.contains(w) || (AUX_TERMINATORS.contains(w) && contentSinceCue)
          || (w.equals("other") && i + 1 < toks.size() && toks.get(i + 1).raw().equalsIgnoreCase("than")))) {
        negLeft = 0;
      }
      if ((negLeft > 0 || (i > 0 && p[i - 1] == NEGATED)) && LIST_CONTINUERS.contains(w)
          && (negLeft > 0 || (!w.equals("any") && toks.get(i - 1).isWord()))) {
        // "or" right after the scope's last negated word still continues the list ("no tenderness to palpation of
        // the abdomen or tenderness of the cva")
        negLeft = Math.max(negLeft, LIST_SCOPE);
      }
      if (OTHER_CUES.contains(w) && (!w.equals("family") || familyExperiencer(toks, i))) {
        otherLeft = SCOPE + 2;
      }
      if (POST_NEG.contains(w)) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
          if (toks.get(k).kind() == Tok.Kind.PUNCT && !toks.get(k).raw().equals(",")) {
            break;
          }
          if (p[k] == AFFIRMED) {
            p[k] = NEGATED;
          } else if (p[k] == OTHER) {
            p[k] = OTHER_NEGATED;
          }
        }
      }
      if (PRE_NEG.contains(w) && !pseudo(toks, i)) {
        negLeft = SCOPE;
        contentSinceCue = false;
        p[i] = NEGATED;
        continue;
      }
      if (negLeft > 0 && t.isWord() && !SCOPE_GLUE.contains(w) && !PRE_NEG.contains(w)) {
        contentSinceCue = true;
      }
      if (HYPOTHETICAL.contains(w)) {
        hypoLeft = SCOPE;
      }
      if (otherLeft > 0) {
        p[i] = negLeft > 0 ? OTHER_NEGATED : OTHER;
        otherLeft--;
      } else if (hypoLeft > 0) {
        p[i] = UNKNOWN;
        hypoLeft--;
      } else if (negLeft > 0) {
        p[i] = NEGATED;
      }
      if (negLeft > 0 && t.kind() != Tok.Kind.PUNCT && !SCOPE_GLUE.contains(w)) {
        negLeft--;
      }
      if (t.isPunct(',') && negLeft > 0) {
        negLeft = Math.max(negLeft, 3);
      }
    }
    return p;
  }

  /** Whether the cue at {@code i} is a pseudo-negation ("not only", "no change", "not sure"). */
  private static boolean pseudo(List<Tok> toks, int i) {
    if (i + 1 >= toks.size() || !toks.get(i + 1).isWord()) {
      return false;
    }
    String next = toks.get(i + 1).raw().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (PSEUDO_AFTER.contains(next)) {
      return true;
    }
    // "no" before a pronoun is an answer ("no i wish i had"), not a determiner negating what follows
    String w = toks.get(i).raw().toLowerCase(Locale.ROOT);
    return (w.equals("no") || w.equals("nope")) && INTERJECTION_NEXT.contains(next);
  }

  private static final Set<String> INTERJECTION_NEXT = Set.of("i", "i'm", "i've", "it", "it's", "we", "that",
      "that's", "they", "he", "she", "you", "because", "but", "thank", "thanks", "sir", "ma'am", "no", "yes", "not");

  /** What "family" must precede to be about relatives ("family history"), not the patient ("family support"). */
  private static final Set<String> FAMILY_EXPERIENCER_NEXT = Set.of("history", "hx", "medical", "member",
      "members");

  private static boolean familyExperiencer(List<Tok> toks, int i) {
    return i + 1 < toks.size() && FAMILY_EXPERIENCER_NEXT.contains(toks.get(i + 1).raw().toLowerCase(Locale.ROOT));
  }

  /** @return whether the status is about someone else (any polarity) */
  static boolean isOther(byte status) {
    return status == OTHER || status == OTHER_NEGATED || status == OTHER_UNKNOWN;
  }

  /**
   * The status a question's token takes from its answer: a question asserts nothing, so an affirmed term takes
   * the answer's status ("any fever?" — "no"); a negated one is confirmed only by a negative answer ("no issues
   * with the migraines?" — "none whatsoever") or a restrictive one ("no other injuries?" — "just the finger"),
   * which to an affirmed question is a yes ("any pain?" — "just a little"); about someone else keeps that, with
   * the answer's polarity.
   */
  static byte fromAnswer(byte inQuestion, byte answer) {
    switch (inQuestion) {
      case OTHER:
        return answer == NEGATED ? OTHER_NEGATED : answer == AFFIRMED || answer == RESTRICTIVE ? OTHER
            : OTHER_UNKNOWN;
      case OTHER_NEGATED:
        return answer == NEGATED ? OTHER_NEGATED : OTHER_UNKNOWN;
      case OTHER_UNKNOWN:
        return OTHER_UNKNOWN;
      case NEGATED:
        return answer == NEGATED || answer == RESTRICTIVE ? NEGATED : UNKNOWN;
      default:
        return answer == RESTRICTIVE ? AFFIRMED : answer;
    }
  }

  /**
   * How a patient's turn answers a question: {@link #NEGATED} for "no…", {@link #AFFIRMED} for "yes…",
   * {@link #RESTRICTIVE} for "just…"/"only…", {@link #UNKNOWN} otherwise.
   */
  static byte answer(List<Tok> answerToks) {
    int seen = 0;
    for (Tok t : answerToks) {
      String w = t.raw().toLowerCase(Locale.ROOT);
      if (t.kind() == Tok.Kind.PUNCT || FILLER.contains(w)) {
        continue;
      }
      if (w.equals("just") || w.equals("only")) {
        return RESTRICTIVE;
      }
      break;
    }
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

  private static final Set<String> WH_WORDS = Set.of("what", "how", "when", "where", "which", "why");

  /**
   * Where the question proper starts in the sentence {@code toks[from, to)} that ends with a question mark. Speech
   * recognition rarely splits sentences, so a statement often shares the sentence with the question that follows
   * it ("i don't see any laceration what happened ?"): the question starts at the last "do you"/"is it"/wh-word,
   * else at the last "any" or "but", else at {@code from}. Only the tokens from there on take their status from
   * the answer.
   */
  static int questionStart(List<Tok> toks, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (toks.get(i).raw().equalsIgnoreCase("but")) {
        return i;
      }
    }
    return from;
  }

  /** How far before the last question cue an unpunctuated question may start. */
  static final int QUESTION_REACH = 12;

  /**
   * Where an unpunctuated question starts, given its last cue {@code qs} ({@link #unpunctuatedQuestionStart}):
   * the earliest cue ("any", "do you", wh-word) within {@link #QUESTION_REACH} tokens before it, so that "are you
   * having any chest pain or tightness or anything like that" starts at "are", not at "anything".
   */
  static int widenQuestion(List<Tok> toks, int qs) {
    int start = qs;
    for (int i = qs - 1; i >= 0 && i >= qs - QUESTION_REACH; i--) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT && ".!?".contains(t.raw())) {
        break;
      }
      String w = t.raw().toLowerCase(Locale.ROOT);
      if (w.equals("any") || w.equals("anything") || WH_WORDS.contains(w)
          || (QUESTION_STARTERS.contains(w) && i + 1 < toks.size() && isSubject(toks.get(i + 1)))) {
        start = i;
      }
    }
    return start;
  }

  /**
   * Whether token {@code j} is negated by a clinician's own statement ("i don't see any laceration", "there's no
   * fracture"): such a negation stands even inside a sentence that ends as a question. A cue that continues a
   * stated negation with "and"/"or"/a comma is stated too ("i didn't see any gait disturbance and no edema").
   */
  static boolean statedNegation(List<Tok> toks, int j) {
    for (int k = j - 1; k >= 0 && k >= j - SCOPE - 4; k--) {
      Tok t = toks.get(k);
      if (t.kind() == Tok.Kind.PUNCT && !t.raw().equals(",")) {
        return false;
      }
      String w = t.raw().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      if (PRE_NEG.contains(w)) {
        int s = k - 1;
        while (s >= 0 && DECLARATIVE_AUX.contains(toks.get(s).raw().toLowerCase(Locale.ROOT))) {
          s--;
        }
        if (s >= 0 && DECLARATIVE_SUBJECTS.contains(toks.get(s).raw().toLowerCase(Locale.ROOT)
            .replace('\u2019', '\''))) {
          return true;
        }
        // "... and no edema": the cue continues the negated list before it, stated if that one is
        return k >= 2 && k < j && LIST_JOINERS.contains(toks.get(k - 1).raw().toLowerCase(Locale.ROOT))
            && toks.get(k - 2).isWord() && statedNegation(toks, k - 2);
      }
    }
    return false;
  }

  private static final Set<String> LIST_JOINERS = Set.of("and", "or", ",");
  private static final Set<String> DECLARATIVE_AUX = Set.of("do", "does", "did", "is", "are", "'s", "was", "am",
      "'m", "have", "has", "had", "'ve", "really");
  private static final Set<String> DECLARATIVE_SUBJECTS = Set.of("i", "we", "there", "there's", "i'm", "we're");

  private static boolean isSubject(Tok t) {
    String w = t.raw().toLowerCase(Locale.ROOT);
    return w.equals("you") || w.equals("it") || w.equals("that") || w.equals("there") || w.equals("this");
  }

  /** Subjects of a closing check ("is that painful", "does it hurt"). */
  private static final Set<String> CHECK_SUBJECTS = Set.of("that", "it", "this");
  private static final Set<String> QUESTION_STARTERS = Set.of("any", "anything", "have", "do", "did", "are", "is",
      "was", "were", "does", "has", "had", "how", "what", "when", "where", "ever");

  /**
   * Where an unpunctuated question starts in a clinician's turn ("have you had any fever or chills" from ASR
   * without a question mark): the last "any"/"have you"/"do you"/"did you"/"are you"… position, or a closing
   * check among the turn's last four tokens ("… press on the outside is that painful", "does it hurt"), or -1.
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
      if (i >= toks.size() - 4 && QUESTION_STARTERS.contains(w) && i + 1 < toks.size() && CHECK_SUBJECTS.contains(
          toks.get(i + 1).raw().toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }
}
