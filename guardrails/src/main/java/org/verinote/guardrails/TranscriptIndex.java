package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Transcript;
import org.verinote.core.Turn;

/**
 * A transcript analysed once for every layer: tokens and terms per turn, which turns mention each term, every
 * number value (spoken readings included), digit strings and lower-cased text for identifier lookups.
 *
 * <p>Immutable. {@link #of(Transcript)} keeps the last few indexes by transcript identity (weakly referenced keys,
 * eight entries), so the layers of one chain run share one analysis; an entry whose transcript was collected is
 * dropped at the next lookup. Building one is linear in the transcript length.
 */
final class TranscriptIndex {

  private static final int CACHE_SIZE = 8;
  /**
   * Words that, closing a question, ask about a thing's state, not whether it is there: "are your blood sugars
   * okay?" or "is the pain better?" answered "no" does not deny the blood sugars or the pain.
   */
  private static final Set<String> STATE_QUESTION_ENDS = Set.of("okay", "ok", "good", "fine", "alright", "normal",
      "better", "worse", "controlled", "well");
  private static final Object LOCK = new Object();
  @SuppressWarnings("unchecked")
  private static final java.lang.ref.WeakReference<Transcript>[] KEYS =
      (java.lang.ref.WeakReference<Transcript>[]) new java.lang.ref.WeakReference<?>[CACHE_SIZE];
  private static final TranscriptIndex[] VALUES = new TranscriptIndex[CACHE_SIZE];
  private static int next;

  final List<Turn> turns;
  final List<List<Tok>> toks;
  final List<List<Terms.Term>> terms;
  final Map<String, int[]> turnsByTerm;
  /** First {@link #PREFIX} characters of long terms → turns, for near forms the stemmer misses. */
  final Map<String, int[]> turnsByPrefix;
  static final int PREFIX = 6;
  final Set<String> numbers;
  /** Assertion status per token per turn ({@link Polarity}), questions resolved by the answer that follows. */
  final List<byte[]> polarity;
  /** Per turn and token: whether its status comes from the answer to a question (weaker than a statement). */
  final List<boolean[]> asked;
  /** Per turn and token: whether it is inside a clinician's future or plan clause ({@link Polarity#planned}). */
  final List<boolean[]> planned;
  final String digits;
  final String lower;

