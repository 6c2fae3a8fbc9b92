package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verinote.core.SpeakerRole;

/**
 * The transcript side of {@link NegationConsistency}: finds a note phrase's mentions in the transcript with their
 * status, through lay words when the transcript never says the note's word, and narrows mentions that disagree to
 * those about the same thing as the note's clause. Stateless; every method is linear in the mentions it reads.
 */
final class Mentions {

  private Mentions() {}

  /**
   * One transcript mention of a phrase with a clear status.
   *
   * @param turn the turn index
   * @param term the index of the phrase's focus term among the turn's terms
   * @param firstTok the token where the mention of the phrase starts
   * @param polarity {@link Polarity#AFFIRMED} or {@link Polarity#NEGATED}
   * @param asked whether the status comes from the answer to a question
   */
  record Mention(int turn, int term, int firstTok, byte polarity, boolean asked) {}

  /** Words that frame a finding as a problem with something ("issues with the migraines", "problems sleeping"). */
  private static final Set<String> PROBLEM_WORDS = norms("issue issues problem problems trouble troubles"
      + " difficulty difficulties");
  private static final Set<String> FRAME_GLUE = norms("with of in the my your his her their any a an");

  private static Set<String> norms(String words) {
    Set<String> out = new java.util.HashSet<>();
    for (String w : words.split(" ")) {
      out.add(Tokenizer.normalizeWord(w));
    }
    return Set.copyOf(out);
  }

  /** Whether the words right before token {@code at} frame it as a problem ("no issues with the [migraines]"). */
  static boolean problemFramed(List<Tok> toks, int at) {
    for (int k = at - 1; k >= 0 && k >= at - 4; k--) {
      String w = toks.get(k).norm();
      if (PROBLEM_WORDS.contains(w)) {
        return true;
      }
      if (!FRAME_GLUE.contains(w)) {
        return false;
      }
    }
    return false;
  }

  private static final Set<String> HISTORY_GLUE = norms("of any a an the past previous prior significant");

