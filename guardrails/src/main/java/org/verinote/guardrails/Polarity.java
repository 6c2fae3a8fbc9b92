package org.verinote.guardrails;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ConText-style assertion status of each token: affirmed, negated (a negation cue before it, or "negative" after
 * it, within a scope that ends at a terminator), about someone else (family history; negated or not), or unknown
 * (hypothetical, or a question with no clear answer). Scope rules: {@link #SCOPE} content words after the cue;
 * "or", "nor" and "any" renew it over a list ("no JVD or any carotid bruits"); filler between the cue and its
 * content ("never really had any", "don't seem to have any") does not use it up; "but", "however", "which",
 * "some", "positive"… end it, and so do auxiliaries ("has", "was"…) once the scope has reached content ("no fever,
 * has a cough"). Pseudo-negations are not cues:
 * "not only", "no change", "no increase", "not sure", and "no" before a pronoun ("no, I wish") is an answer, not a
 * determiner. "or" right after the scope's last negated word still continues the list ("no tenderness to palpation
 * of the abdomen or tenderness of the cva"). A negation inside a hypothetical is not an assertion ("if there is no
 * improvement" is unknown). "family" is about relatives only before "history"/"members" ("family support" is the
 * patient's). A denial ("denies") whose clause ends in an effect verb negates that verb however far away it stands
 * ("denies that resting it on a pillow alleviates her pain"). {@link #planned} marks a clinician's future and plan
 * clauses (ConText's temporality). Stateless; every method is linear in its tokens.
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
      "never", "none", "nor", "nobody", "noone", "doesn't", "don't", "didn't", "hasn't", "haven't", "isn't", "wasn't",
      "aren't", "weren't", "negative", "free", "absence", "absent", "nothing", "neither", "lack", "lacks", "resolved",
      "n't", "cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "forbidden", "forbids", "banned", "unaware");
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
  /** Raising verbs: "doesn't seem to have", "does not appear to be". */
  private static final Set<String> RAISING = Set.of("seem", "seems", "seemed", "appear", "appears", "appeared", "look",
      "looks", "looked", "sound", "sounds");
  /** Words that continue a negated list ("no fever or chills", "no JVD nor any bruits") and renew its scope. */
  private static final Set<String> LIST_CONTINUERS = Set.of("or", "nor", "any");
  /** A cue followed by one of these is a pseudo-negation ("not only", "no change", "no increase"): not a cue. */
  private static final Set<String> PSEUDO_AFTER = Set.of("only", "just", "change", "changes", "changed",
      "increase", "increased", "doubt", "sure", "certain", "necessarily", "bad", "too");
  private static final Set<String> OTHER_CUES = Set.of("family", "mother", "father", "mom", "dad", "sister",
      "brother", "grandmother", "grandfather", "aunt", "uncle", "son", "daughter", "wife", "husband", "cousin");
  /**
   * Conditions, possibilities, advice — and definitions for the patient ("that just means redness or bruising"):
   * what follows asserts nothing.
   */
  private static final Set<String> HYPOTHETICAL = Set.of("if", "whether", "should", "unless", "watch", "monitor",
      "prevent", "risk", "worry", "worried", "concern", "concerned", "call", "return", "check", "might",
      "could", "would", "possible", "possibly", "rule", "test", "screen", "checking", "evaluate", "evaluating",
      "risks", "may", "means", "meaning");
  /** Cues whose object may be a whole clause ("denies that resting it on a pillow alleviates her pain"). */
  private static final Set<String> CLAUSE_DENIALS = Set.of("denies", "denied", "deny", "denying");
  /**
   * Effect verbs: the predicate of a denied clause, negated however far past the scope it stands ("denies
   * fully extending her arm while resting it on a pillow alleviates the pain"); what they act on is not.
   */
  private static final Set<String> EFFECT_VERBS = Set.of("alleviates", "alleviate", "alleviated", "relieves",
      "relieve", "relieved", "helps", "help", "helped", "improves", "improve", "improved", "worsens", "worsen",
      "worsened", "aggravates", "aggravate", "aggravated", "exacerbates", "exacerbate", "exacerbated");
  private static final Set<String> NEG_ANSWER = Set.of("no", "nope", "nah", "never", "none", "negative", "not");
  private static final Set<String> POS_ANSWER = Set.of("yes", "yeah", "yep", "yup", "uh-huh", "mm-hmm", "sure",
      "correct", "right", "definitely", "absolutely", "some", "little", "sometimes", "mm", "mhm");
  private static final Set<String> FILLER = Set.of("um", "uh", "oh", "well", "so", "hmm", "ah", "okay", "ok");

  // The word sets above, as bit flags of one map: the cue reader looks each transcript word up once, not a dozen
  // times (it runs over every word of every transcript).
  private static final int F_PRE_NEG = 1;
  private static final int F_POST_NEG = 1 << 1;
  private static final int F_TERMINATOR = 1 << 2;
  private static final int F_AUX_TERMINATOR = 1 << 3;
  private static final int F_SCOPE_GLUE = 1 << 4;
  private static final int F_RAISING = 1 << 5;
  private static final int F_LIST_CONTINUER = 1 << 6;
  private static final int F_OTHER_CUE = 1 << 7;
  private static final int F_HYPOTHETICAL = 1 << 8;
  private static final int F_CLAUSE_DENIAL = 1 << 9;
  private static final int F_EFFECT_VERB = 1 << 10;
  private static final Map<String, Integer> CUE_FLAGS = cueFlags();

  private static Map<String, Integer> cueFlags() {
    Map<String, Integer> m = new HashMap<>();
    List<Set<String>> sets = List.of(PRE_NEG, POST_NEG, TERMINATORS, AUX_TERMINATORS, SCOPE_GLUE, RAISING,
        LIST_CONTINUERS, OTHER_CUES, HYPOTHETICAL, CLAUSE_DENIALS, EFFECT_VERBS);
    for (int bit = 0; bit < sets.size(); bit++) {
      int flag = 1 << bit;
      sets.get(bit).forEach(w -> m.merge(w, flag, (x, y) -> x | y));
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Verbs that show a "your …" after a negated finding starts a clause of its own. */
  private static final Set<String> CLAUSE_VERBS = Set.of("is", "are", "was", "were", "looks", "look", "sound",
      "sounds", "feels", "feel", "seems", "seem");

  /** Whether "your" at {@code i} opens a clause of its own: a verb within the next three words ("your lungs are"). */
  private static boolean newClauseAfter(List<Tok> toks, int i) {
    for (int k = i + 2; k <= i + 3 && k < toks.size(); k++) {
      if (CLAUSE_VERBS.contains(toks.get(k).low())) {
        return !LINK_BEFORE.contains(toks.get(i - 1).low());
      }
    }
    return false;
  }

  private static final Set<String> LINK_BEFORE = Set.of("in", "on", "of", "to", "at", "with", "over", "from",
      "around", "about", "for", "under", "into", "along", "across", "near", "behind", "and", "or");

  private Polarity() {}

  /**
   * Assertion status of every token.
   *
   * @param toks tokens of one sentence, section or turn
   * @return status per token
   */
  static byte[] of(List<Tok> toks) {
    return of(toks, false);
  }

  /**
   * Assertion status of every token, as {@link #of(List)}, for spoken or written text.
   *
   * @param toks tokens of one sentence, section or turn
   * @param written whether the text is a written note: there a comma after a negated item continues the list with
   *     a full scope ("denies weakness, loss of sensation in the genital or rectal area, or loss of bladder control")
   * @return status per token
   */
  static byte[] of(List<Tok> toks, boolean written) {
    byte[] p = new byte[toks.size()];
    int negLeft = 0;
    int otherLeft = 0;
    int hypoLeft = 0;
    boolean contentSinceCue = false;
    boolean deniedClause = false;
    boolean lastWasCondition = false;
    // words left of a negated subject ("no one in my family", "none of them") before its verb; -1 for none
    int subjectLeft = -1;
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      String w = t.low().replace('’', '\'');
      if (t.kind() == Tok.Kind.PUNCT && !t.raw().equals(",") && !t.raw().equals("/") && !t.raw().equals("(")
          && !t.raw().equals(")")) {
        negLeft = 0;
        otherLeft = 0;
        hypoLeft = 0;
        deniedClause = false;
        subjectLeft = -1;
        continue;
      }
      int f = CUE_FLAGS.getOrDefault(w, 0);
      if (w.equals("non") && i + 1 < toks.size() && NON_HABITS.contains(toks.get(i + 1).low())) {
        // "non-smoker", "a non-cigarette smoker": the habit is denied (other "non-" words are left alone: a site
        // or a state after "non-" is not a finding the transcript says the same way)
        f |= F_PRE_NEG;
      }
      if (subjectLeft >= 0 && negLeft > 0) {
        if (SUBJECT_VERBS.contains(w)) {
          // "no one in my family has had cancer": the denial starts again at the subject's verb
          subjectLeft = -1;
          negLeft = SCOPE;
          contentSinceCue = false;
          p[i] = otherLeft > 0 ? OTHER_NEGATED : NEGATED;
          if (otherLeft > 0) {
            otherLeft--;
          }
          continue;
        }
        if (subjectLeft-- == 0 || t.kind() == Tok.Kind.PUNCT) {
          subjectLeft = -1;
        }
      }
      if (negLeft > 0 && contentSinceCue && w.equals("your") && newClauseAfter(toks, i)) {
        // an unpunctuated exam runs its clauses together: "there is no bruits your lungs are clear"
        negLeft = 0;
      }
      // "not a problem and you said that you heard a pop", "… when i listen to your lungs": a clause of its own
      boolean reported = contentSinceCue && SCOPE_ENDING_VERBS.contains(w);
      // "not had positive blood cultures": "positive" before any content qualifies what is denied
      boolean terminates = (f & F_TERMINATOR) != 0 && (contentSinceCue || !w.equals("positive"));
      if (i > 0 && (reported || terminates || ((f & F_AUX_TERMINATOR) != 0 && contentSinceCue)
          || (w.equals("other") && i + 1 < toks.size() && toks.get(i + 1).raw().equalsIgnoreCase("than")))) {
        negLeft = 0;
        deniedClause &= !terminates;
      }
      if (deniedClause && negLeft == 0 && otherLeft == 0 && hypoLeft == 0 && (f & F_EFFECT_VERB) != 0) {
        p[i] = NEGATED;
        deniedClause = false;
        continue;
      }
      if (w.equals("as") && i > 0 && toks.get(i - 1).low().equals("such") && (negLeft > 0 || p[i - 1] == NEGATED
          || i > 1 && p[i - 2] == NEGATED)) {
        // "denied any history of problems in school such as learning disabilities, …": the examples are denied too
        negLeft = SCOPE;
        p[i] = NEGATED;
        continue;
      }
      if ((negLeft > 0 || (i > 0 && p[i - 1] == NEGATED)) && (f & F_LIST_CONTINUER) != 0
          && (negLeft > 0 || (!w.equals("any") && toks.get(i - 1).isWord()))) {
        // "or" right after the scope's last negated word still continues the list ("no tenderness to palpation of
        // the abdomen or tenderness of the cva")
        negLeft = Math.max(negLeft, LIST_SCOPE);
      }
      if ((f & F_OTHER_CUE) != 0 && (!w.equals("family") || familyExperiencer(toks, i))) {
        otherLeft = SCOPE + 2;
      }
      if ((f & F_POST_NEG) != 0 || labelDenied(toks, i, w) || notAnIssue(toks, i)) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
          if (toks.get(k).kind() == Tok.Kind.PUNCT && !toks.get(k).raw().equals(",")
              && !(k == i - 1 && toks.get(k).raw().equals(":"))) {
            // a label's value goes back over its colon: "Protein: Negative."
            break;
          }
          if (p[k] == AFFIRMED) {
            p[k] = NEGATED;
          } else if (p[k] == OTHER) {
            p[k] = OTHER_NEGATED;
          }
        }
      }
      if ((f & F_PRE_NEG) != 0 && notRemembering(toks, i)) {
        // "i don't remember hurting my shoulder", "i don't recall any injury": not knowing is no denial
        p[i] = UNKNOWN;
        hypoLeft = SCOPE;
        negLeft = 0;
        continue;
      }
      if ((f & F_PRE_NEG) != 0 && noChangeIn(toks, i)) {
        // "no changes in his foods, medications": says nothing of whether he takes them
        hypoLeft = SCOPE;
      }
      if ((f & F_PRE_NEG) != 0 && !pseudo(toks, i)) {
        deniedClause = (f & F_CLAUSE_DENIAL) != 0;
        negLeft = SCOPE;
        contentSinceCue = false;
        p[i] = NEGATED;
        subjectLeft = negatedSubject(toks, i) ? SUBJECT_WORDS : -1;
        continue;
      }
      if (subjectLeft >= 0) {
        // the subject's own words ("one", "in my family", "of them") are not what is denied
        if ((f & F_OTHER_CUE) != 0 && (!w.equals("family") || familyExperiencer(toks, i))) {
          otherLeft = SCOPE + 2;
        }
        p[i] = otherLeft > 0 ? OTHER_NEGATED : NEGATED;
        continue;
      }
      // "don't seem to have any": a raising verb and its "to" are filler between the cue and its content
      boolean glue = (f & F_SCOPE_GLUE) != 0 || (f & F_RAISING) != 0
          || ((w.equals("to") || w.equals("like")) && i > 0 && RAISING.contains(toks.get(i - 1).low()));
      if (negLeft > 0 && t.isWord() && !glue && (f & F_PRE_NEG) == 0) {
        contentSinceCue = true;
      }
      if ((f & F_HYPOTHETICAL) != 0) {
        hypoLeft = SCOPE;
      } else if ((hypoLeft > 0 || lastWasCondition) && w.equals("or")) {
        // "call us if you have any fever or chills or a rash": one condition list, also when its scope ran out
        // on the word before the "or" ("if the headaches become more severe or suddenly worsen or you develop a
        // fever")
        hypoLeft = Math.max(hypoLeft, LIST_SCOPE);
      }
      lastWasCondition = false;
      if (otherLeft > 0) {
        p[i] = negLeft > 0 ? OTHER_NEGATED : OTHER;
        otherLeft--;
      } else if (hypoLeft > 0) {
        p[i] = UNKNOWN;
        lastWasCondition = true;
        // like a negation's, a condition's scope counts content words ("if you develop a fever")
        hypoLeft -= (f & F_SCOPE_GLUE) != 0 ? 0 : 1;
      } else if (negLeft > 0) {
        p[i] = NEGATED;
      }
      if (negLeft > 0 && t.kind() != Tok.Kind.PUNCT && !glue) {
        negLeft--;
      }
      if (t.isPunct(',') && (negLeft > 0 || !written && i > 0 && p[i - 1] == NEGATED && toks.get(i - 1).isWord()
          && i + 1 < toks.size() && toks.get(i + 1).isWord() && !CLAUSE_OPENERS.contains(toks.get(i + 1).low()))) {
        // in speech, also when the scope ran out on the word before the comma: a dictated list goes on ("he denies
        // any symptoms of fever or shortness of breath, cough, vomiting"), unless a clause opens ("…, and i felt")
        negLeft = Math.max(negLeft, written ? SCOPE : 3);
        if (!written && i + 1 < toks.size() && SUBJECTS.contains(toks.get(i + 1).low())) {
          // in speech a clause opening after the comma ends the denial: "not well, it feels unstable"
          negLeft = 0;
        }
        if (i + 1 < toks.size() && STATES.contains(toks.get(i + 1).low())) {
          // "no clubbing, strong bilateral pulses, brisk capillary refill": a state after the comma is a new
          // finding, stated as it is, not another item of the denial
          negLeft = 0;
        }
      }
    }
    return p;
  }

  /**
   * Verbs that end a negation's scope once it has reached content: reported speech ("not a problem and you said
   * that you heard a pop") and the clinician's exam actions ("i don't appreciate any murmur when i listen to your
   * lungs" — the lungs are examined, not denied).
   */
  private static final Set<String> SCOPE_ENDING_VERBS = Set.of("said", "mentioned", "told", "listen", "listening",
      "look", "looking", "press", "pressing", "palpate", "palpating", "examine", "examining", "check", "checking");

  /** Words stating a finding's state: after a denial list's comma, they begin a new, affirmed item. */
  private static final Set<String> STATES = Set.of("strong", "brisk", "normal", "intact", "clear", "full", "good",
      "regular", "soft", "symmetric", "symmetrical", "equal", "palpable", "present", "positive", "benign",
      "unremarkable", "stable", "supple", "warm", "appropriate", "healthy");

  /** One-word future and plan markers of a clinician ("we'll start", "i'll prescribe", "i recommend"). */
  private static final Set<String> PLAN_WORDS = Set.of("will", "i'll", "we'll", "you'll", "let's", "plan",
      "planning", "prescribe", "prescribing", "recommend", "recommending");
  /** Two-word ones: "gon na", "going to", "wan na", "want to". */
  private static final Set<String> PLAN_FIRST = Set.of("gon", "going", "wan", "want");
  /**
   * Words that end a plan's clause: another clause ("because the pain is bad"), a new subject or question ("i'm gon
   * na listen here no i don't hear any bruits", "let's now do you feel sick"), a turn of the talk ("okay", "so").
   */
  private static final Set<String> PLAN_ENDS = Set.of("but", "because", "since", "although", "though", "so", "if",
      "when", "until", "unless", "i", "we", "i'm", "we're", "i've", "we've", "it's", "that's", "there's", "there",
      "he", "she", "they", "he's", "she's", "do", "does", "did", "are", "is", "can", "okay", "ok", "alright",
      "now", "no", "not", "n't", "don't", "didn't", "doesn't");
  /** Plans that keep what is now: "we'll continue the lisinopril", "i want you to stay on it". */
  private static final Set<String> CURRENT_PLANS = Set.of("continue", "keep", "stay", "remain", "maintain");
  /** Subjects a plan marker may have, for the object before them ("the medications i'm gon na give you"). */
  private static final Set<String> PLAN_SUBJECTS = Set.of("i", "we", "i'm", "we're");
  /** Words a plan reaches past its marker, at most. */
  static final int PLAN_SCOPE = 8;

  /**
   * ConText's temporality for a clinician's words: which tokens are inside a future or plan clause ("i'm gon na
   * prescribe you some medications", "we'll start physical therapy"). Such a mention says what will be done, not
   * what the patient has or takes now. The clause runs from the marker to the end of the sentence, a clause word
   * ("but", "because", "if"…) or {@link #PLAN_SCOPE} words.
   *
   * @param toks tokens of one turn
   * @return per token, whether it is planned
   */
  static boolean[] planned(List<Tok> toks) {
    boolean[] out = new boolean[toks.size()];
    int left = 0;
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT) {
        if (".!?;:".contains(t.raw())) {
          left = 0;
        }
        continue;
      }
      String w = t.low().replace('\u2019', '\'');
      if (PLAN_ENDS.contains(w)) {
        left = 0;
      }
      if (PLAN_WORDS.contains(w) || (PLAN_FIRST.contains(w) && i + 1 < toks.size()
          && (toks.get(i + 1).raw().equalsIgnoreCase("na") || toks.get(i + 1).raw().equalsIgnoreCase("to")))) {
        // the object of a relative clause stands before it: "the medications [i'm gon na give you]"
        int obj = w.indexOf('\'') > 0 ? i - 1 : i >= 1 && PLAN_SUBJECTS.contains(lower(toks.get(i - 1))) ? i - 2 : -1;
        if (obj >= 0 && toks.get(obj).isWord() && !PLAN_ENDS.contains(lower(toks.get(obj)))) {
          out[obj] = true;
        }
        left = PLAN_SCOPE;
        continue;
      }
      if (CURRENT_PLANS.contains(w)) {
        // "i wan na just go ahead and continue on lisinopril" is about what she takes now
        left = 0;
      }
      if (left > 0) {
        out[i] = true;
        left--;
      }
    }
    return out;
  }

  /**
   * Whether the negation cue nearest before token {@code i} in its sentence is a denial ("denies", "denied"…)
   * rather than "not", "no" or "without".
   *
   * @param toks tokens
   * @param i a token
   * @return whether a denial governs it
   */
  static boolean deniedBy(List<Tok> toks, int i) {
    for (int k = i - 1; k >= 0; k--) {
      Tok t = toks.get(k);
      if (t.kind() == Tok.Kind.PUNCT && ".!?;:".contains(t.raw())) {
        return false;
      }
      String w = lower(t);
      if (PRE_NEG.contains(w)) {
        return CLAUSE_DENIALS.contains(w);
      }
    }
    return false;
  }

  private static String lower(Tok t) {
    return t.low().replace('\u2019', '\'');
  }

  /**
   * Whether tokens {@code from}–{@code to} hold a future or plan marker ("will", "plan", "gon na"…).
   *
   * @param toks tokens
   * @param from first token
   * @param to end token, exclusive
   * @return whether one of them is a marker
   */
  static boolean hasPlanMarker(List<Tok> toks, int from, int to) {
    for (int i = from; i < to; i++) {
      String w = toks.get(i).low().replace('\u2019', '\'');
      if (PLAN_WORDS.contains(w) || (PLAN_FIRST.contains(w) && i + 1 < to
          && (toks.get(i + 1).raw().equalsIgnoreCase("na") || toks.get(i + 1).raw().equalsIgnoreCase("to")))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the question ending at {@code end} (its "?") is a statement with a tag: "…, right?", "…, correct?", "… is
   * that right?". A yes to it confirms the statement as said, negations included.
   */
  static boolean tagQuestion(List<Tok> toks, int end) {
    if (end < 2) {
      return false;
    }
    String last = toks.get(end - 1).low();
    return last.equals("right") || last.equals("correct");
  }

  /**
   * Whether an answer confirms a negative question as said: "you've never had surgery?" — "correct, I never have".
   * "Correct", "right", "exactly" (not "yes", which answers either way) confirm, when the question states its own
   * negation ("never", "not", "no", "…n't"), not only an "any".
   *
   * @param toks tokens of the question's turn
   * @param from first token of the question's sentence
   * @param end the question's "?"
   * @param answerToks tokens of the answering turn
   * @return whether the question's negations stand
   */
  static boolean confirmsNegativeQuestion(List<Tok> toks, int from, int end, List<Tok> answerToks) {
    String first = null;
    String second = null;
    for (Tok t : answerToks) {
      if (t.kind() == Tok.Kind.PUNCT || FILLER.contains(t.low())) {
        continue;
      }
      if (first == null) {
        first = t.low().replace('\u2019', '\'');
      } else {
        second = t.low();
        break;
      }
    }
    boolean confirms = first != null && (CONFIRMATIONS.contains(first)
        || (first.equals("that's") || first.equals("that")) && second != null && CONFIRMATIONS.contains(second));
    if (!confirms) {
      return false;
    }
    for (int i = from; i < end; i++) {
      String w = toks.get(i).low().replace('\u2019', '\'');
      if (w.equals("never") || w.equals("not") || w.equals("no") || w.endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> CONFIRMATIONS = Set.of("correct", "right", "exactly");

  private static final Set<String> NOTHING_DEGREES = Set.of("substantial", "major", "serious", "significant",
      "much", "big", "bad", "severe", "too", "really", "that");
  private static final Set<String> EXCEPTIONS = Set.of("other", "except", "but", "besides", "apart", "aside");
  private static final Set<String> FINE = Set.of("fine", "good", "okay", "ok", "normal", "alright", "great");

  /** Whether "that" opens a clause of knowing: "nothing that i know of", "nothing that i have known". */
  private static boolean knownOf(List<Tok> toks, int at) {
    return toks.get(at).low().equals("that") && at + 1 < toks.size()
        && SELF.contains(toks.get(at + 1).low().replace('’', '\''));
  }

  private static final Set<String> SELF = Set.of("i", "i'm", "i've", "we", "we've");

  /** Whether an exception ("other than", "except", "but") follows within the answer's first sentence. */
  private static boolean allButSomething(List<Tok> toks, int from) {
    for (int k = from; k < toks.size(); k++) {
      Tok t = toks.get(k);
      if (t.kind() == Tok.Kind.PUNCT && !t.raw().equals(",")) {
        return false;
      }
      if (EXCEPTIONS.contains(t.low())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words an all-but answer excepts: "everything is fine except some chills" answers no to each item asked but
   * the chills, and yes to them; "nothing other than my arthritic pain" likewise. The words are those after the
   * exception word up to the end of its sentence.
   *
   * @param answerToks tokens of the answering turn
   * @return the normalised words of the exception, or {@code null} when the answer is not an all-but answer
   */
  static Set<String> exceptedWords(List<Tok> answerToks) {
    for (int i0 = 0; i0 < answerToks.size(); i0++) {
      Tok t = answerToks.get(i0);
      String w = t.low().replace('’', '\'');
      if (t.kind() == Tok.Kind.PUNCT || FILLER.contains(w)) {
        continue;
      }
      if (!(w.equals("nothing") || w.equals("everything") || w.equals("everything's"))
          || !allButSomething(answerToks, i0 + 1)) {
        return null;
      }
      Set<String> out = new HashSet<>();
      boolean on = false;
      for (int k = i0 + 1; k < answerToks.size(); k++) {
        Tok e = answerToks.get(k);
        if (e.kind() == Tok.Kind.PUNCT && ".!?".contains(e.raw())) {
          break;
        }
        if (on && e.kind() != Tok.Kind.PUNCT) {
          out.add(e.norm());
        }
        on |= EXCEPTIONS.contains(e.low());
      }
      return out;
    }
    return null;
  }

  /** Whether "fine", "good", "okay"… is one of the next three words ("everything is fine", "everything's good"). */
  private static boolean fineFollows(List<Tok> toks, int from) {
    for (int k = from; k < Math.min(toks.size(), from + 3); k++) {
      if (FINE.contains(toks.get(k).low())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a turn asks about the family's history: a question with "family" in it. */
  static boolean familyQuestion(List<Tok> toks) {
    boolean family = false;
    boolean question = false;
    for (Tok t : toks) {
      family |= t.low().equals("family");
      question |= t.isPunct('?');
    }
    return family && question;
  }

  /** Whether a turn speaks of the speaker's own conditions ("i have", "i had", "i've"). */
  static boolean firstPersonHas(List<Tok> toks) {
    for (int i = 0; i + 1 < toks.size(); i++) {
      String w = toks.get(i).low().replace('\u2019', '\'');
      String next = toks.get(i + 1).low();
      if (w.equals("i've") || (w.equals("i") && (next.equals("have") || next.equals("had")))) {
        return true;
      }
    }
    return false;
  }

  /** Statuses as someone else's: affirmed becomes {@link #OTHER}, negated {@link #OTHER_NEGATED}, … */
  static void toOthers(byte[] p) {
    for (int i = 0; i < p.length; i++) {
      p[i] = p[i] == AFFIRMED ? OTHER : p[i] == NEGATED ? OTHER_NEGATED : p[i] == UNKNOWN ? OTHER_UNKNOWN : p[i];
    }
  }

  /** Verbs that follow a negated subject: "no one has", "nobody had", "none of them were". */
  private static final Set<String> SUBJECT_VERBS = Set.of("has", "had", "have", "is", "was", "are", "were",
      "gets", "got", "suffers", "suffered", "developed");
  /** Words a negated subject may have before its verb ("no one else in my family has"). */
  private static final int SUBJECT_WORDS = 5;

  /** Whether the cue at {@code i} opens a negated subject: "no one", "nobody", "none of", "neither of". */
  private static boolean negatedSubject(List<Tok> toks, int i) {
    String w = toks.get(i).low();
    String next = i + 1 < toks.size() ? toks.get(i + 1).low() : "";
    return w.equals("nobody") || w.equals("noone") || (w.equals("no") && next.equals("one"))
        || ((w.equals("none") || w.equals("neither")) && next.equals("of"));
  }

  /** Whether the cue at {@code i} is a pseudo-negation ("not only", "no change", "not sure"). */
  /** Whether the cue at {@code i} opens "no change(s) in" / "not changed in": what follows keeps no status. */
  private static boolean noChangeIn(List<Tok> toks, int i) {
    return i + 2 < toks.size() && toks.get(i + 1).low().startsWith("change")
        && (toks.get(i + 2).low().equals("in") || toks.get(i + 2).low().equals("to"));
  }

  private static boolean pseudo(List<Tok> toks, int i) {
    if (i + 1 >= toks.size() || !toks.get(i + 1).isWord()) {
      return false;
    }
    String next = toks.get(i + 1).low().replace('\u2019', '\'');
    if (PSEUDO_AFTER.contains(next)) {
      return true;
    }
    // "no" before a pronoun is an answer ("no i wish i had"), not a determiner negating what follows
    String w = toks.get(i).low();
    return (w.equals("no") || w.equals("nope")) && INTERJECTION_NEXT.contains(next);
  }

  private static final Set<String> INTERJECTION_NEXT = Set.of("i", "i'm", "i've", "it", "it's", "we", "that",
      "that's", "they", "he", "she", "you", "because", "but", "thank", "thanks", "sir", "ma'am", "no", "yes", "not");

  /** What "family" must precede to be about relatives ("family history"), not the patient ("family support"). */
  private static final Set<String> FAMILY_EXPERIENCER_NEXT = Set.of("history", "hx", "medical", "member",
      "members");

  private static boolean familyExperiencer(List<Tok> toks, int i) {
    return i + 1 < toks.size() && FAMILY_EXPERIENCER_NEXT.contains(toks.get(i + 1).low());
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
  /** Whether "much" or "bad" follows at {@code i}, after any of too, that, very, really. */
  private static boolean degreeFollows(List<Tok> toks, int i) {
    int k = i;
    while (k < toks.size() && (toks.get(k).low().equals("too") || toks.get(k).low().equals("that")
        || toks.get(k).low().equals("very") || toks.get(k).low().equals("really"))) {
      k++;
    }
    return k < toks.size() && (toks.get(k).low().equals("much") || toks.get(k).low().equals("bad"));
  }

  static byte answer(List<Tok> answerToks) {
    int seen = 0;
    boolean sentenceEnded = false;
    for (Tok t : answerToks) {
      String w = t.low();
      if (t.kind() == Tok.Kind.PUNCT || FILLER.contains(w)) {
        continue;
      }
      if (w.equals("just") || w.equals("only")) {
        return RESTRICTIVE;
      }
      break;
    }
    for (int i0 = 0; i0 < answerToks.size(); i0++) {
      Tok t = answerToks.get(i0);
      if (t.kind() == Tok.Kind.PUNCT) {
        if (seen > 0 && ".!?".contains(t.raw())) {
          // "much better. i don't know why i didn't take it": the first sentence answers, unless the next one
          // opens with the answer word ("i see. no.")
          sentenceEnded = true;
        }
        continue;
      }
      String w = t.low().replace('’', '\'');
      if (FILLER.contains(w)) {
        continue;
      }
      if (sentenceEnded && !NEG_ANSWER.contains(w) && !POS_ANSWER.contains(w)) {
        break;
      }
      sentenceEnded = false;
      if (seen == 0 && (w.equals("nothing") || w.equals("everything") || w.equals("everything's"))) {
        // "nothing like that", "everything is fine" deny what was asked; "nothing other than my arthritic pain" and
        // "everything is fine except some chills" deny all but something, and "nothing substantial" is a degree
        // (like "not too much"): unclear for each item asked
        if (allButSomething(answerToks, i0 + 1) || (i0 + 1 < answerToks.size()
            && NOTHING_DEGREES.contains(answerToks.get(i0 + 1).low()) && !knownOf(answerToks, i0 + 1))) {
          return UNKNOWN;
        }
        return w.equals("nothing") || fineFollows(answerToks, i0 + 1) ? NEGATED : UNKNOWN;
      }
      if (w.equals("not") && degreeFollows(answerToks, i0 + 1)) {
        // "not too much", "not that bad": a degree, not a no ("does anything help?" — "not too much. i have iced")
        return UNKNOWN;
      }
      if (NEG_ANSWER.contains(w) || w.equals("n't") || w.endsWith("n't")) {
        return NEGATED;
      }
      if (POS_ANSWER.contains(w)) {
        // "absolutely not", "definitely not", "sure not": the intensifier leads a no
        return i0 + 1 < answerToks.size() && answerToks.get(i0 + 1).low().equals("not") ? NEGATED : AFFIRMED;
      }
      if (w.equals("course") && i0 > 0 && answerToks.get(i0 - 1).low().equals("of")) {
        // "of course", but not "of course not"
        return i0 + 1 < answerToks.size() && answerToks.get(i0 + 1).low().equals("not") ? NEGATED : AFFIRMED;
      }
      if (++seen >= 5) {
        break;
      }
    }
    return UNKNOWN;
  }

  private static final Set<String> WH_WORDS = Set.of("what", "how", "when", "where", "which", "why");
  /** Words that open an open question: "how often do you check your blood pressure" presupposes that she does. */
  private static final Set<String> OPEN_QUESTION_WORDS = Set.of("what", "how", "when", "where", "which", "why", "who",
      "whose", "tell");

  /**
   * Whether the question around token {@code at} is an open one: a wh-word (or "tell me") before it in its sentence.
   *
   * @param toks tokens of one turn
   * @param at a token of the question
   * @return whether the question is open rather than yes/no
   */
  static boolean openQuestion(List<Tok> toks, int at) {
    for (int k = at - 1; k >= 0; k--) {
      Tok t = toks.get(k);
      if (t.isPunct('.') || t.isPunct('?') || t.isPunct('!')) {
        return false;
      }
      if (OPEN_QUESTION_WORDS.contains(t.low())) {
        return true;
      }
    }
    return false;
  }

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

  /**
   * Whether token {@code i} is a label's value that denies it: "Alcohol use, denies." / "Allergies, none." — the
   * word right after the label's comma, closing its sentence.
   */
  private static boolean labelDenied(List<Tok> toks, int i, String w) {
    return (w.equals("denies") || w.equals("none")) && i > 0 && toks.get(i - 1).raw().equals(",")
        && (i + 1 == toks.size() || toks.get(i + 1).kind() == Tok.Kind.PUNCT && !toks.get(i + 1).raw().equals(","));
  }

  /**
   * Whether token {@code i} is the "is" of "the pain is not an issue / a problem / a concern": the subject before it
   * is denied, as a postfix negation.
   */
  private static boolean notAnIssue(List<Tok> toks, int i) {
    String w = toks.get(i).low().replace('\u2019', '\'');
    int k = i + 1;
    if (w.equals("isn't") || w.equals("wasn't") || w.equals("aren't")) {
      // one token
    } else if ((w.equals("is") || w.equals("was") || w.equals("are")) && k < toks.size()
        && (toks.get(k).low().equals("not") || toks.get(k).low().equals("n't"))) {
      k++;
    } else {
      return false;
    }
    while (k < toks.size() && (toks.get(k).low().equals("a") || toks.get(k).low().equals("an")
        || toks.get(k).low().equals("really") || toks.get(k).low().equals("much"))) {
      k++;
    }
    return k < toks.size() && ISSUE_WORDS.contains(toks.get(k).low());
  }

  private static final Set<String> UNSURE_AFTER_NOT = Set.of("remember", "recall", "recollect");
  private static final Set<String> UNSURE_ADVERBS = Set.of("even", "really", "quite", "exactly");

  /** Whether the cue at {@code i} denies remembering: "don't remember", "don't even recall". */
  private static boolean notRemembering(List<Tok> toks, int i) {
    int j = i + 1;
    if (j < toks.size() && UNSURE_ADVERBS.contains(toks.get(j).low())) {
      j++;
    }
    return j < toks.size() && UNSURE_AFTER_NOT.contains(toks.get(j).low());
  }

  private static final Set<String> NON_HABITS = Set.of("smoker", "smokers", "smoking", "drinker", "drinkers",
      "drinking", "cigarette", "tobacco", "alcoholic");

  private static final Set<String> CLAUSE_OPENERS = Set.of("and", "but", "so", "then", "i", "he", "she", "we", "you",
      "they", "it", "instead", "uh", "um");

  /** Subjects: in speech, one after a comma opens a clause of its own. */
  private static final Set<String> SUBJECTS = Set.of("i", "he", "she", "we", "you", "they", "it");

  private static final Set<String> ISSUE_WORDS = Set.of("issue", "problem", "concern", "complaint", "bother",
      "factor");

  /**
   * Where an open question that presupposes what it asks about starts: "how long have you had this pain?", "how
   * often do you get the headaches?", "when did the swelling start?" take the pain, headaches and swelling as
   * given. The words after the returned index are asserted unless the answer denies them.
   *
   * @return the index of the question word, or -1 if the sentence {@code toks[from, to)} asks no such question
   */
  static int presupposingQuestion(List<Tok> toks, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      String w = toks.get(i).low();
      String next = toks.get(i + 1).low();
      if (w.equals("how") && PRESUPPOSING_HOW.contains(next)
          || w.equals("when") && (next.equals("did") || next.equals("does") || next.equals("do"))
          && !(i + 3 < to && toks.get(i + 3).low().equals("last"))) {
        return i;
      }
    }
    return -1;
  }

  private static final Set<String> PRESUPPOSING_HOW = Set.of("long", "often", "bad", "severe", "frequently");

  /** How far before the last question cue an unpunctuated question may start. */
  static final int QUESTION_REACH = 14;

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
      String w = t.low();
      if (w.equals("any") || w.equals("anything") || WH_WORDS.contains(w)
          || (QUESTION_STARTERS.contains(w) && i + 1 < toks.size() && isSubject(toks.get(i + 1))
              // "we have you on lisinopril" states; "have you had" asks
              && (i == 0 || !DECLARATIVE_SUBJECTS.contains(lower(toks.get(i - 1)))))) {
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
      String w = t.low().replace('\u2019', '\'');
      if (PRE_NEG.contains(w)) {
        int s = k - 1;
        while (s >= 0 && DECLARATIVE_AUX.contains(toks.get(s).low())) {
          s--;
        }
        if (s >= 0 && DECLARATIVE_SUBJECTS.contains(toks.get(s).low()
            .replace('\u2019', '\''))) {
          return true;
        }
        // "... and no edema": the cue continues the negated list before it, stated if that one is
        return k >= 2 && k < j && LIST_JOINERS.contains(toks.get(k - 1).low())
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
    String w = t.low();
    return w.equals("you") || w.equals("it") || w.equals("that") || w.equals("there") || w.equals("this");
  }

  /** Subjects of a closing check ("is that painful", "does it hurt"). */
  private static final Set<String> CHECK_SUBJECTS = Set.of("that", "it", "this");
  /** "does it hurt", "is that painful", "is this tender": the clinician's check while examining. */
  private static final Set<String> PAIN_CHECK_AUX = Set.of("does", "do", "is", "did");
  private static final Set<String> PAIN_CHECKS = Set.of("hurt", "hurts", "painful", "tender", "sore", "bother",
      "uncomfortable");
  private static final Set<String> QUESTION_STARTERS = Set.of("any", "anything", "have", "do", "did", "are", "is",
      "was", "were", "does", "has", "had", "how", "what", "when", "where", "ever");

  /**
   * Where an unpunctuated question starts in a clinician's turn ("have you had any fever or chills" from ASR
   * without a question mark): the last "any"/"have you"/"do you"/"did you"/"are you"… position, or a closing
   * check among the turn's last four tokens, a trailing "at all" not counted ("… press on the outside is that
   * painful", "does that hurt at all"), or an opening auxiliary before its subject ("okay so does the pain
   * radiate"), or -1.
   */
  static int unpunctuatedQuestionStart(List<Tok> toks) {
    if (!toks.isEmpty() && toks.get(toks.size() - 1).isPunct('.')) {
      // "Have you been experiencing any bowel or bladder dysfunction.": a question written with a full stop
      int last = lastSentenceStart(toks);
      int inverted = invertedOpening(toks.subList(last, toks.size()));
      if (inverted >= 0) {
        return last + inverted;
      }
    }
    // "does that hurt at all": the closing check is counted from before a trailing "at all"
    int end = toks.size();
    if (end >= 2 && toks.get(end - 1).raw().equalsIgnoreCase("all") && toks.get(end - 2).raw().equalsIgnoreCase("at")) {
      end -= 2;
    }
    for (int i = toks.size() - 1; i >= 0; i--) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT && ".!".contains(t.raw())) {
        return -1;
      }
      String w = t.low();
      if (w.equals("any") || w.equals("anything")) {
        return i;
      }
      if (w.equals("about") && i > 0 && (toks.get(i - 1).low().equals("how")
          || toks.get(i - 1).low().equals("what"))) {
        return i - 1;
      }
      if (QUESTION_STARTERS.contains(w) && i + 1 < toks.size()
          && toks.get(i + 1).low().equals("you")) {
        return i;
      }
      if (i >= end - 4 && QUESTION_STARTERS.contains(w) && i + 1 < toks.size() && CHECK_SUBJECTS.contains(
          toks.get(i + 1).low())) {
        return i;
      }
      if (PAIN_CHECK_AUX.contains(w) && i + 2 < toks.size() && CHECK_SUBJECTS.contains(toks.get(i + 1).low())
          && PAIN_CHECKS.contains(toks.get(i + 2).low())) {
        // an exam's check, wherever it stands in the last sentence: "so does it hurt when i press on it"
        return i;
      }
    }
    return invertedOpening(toks);
  }

  /** The most words a short answer with a trailing "no" has ("diarrhea no", "chest pain no"). */
  static final int SHORT_ANSWER_WORDS = 4;

  /**
   * A short turn that ends in "no" after naming findings ("diarrhea no", "fever no"): the findings are negated, as
   * "negative" after a finding is. Changes {@code p} in place.
   *
   * @param toks tokens of one turn
   * @param p their statuses
   */
  /**
   * Questions answered inside the same turn: speech recognition often runs the clinician's question and the
   * patient's answer together ("do you have any pain in your foot no no no pain at all", "any chest pain or
   * shortness of breath or anything like that no no"). A yes or no that follows a question opening ("any", "do
   * you"…) within {@link #QUESTION_REACH} words of the same sentence, and is itself followed by the turn's end,
   * punctuation or another answer word, answers the words between.
   *
   * @param toks tokens of one turn
   * @param p their statuses, updated in place
   * @param asked per token, set where the status now comes from the in-turn answer
   */
  static void inTurnAnswers(List<Tok> toks, byte[] p, boolean[] asked) {
    for (int i = 1; i < toks.size(); i++) {
      String w = toks.get(i).low();
      byte ans = NEG_ANSWER.contains(w) && !w.equals("not") ? NEGATED : IN_TURN_YES.contains(w) ? AFFIRMED : UNKNOWN;
      if (ans == UNKNOWN || !answerEnds(toks, i + 1)) {
        continue;
      }
      int start = -1;
      for (int k = i - 1; k >= 0 && k >= i - QUESTION_REACH; k--) {
        Tok t = toks.get(k);
        if (t.kind() == Tok.Kind.PUNCT && ".!?".contains(t.raw())) {
          break;
        }
        String x = t.low();
        if (x.equals("any") || x.equals("anything")
            || (QUESTION_STARTERS.contains(x) && k + 1 < i && toks.get(k + 1).low().equals("you"))) {
          start = k;
        }
      }
      if (start < 0 || asked[start]) {
        continue;
      }
      for (int j = start; j < i; j++) {
        if (p[j] == NEGATED && statedNegation(toks, j)) {
          continue;
        }
        p[j] = fromAnswer(p[j], ans);
        asked[j] = true;
      }
    }
  }

  /** Yes-words that answer inside a turn ("some", "little", "sometimes" are left out: they start statements). */
  private static final Set<String> IN_TURN_YES = Set.of("yes", "yeah", "yep", "yup", "uh-huh", "mm-hmm");

  private static boolean answerEnds(List<Tok> toks, int next) {
    if (next >= toks.size()) {
      return true;
    }
    Tok t = toks.get(next);
    String w = t.low();
    return t.kind() == Tok.Kind.PUNCT || NEG_ANSWER.contains(w) || IN_TURN_YES.contains(w) || FILLER.contains(w);
  }

  /**
   * Whether the turn ends in an alternative question ("did you fall down or did you just catch yourself", "is it
   * sharp or is it dull"): its "no" or "yes" answers neither alternative ("no, I fell").
   *
   * @param toks tokens of one turn
   * @return whether its last sentence offers two questions joined by "or"
   */
  static boolean alternativeQuestion(List<Tok> toks) {
    int start = 0;
    for (int i = toks.size() - 2; i >= 0; i--) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT && ".!?".contains(t.raw())) {
        start = i + 1;
        break;
      }
    }
    for (int i = start; i + 2 < toks.size(); i++) {
      if (toks.get(i).low().equals("or") && INVERTING_AUX.contains(toks.get(i + 1).low())
          && ALTERNATIVE_SUBJECTS.contains(toks.get(i + 2).low())
          && !(i >= start + 2 && INVERTING_AUX.contains(toks.get(i - 2).low())
              && ALTERNATIVE_SUBJECTS.contains(toks.get(i - 1).low()))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> ALTERNATIVE_SUBJECTS = Set.of("you", "it", "they", "he", "she", "that", "this");

  static void trailingNo(List<Tok> toks, byte[] p) {
    int last = -1;
    int words = 0;
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).isWord()) {
        words++;
        last = i;
      }
    }
    if (words < 2 || words > SHORT_ANSWER_WORDS || !NEG_ANSWER.contains(lower(toks.get(last)))) {
      return;
    }
    for (int i = 0; i < last; i++) {
      if (p[i] == AFFIRMED) {
        p[i] = NEGATED;
      } else if (p[i] == OTHER) {
        p[i] = OTHER_NEGATED;
      }
    }
  }

  /** Auxiliaries that open a yes/no question when they come first, before their subject ("does the pain …"). */
  private static final Set<String> INVERTING_AUX = Set.of("do", "does", "did", "is", "are", "was", "were", "has",
      "have", "can", "could");
  /** Subjects after an opening auxiliary. */
  private static final Set<String> OPENING_SUBJECTS = Set.of("you", "the", "your", "it", "that", "this", "he",
      "she", "they", "there", "his", "her");
  /** Words a turn may open with before its question ("okay so does the pain radiate"). */
  private static final Set<String> OPENERS = Set.of("okay", "ok", "so", "and", "alright", "now", "um", "uh", "well",
      "right", "all");

  /**
   * A turn that opens, after "okay so"-like words, with an auxiliary before its subject ("okay so does the pain
   * radiate frequently"): a yes/no question from its start; -1 otherwise.
   */
  /** The first token of the turn's last sentence: after the last sentence end before its final token. */
  private static int lastSentenceStart(List<Tok> toks) {
    for (int i = toks.size() - 2; i >= 0; i--) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT && ".!?".contains(t.raw())) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int invertedOpening(List<Tok> toks) {
    for (int i = 0; i + 1 < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.kind() == Tok.Kind.PUNCT) {
        continue;
      }
      String w = t.low();
      if (OPENERS.contains(w)) {
        continue;
      }
      return INVERTING_AUX.contains(w) && OPENING_SUBJECTS.contains(toks.get(i + 1).low())
          ? i : -1;
    }
    return -1;
  }
}