  private TranscriptIndex(Transcript transcript) {
    this.turns = transcript.turns();
    List<List<Tok>> tk = new ArrayList<>(turns.size());
    List<List<Terms.Term>> tm = new ArrayList<>(turns.size());
    Map<String, List<Integer>> byTerm = new HashMap<>();
    Set<String> nums = new HashSet<>();
    StringBuilder dig = new StringBuilder(256);
    int chars = 0;
    for (Turn turn : turns) {
      chars += turn.text().length() + 1;
    }
    StringBuilder low = new StringBuilder(chars);
    for (int ti = 0; ti < turns.size(); ti++) {
      Turn turn = turns.get(ti);
      List<Tok> toks = Tokenizer.tokenize(turn.text());
      List<Terms.Term> terms = Terms.of(toks, 0, toks.size(), true);
      tk.add(toks);
      tm.add(terms);
      for (Terms.Term t : terms) {
        List<Integer> l = byTerm.computeIfAbsent(t.text(), k -> new ArrayList<>(2));
        if (l.isEmpty() || l.get(l.size() - 1) != ti) {
          l.add(ti);
        }
        if (t.isNumber()) {
          nums.add(t.text().substring(1));
        }
      }
      for (Tok t : toks) {
        if (t.kind() == Tok.Kind.NUMBER) {
          for (int k = 0; k < t.raw().length(); k++) {
            char ch = t.raw().charAt(k);
            if (ch >= '0' && ch <= '9') {
              dig.append(ch);
            }
          }
        }
      }
      // spoken digit runs ("five five five one two one two") as one digit string: the longest reading per run
      String longest = "";
      int runStart = -1;
      for (Terms.Term t : terms) {
        if (!t.isNumber() || t.endTok() - t.tok() <= 1) {
          continue;
        }
        if (t.tok() != runStart) {
          if (longest.length() >= 3) {
            dig.append(' ').append(longest);
          }
          longest = "";
          runStart = t.tok();
        }
        String v = t.text().substring(1);
        if (v.length() > longest.length() && v.chars().allMatch(Character::isDigit)) {
          longest = v;
        }
      }
      if (longest.length() >= 3) {
        dig.append(' ').append(longest);
      }
      dig.append(' ');
      low.append(turn.text().toLowerCase(Locale.ROOT)).append('\n');
    }
    this.toks = List.copyOf(tk);
    List<byte[]> pol = new ArrayList<>(turns.size());
    List<boolean[]> askedList = new ArrayList<>(turns.size());
    List<boolean[]> plannedList = new ArrayList<>(turns.size());
    for (int ti = 0; ti < turns.size(); ti++) {
      List<Tok> toks = tk.get(ti);
      byte[] p = Polarity.of(toks);
      Polarity.trailingNo(toks, p);
      boolean[] q = new boolean[p.length];
      boolean answered = ti + 1 < turns.size() && turns.get(ti + 1).role() != turns.get(ti).role()
          && !Polarity.alternativeQuestion(toks);
      byte ans = answered ? Polarity.answer(tk.get(ti + 1)) : Polarity.UNKNOWN;
      // "everything is fine except some chills": no to each item asked but the excepted, yes to those
      Set<String> excepted = answered && ans == Polarity.UNKNOWN ? Polarity.exceptedWords(tk.get(ti + 1)) : null;
      int sentenceStart = 0;
      for (int k = 0; k < toks.size(); k++) {
        Tok t = toks.get(k);
        if (t.kind() != Tok.Kind.PUNCT || !".!?".contains(t.raw())) {
          continue;
        }
        if (t.isPunct('?')) {
          boolean stateQ = k > 0 && STATE_QUESTION_ENDS.contains(toks.get(k - 1).low());
          if (ans == Polarity.AFFIRMED && (Polarity.tagQuestion(toks, k)
              || Polarity.confirmsNegativeQuestion(toks, sentenceStart, k, tk.get(ti + 1)))) {
            // "and you are not allergic to anything, right?" — "that's right": the statement stands as said
            sentenceStart = k + 1;
            continue;
          }
          // a question asserts nothing: its terms take the status of the answer (unknown if unclear, and unknown
          // when it asks about a state: a "no" to "is it okay?" says nothing of whether it is there)
          int presupposed = ans == Polarity.UNKNOWN && excepted == null
              ? Polarity.presupposingQuestion(toks, sentenceStart, k) : -1;
          for (int j = Polarity.questionStart(toks, sentenceStart, k); j < k; j++) {
            if (p[j] == Polarity.NEGATED && Polarity.statedNegation(toks, j)) {
              continue;
            }
            byte a = ans;
            if (excepted != null) {
              a = excepted.contains(toks.get(j).norm()) ? Polarity.AFFIRMED : Polarity.NEGATED;
            } else if (presupposed >= 0 && j > presupposed) {
              a = Polarity.AFFIRMED;
            }
            p[j] = Polarity.fromAnswer(p[j], stateQ ? Polarity.UNKNOWN : a);
            q[j] = true;
          }
        }
        sentenceStart = k + 1;
      }
      boolean hasQuestionMark = false;
      for (Tok t : toks) {
        hasQuestionMark |= t.isPunct('?');
      }
      // ASR transcripts drop question marks, and some label speakers the wrong way round: a turn that reads as a
      // question takes its answer when it is the clinician's, or when the next speaker answers it clearly
      boolean clinician = turns.get(ti).role() == SpeakerRole.CLINICIAN;
      if (!hasQuestionMark && (clinician || ans != Polarity.UNKNOWN)) {
        int qs = Polarity.unpunctuatedQuestionStart(toks);
        if (qs < 0 && clinician && findingList(toks, tm.get(ti))) {
          // a review of systems read out ("shortness of breath" — "no shortness of breath") asks each finding
          qs = 0;
        }
        if (qs >= 0 && ti + 1 < turns.size() && turns.get(ti + 1).role() != turns.get(ti).role()) {
          for (int j = Polarity.widenQuestion(toks, qs); j < toks.size(); j++) {
            if (p[j] == Polarity.NEGATED && Polarity.statedNegation(toks, j)) {
              continue;
            }
            p[j] = Polarity.fromAnswer(p[j], ans);
            q[j] = true;
          }
        }
      }
      // "do you have any pain in your foot no no no pain at all": a question answered in the same turn
      Polarity.inTurnAnswers(toks, p, q);
      if (ti > 0 && !clinician && turns.get(ti - 1).role() == SpeakerRole.CLINICIAN
          && Polarity.familyQuestion(tk.get(ti - 1)) && !Polarity.firstPersonHas(toks)) {
        // "any family history of heart disease?" — "no diabetes or heart issues": the answer speaks of the family
        Polarity.toOthers(p);
      }
      pol.add(p);
      askedList.add(q);
      plannedList.add(clinician ? Polarity.planned(toks) : new boolean[toks.size()]);
    }
    this.polarity = List.copyOf(pol);
    this.asked = List.copyOf(askedList);
    this.planned = List.copyOf(plannedList);
    this.terms = List.copyOf(tm);
    Map<String, int[]> arr = new HashMap<>(byTerm.size() * 2);
    byTerm.forEach((k, v) -> arr.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    this.turnsByTerm = arr;
    Map<String, java.util.BitSet> pre = new HashMap<>();
    byTerm.forEach((k, v) -> {
      if (k.length() > PREFIX && k.charAt(0) != '#') {
        java.util.BitSet b = pre.computeIfAbsent(k.substring(0, PREFIX), x -> new java.util.BitSet(turns.size()));
        for (int turn : v) {
          b.set(turn);
        }
      }
    });
    Map<String, int[]> preArr = new HashMap<>(pre.size() * 2);
    pre.forEach((k, v) -> preArr.put(k, v.stream().toArray()));
    this.turnsByPrefix = preArr;
    this.numbers = Set.copyOf(nums);
    this.digits = dig.toString();
    this.lower = low.toString();
  }

  /** Words a read-out finding list may hold besides the findings ("okay and fever or chills"). */
  private static final Set<String> LIST_GLUE = Set.of("okay", "ok", "and", "or", "any", "how", "about", "what",
      "so", "alright", "um", "uh", "of", "the", "your", "in", "on", "with", "like");
  /** The most words a read-out finding list has. */
  private static final int MAX_LIST_WORDS = 6;

  /**
   * Whether a turn is only a short list of findings, with no verb ("shortness of breath", "okay fever or chills"):
   * a clinician reading out a review of systems, each finding asked.
   */
  static boolean findingList(List<Tok> toks, List<Terms.Term> terms) {
    int wordCount = 0;
    for (Tok t : toks) {
      if (t.isWord() && ++wordCount > MAX_LIST_WORDS) {
        return false;
      }
    }
    boolean[] covered = new boolean[toks.size()];
    boolean finding = false;
    for (Terms.Term t : terms) {
      if (NegationConsistency.isFinding(t)) {
        finding = true;
      }
      for (int k = t.tok(); k < t.endTok() && k < covered.length; k++) {
        covered[k] = true;
      }
    }
    for (int k = 0; k < toks.size(); k++) {
      Tok t = toks.get(k);
      if (!t.isWord()) {
        continue;
      }
      if (!covered[k] && !LIST_GLUE.contains(t.low())) {
        return false;
      }
    }
    return finding;
  }

  /**
   * The index for a transcript, from a small identity cache or freshly built.
   *
   * @param transcript the transcript
   * @return its index
   */
  static TranscriptIndex of(Transcript transcript) {
    synchronized (LOCK) {
      for (int i = 0; i < CACHE_SIZE; i++) {
        Transcript key = KEYS[i] == null ? null : KEYS[i].get();
        if (key == null) {
          // the transcript is gone: drop its analysis too, so no text outlives its encounter for long
          KEYS[i] = null;
          VALUES[i] = null;
        } else if (key == transcript) {
          return VALUES[i];
        }
      }
    }
    TranscriptIndex built = new TranscriptIndex(transcript);
    synchronized (LOCK) {
      KEYS[next] = new java.lang.ref.WeakReference<>(transcript);
      VALUES[next] = built;
      next = (next + 1) % CACHE_SIZE;
    }
    return built;
  }

  boolean isDoctor(int turn) {
    return turns.get(turn).role() == SpeakerRole.CLINICIAN;
  }

  boolean mentions(String term) {
    return turnsByTerm.containsKey(term);
  }

  /** Turns mentioning the term, or a long term sharing its first {@link #PREFIX} characters; null if none. */
  int[] turnsLike(String term) {
    int[] t = turnsByTerm.get(term);
    if (t == null && term.length() > PREFIX && !term.startsWith("#")) {
      t = turnsByPrefix.get(term.substring(0, PREFIX));
    }
    return t;
  }
}