  /** Whether "history of" stands right before token {@code at} ("no past history of [headaches]"). */
  static boolean historyFramed(List<Tok> toks, int at) {
    for (int k = at - 1; k >= 0 && k >= at - 4; k--) {
      String w = toks.get(k).low();
      if (w.equals("history")) {
        return k + 1 < at && toks.get(k + 1).low().equals("of");
      }
      if (!HISTORY_GLUE.contains(toks.get(k).norm())) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the token at {@code at} is said of the past: after "history of", or followed within its clause by
   * "before", "in the past", "previously" ("have you had back pain or surgeries before this injury?").
   */
  static boolean pastFramed(List<Tok> toks, int at) {
    if (historyFramed(toks, at)) {
      return true;
    }
    for (int k = at + 1; k < toks.size() && k <= at + 8; k++) {
      Tok t = toks.get(k);
      if (t.kind() == Tok.Kind.PUNCT && !t.raw().equals(",")) {
        return false;
      }
      String w = t.low();
      if (w.equals("before") || w.equals("previously")
          || w.equals("past") && k > 1 && toks.get(k - 1).low().equals("the") && toks.get(k - 2).low().equals("in")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> DETERMINERS = norms("the your my his her their these those this that any");

  /** Whether the token at {@code at} is what side effects are of: "side effects from (the) [medications]". */
  static boolean sideEffectsOf(List<Tok> toks, int at) {
    int k = at - 1;
    while (k >= 0 && DETERMINERS.contains(toks.get(k).norm())) {
      k--;
    }
    if (k < 1 || !(toks.get(k).low().equals("from") || toks.get(k).low().equals("of"))) {
      return false;
    }
    String effects = toks.get(k - 1).low();
    return effects.equals("effects") || effects.equals("effect");
  }

  /** Whether "other" stands right before token {@code at} ("no other [medications]"). */
  static boolean otherFramed(List<Tok> toks, int at) {
    return at > 0 && toks.get(at - 1).low().equals("other");
  }

  /**
   * The phrase's clear transcript mentions; when the phrase as a whole is not in the transcript, those of its
   * longest term that is not a body site ("numbness in the hand" falls back to "numbness", not "hand").
   */
  static List<Mention> evidence(TranscriptIndex idx, List<Terms.Term> phrase, boolean other,
      boolean coordinated) {
    List<Mention> out = new ArrayList<>();
    mentions(idx, phrase, other, out);
    // "pain medications" is said "taken anything for the pain"
    Frames.treatmentMentions(idx, phrase, other, out);
    // "incontinence" is said "control over your bladder", the other way round
    Frames.continenceMentions(idx, phrase, other, out);
    if (out.isEmpty() && phrase.size() > 1) {
      // "numbness or tingling" lists two findings: one the transcript never says is no evidence
      Terms.Term head = head(phrase, t -> !coordinated || idx.mentions(t.text()));
      if (head != null) {
        mentions(idx, List.of(head), other, out);
        if (modified(phrase, head)) {
          // denying drugs denies illicit drugs; using drugs does not say which
          out.removeIf(m -> m.polarity() != Polarity.NEGATED);
        }
      }
    }
    return out;
  }

  /**
   * Modifiers: words that narrow a finding without naming one ("illicit drug use", "alcohol consumption",
   * "medications regularly"). They never head a phrase, so a phrase the transcript never says whole falls back on
   * the finding ("do you use drugs?" — "no"), not on the modifier. Not temporal words ("previous pain" is not
   * contradicted by today's "no pain") nor quantities ("several falls"): ADR 0035, follow-up 9.
   */
  private static final Set<String> MODIFIERS = norms("known illicit recreational intravenous consumption usage"
      + " associated regularly prescription obvious apparent");

  /** Whether a modifier longer than the head was passed over ("illicit" for "drug"). */
  private static boolean modified(List<Terms.Term> phrase, Terms.Term head) {
    for (Terms.Term t : phrase) {
      if (MODIFIERS.contains(t.text()) && t.text().length() > head.text().length()) {
        return true;
      }
    }
    return false;
  }

  /** The phrase's longest term that is not a body site, among those {@code eligible}; null if none. */
  private static Terms.Term head(List<Terms.Term> phrase, java.util.function.Predicate<Terms.Term> eligible) {
    Terms.Term head = null;
    for (Terms.Term t : phrase) {
      if (eligible.test(t) && !NegationConsistency.ANATOMY.contains(t.text()) && !MODIFIERS.contains(t.text())
          && (head == null || t.text().length() > head.text().length())) {
        head = t;
      }
    }
    return head;
  }

  /**
   * The phrase's mentions that are only asked about: inside a question whose answer is unclear. When the phrase as a
   * whole is not asked about, those of its longest non-site term, as in {@link #evidence}.
   */
  static List<Mention> unanswered(TranscriptIndex idx, List<Terms.Term> phrase, boolean other) {
    List<Mention> out = new ArrayList<>();
    scan(idx, phrase, other, true, out);
    if (out.isEmpty() && phrase.size() > 1) {
      Terms.Term head = head(phrase, t -> true);
      if (head != null) {
        scan(idx, List.of(head), other, true, out);
      }
    }
    return out;
  }

  /**
   * Whether the answer turn says a word of the same stem as the asked term ("lightheadedness?" — "i felt a little
   * bit lightheaded"): the answer speaks of it, so the question is not left unanswered.
   */
  private static boolean echoed(TranscriptIndex idx, int answerTurn, String term) {
    if (answerTurn >= idx.turns.size()) {
      return false;
    }
    int[] turns = idx.turnsLike(term);
    return turns != null && java.util.Arrays.binarySearch(turns, answerTurn) >= 0;
  }

  /** What the transcript states outright outweighs what is inferred from answers: statements if any, else all. */
  static List<Mention> decisive(List<Mention> ms) {
    List<Mention> stated = new ArrayList<>();
    for (Mention m : ms) {
      if (!m.asked()) {
        stated.add(m);
      }
    }
    return stated.isEmpty() ? ms : stated;
  }

  /** Whether the mention is inside a clinician's future or plan clause ("i'm gon na prescribe you …"). */
  static boolean planned(TranscriptIndex idx, Mention m) {
    return idx.planned.get(m.turn())[idx.terms.get(m.turn()).get(m.term()).tok()];
  }

  static int countOf(List<Mention> ms, byte polarity) {
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
  static List<List<Terms.Term>> layVariants(TranscriptIndex idx, List<Terms.Term> phrase) {
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
   *
   * @return each word (term or lay word) → the index of the clause term it stands for
   */
  static Map<String, Integer> clauseContext(SectionText s, int si, List<Terms.Term> phrase) {
    int from = phrase.get(0).tok();
    while (from > s.tokFrom[si] && !clauseBreak(s.toks.get(from - 1))) {
      from--;
    }
    int to = phrase.get(phrase.size() - 1).endTok();
    while (to < s.tokTo[si] && !clauseBreak(s.toks.get(to))) {
      to++;
    }
    Map<String, Integer> conceptOf = new HashMap<>();
    for (Terms.Term t : phrase) {
      conceptOf.put(t.text(), -1);
    }
    int concepts = 0;
    for (Terms.Term t : Terms.of(s.toks, from, to, false)) {
      if (!t.isNumber() && !conceptOf.containsKey(t.text())) {
        int c = concepts++;
        conceptOf.put(t.text(), c);
        for (String lay : LayTerms.forContext(t.text())) {
          conceptOf.putIfAbsent(lay, c);
        }
      }
    }
    conceptOf.values().removeIf(c -> c < 0);
    return conceptOf;
  }

  private static boolean clauseBreak(Tok t) {
    if (t.kind() == Tok.Kind.PUNCT) {
      return !t.raw().equals("/") && !t.raw().equals("-");
    }
    return CLAUSE_BREAKS.contains(t.low());
  }

  /** How many of the clause's other terms a mention must share to decide between conflicting mentions. */
  private static final int MIN_SHARED_CONTEXT = 2;

  /** How many terms either side of a transcript mention count as its context. */
  private static final int CONTEXT_WINDOW = 8;

  /**
   * The mentions sharing the most of the clause's other terms within {@link #CONTEXT_WINDOW} terms of
   * themselves — at least {@link #MIN_SHARED_CONTEXT}, at least half of them, and {@link #MIN_SHARED_CONTEXT}
   * more than any other mention — or all mentions when none does: "no pain with palpation outside of the elbow"
   * decides for "pain to palpation on the lateral aspect of the elbow", not "pain on the medial side with
   * palpation".
   *
   * @param context from {@link #clauseContext}
   */
  static List<Mention> closestInContext(TranscriptIndex idx, List<Mention> ms, Map<String, Integer> context) {
    int concepts = 0;
    for (int c : context.values()) {
      concepts = Math.max(concepts, c + 1);
    }
    if (concepts < MIN_SHARED_CONTEXT || concepts > Long.SIZE) {
      return ms;
    }
    int best = 0;
    int[] score = new int[ms.size()];
    for (int i = 0; i < ms.size(); i++) {
      Mention m = ms.get(i);
      List<Terms.Term> tt = idx.terms.get(m.turn());
      long shared = 0;
      for (int k = Math.max(0, m.term() - CONTEXT_WINDOW); k < Math.min(tt.size(), m.term() + CONTEXT_WINDOW + 1);
          k++) {
        Integer c = context.get(tt.get(k).text());
        if (c != null) {
          shared |= 1L << c;
        }
      }
      score[i] = Long.bitCount(shared);
      best = Math.max(best, score[i]);
    }
    if (best < MIN_SHARED_CONTEXT || 2 * best < concepts) {
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

  /**
   * Clinical recap words: a clinician reading back a review of systems ("you endorse some fatigue"). Present tense
   * only: "he denied any trouble with headaches in the past" dictates history, not today's status.
   */
  private static final Set<String> RECAP_CUES = Set.of("endorse", "endorses", "endorsing", "deny", "denies",
      "denying");
  /** Recap words that need "for" after them: "positive for", "negative for" (not "positive cva tenderness"). */
  private static final Set<String> RECAP_FOR_CUES = Set.of("positive", "negative");

  /** How many tokens before a mention a recap word may stand. */
  private static final int RECAP_WINDOW = 6;

  /**
   * When the mentions say it both ways: those a clinician states in recap words ("so you endorse some fatigue",
   * "negative for chest pain"), if there are some and they all say it one way — what the clinician read back is
   * what the note is written from. Otherwise the mentions unchanged.
   */
  static List<Mention> recapIfOneWay(TranscriptIndex idx, List<Mention> ms) {
    if (countOf(ms, Polarity.AFFIRMED) == 0 || countOf(ms, Polarity.NEGATED) == 0) {
      return ms;
    }
    List<Mention> recap = recapped(idx, ms);
    return recap.isEmpty() || (countOf(recap, Polarity.AFFIRMED) > 0 && countOf(recap, Polarity.NEGATED) > 0)
        ? ms : recap;
  }

  /** The mentions a clinician states, not asks, with a recap word a few words before them. */
  private static List<Mention> recapped(TranscriptIndex idx, List<Mention> ms) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : ms) {
      if (idx.turns.get(m.turn()).role() != SpeakerRole.CLINICIAN || m.asked()) {
        continue;
      }
      List<Tok> toks = idx.toks.get(m.turn());
      for (int k = m.firstTok() - 1; k >= Math.max(0, m.firstTok() - RECAP_WINDOW); k--) {
        if (toks.get(k).kind() == Tok.Kind.PUNCT && !toks.get(k).raw().equals(",")) {
          break;
        }
        if (RECAP_CUES.contains(toks.get(k).low()) || (RECAP_FOR_CUES.contains(toks.get(k).low())
            && k + 1 < toks.size() && toks.get(k + 1).low().equals("for"))) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The mention at term {@code term} of a turn, with that term's status, or null if the status is unclear or the
   * mention is about another experiencer than the note phrase ({@code other}).
   */
  static Mention at(TranscriptIndex idx, int turn, int term, boolean other) {
    int tok = idx.terms.get(turn).get(term).tok();
    byte p = idx.polarity.get(turn)[tok];
    if (Polarity.isOther(p) != other) {
      return null;
    }
    byte polarity = p == Polarity.AFFIRMED || p == Polarity.OTHER ? Polarity.AFFIRMED
        : p == Polarity.NEGATED || p == Polarity.OTHER_NEGATED ? Polarity.NEGATED : Polarity.UNKNOWN;
    return polarity == Polarity.UNKNOWN ? null : new Mention(turn, term, tok, polarity, idx.asked.get(turn)[tok]);
  }

  /** The phrase's clear mentions as a whole, without falling back to one of its terms. */
  static List<Mention> direct(TranscriptIndex idx, List<Terms.Term> phrase, boolean other) {
    List<Mention> out = new ArrayList<>();
    mentions(idx, phrase, other, out);
    return out;
  }

  /**
   * The phrase with each term the transcript does say replaced by each of its lay words the transcript says too
   * ({@link LayTerms}): "pain to palpation" is also said "press on the outside, is that painful".
   */
  static List<List<Terms.Term>> alsoSaidVariants(TranscriptIndex idx, List<Terms.Term> phrase) {
    List<List<Terms.Term>> out = new ArrayList<>();
    for (int j = 0; j < phrase.size(); j++) {
      Terms.Term t = phrase.get(j);
      if (!idx.mentions(t.text())) {
        continue;
      }
      for (String alt : LayTerms.forMatching(t.text())) {
        if (idx.mentions(alt)) {
          List<Terms.Term> v = new ArrayList<>(phrase);
          v.set(j, new Terms.Term(alt, t.tok(), t.endTok()));
          out.add(v);
        }
      }
    }
    return out;
  }

  /**
   * The mentions not about the opposite place: when the note clause names a site on a body part ("the lateral
   * aspect"), a mention whose context ({@link #CONTEXT_WINDOW} terms) names the opposite site ("medial", "the
   * inside of your knee") and not the clause's own is about somewhere else and is dropped.
   *
   * @param context from {@link #clauseContext}
   */
  static List<Mention> withoutOppositeSites(TranscriptIndex idx, List<Mention> ms, Map<String, Integer> context) {
    Set<String> same = null;
    Set<String> opposite = null;
    for (String w : context.keySet()) {
      List<String> opp = LayTerms.opposites(w);
      if (!opp.isEmpty()) {
        if (same == null) {
          same = new java.util.HashSet<>();
          opposite = new java.util.HashSet<>();
        }
        same.add(w);
        opposite.addAll(opp);
      }
    }
    if (same == null) {
      return ms;
    }
    opposite.removeAll(same);
    List<Mention> out = new ArrayList<>();
    for (Mention m : ms) {
      List<Terms.Term> tt = idx.terms.get(m.turn());
      boolean sameSite = false;
      boolean oppositeSite = false;
      for (int k = Math.max(0, m.term() - CONTEXT_WINDOW); k < Math.min(tt.size(), m.term() + CONTEXT_WINDOW + 1);
          k++) {
        sameSite |= same.contains(tt.get(k).text());
        oppositeSite |= opposite.contains(tt.get(k).text());
      }
      if (!oppositeSite || sameSite) {
        out.add(m);
      }
    }
    return out;
  }

  /** Adds the phrase's clear transcript mentions about the same experiencer (the patient, or someone else). */
  private static void mentions(TranscriptIndex idx, List<Terms.Term> phrase, boolean other, List<Mention> out) {
    scan(idx, phrase, other, false, out);
  }

  /**
   * Adds the phrase's transcript mentions: with {@code unanswered} false, those with a clear status about the same
   * experiencer; with it true, the patient's that stand in a yes/no question whose answer neither confirms nor
   * denies them, and whose answer does not say a word of the same stem.
   */
  private static void scan(TranscriptIndex idx, List<Terms.Term> phrase, boolean other, boolean unanswered,
      List<Mention> out) {
    int[] candidates = idx.turnsByTerm.get(phrase.get(0).text());
    if (candidates == null) {
      return;
    }
    int focus = focus(phrase);
    for (int turn : candidates) {
      List<Terms.Term> tt = idx.terms.get(turn);
      byte[] pol = idx.polarity.get(turn);
      boolean[] asked = idx.asked.get(turn);
      for (int k = 0; k < tt.size(); k++) {
        if (!tt.get(k).text().equals(phrase.get(0).text())) {
          continue;
        }
        int at = termNear(tt, k, phrase, focus);
        if (at < 0) {
          continue;
        }
        int tok = tt.get(at).tok();
        byte p = pol[tok];
        if (sideEffectsOf(idx.toks.get(turn), tt.get(k).tok())) {
          // "any side effects from the medications?" — "not really" says nothing of taking them
          continue;
        }
        if (unanswered) {
          if (p == Polarity.UNKNOWN && asked[tok] && !other && !Polarity.openQuestion(idx.toks.get(turn), tt.get(k).tok())
              && !echoed(idx, turn + 1, phrase.get(focus).text())) {
            out.add(new Mention(turn, at, tt.get(k).tok(), Polarity.UNKNOWN, true));
          }
          continue;
        }
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
  /**
   * Whether the phrase term at {@code found} is nearer another occurrence of the phrase's first term than the one
   * at {@code k} (or as near and in the note's order, before it): then it goes with that one.
   */
  private static boolean ownedByAnother(List<Terms.Term> tt, String head, int k, int found) {
    int d = Math.abs(found - k);
    for (int m = Math.max(0, found - d); m <= Math.min(tt.size() - 1, found + d); m++) {
      if (m != k && tt.get(m).text().equals(head)
          && (Math.abs(found - m) < d || (Math.abs(found - m) == d && m < found && k > found))) {
        return true;
      }
    }
    return false;
  }

  static int focus(List<Terms.Term> phrase) {
    for (int j = 0; j < phrase.size(); j++) {
      if (!NegationConsistency.ANATOMY.contains(phrase.get(j).text())) {
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
    String head = phrase.get(0).text();
    for (int j = 1; j < phrase.size(); j++) {
      int found = -1;
      for (int m = Math.max(0, k - 3); m < Math.min(tt.size(), k + phrase.size() + 3); m++) {
        // the nearest occurrence, in the note's order when two are as near
        if (tt.get(m).text().equals(phrase.get(j).text()) && (found < 0 || Math.abs(m - k) < Math.abs(found - k)
            || (Math.abs(m - k) == Math.abs(found - k) && m > k))) {
          found = m;
        }
      }
      if (found < 0 || ownedByAnother(tt, head, k, found)) {
        // "pain with supination no pain with pronation": the pronation is the second pain's, not the first's
        return -1;
      }
      if (j == focus) {
        at = found;
      }
    }
    return at;
  }
}
