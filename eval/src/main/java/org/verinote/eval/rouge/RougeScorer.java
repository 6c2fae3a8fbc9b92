package org.verinote.eval.rouge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ROUGE exactly as Google's {@code rouge-score} 0.1.2 computes it with {@code use_stemmer=False} (the setting of
 * HuggingFace {@code evaluate}, ACI-Bench and MEDIQA-Chat): same tokeniser, clipped n-gram counts, LCS and
 * {@code rougeLsum}'s newline split, union LCS, tie-break and count clipping. Same inputs give the same IEEE doubles
 * as the Python package.
 *
 * <p>Argument order follows {@code rouge-score}: reference (target) first, then prediction.
 *
 * <p>Thread-safe and stateless. Cost: O(|reference| × |prediction|) tokens for the LCS variants; a 700-word note
 * pair scores in about a millisecond.
 *
 * {@snippet :
 * RougeScores s = RougeScorer.create().score("testing one two", "testing one");
 * double f = s.rouge2().fmeasure(); // 2/3
 * }
 */
public final class RougeScorer {

  private static final RougeScorer INSTANCE = new RougeScorer();

  private RougeScorer() {}

  /**
   * The scorer (no stemming; see ADR 0070 for why the Porter stemmer is not offered).
   *
   * @return the shared instance
   */
  public static RougeScorer create() {
    return INSTANCE;
  }

  /**
   * Scores all four variants.
   *
   * @param reference the gold text (target)
   * @param prediction the system text
   * @return the scores
   * @throws NullPointerException if an argument is null
   */
  public RougeScores score(String reference, String prediction) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(prediction, "prediction");
    Tokens tokens = new Tokens();
    int[] ref = tokens.ids(reference);
    int[] pred = tokens.ids(prediction);
    RougeScore r1 = ngram(ref, pred, 1);
    RougeScore r2 = ngram(ref, pred, 2);
    RougeScore rl = lcs(ref, pred);
    RougeScore rlsum = summaryLcs(tokens, reference, prediction);
    return new RougeScores(r1, r2, rl, rlsum);
  }

  /**
   * Scores one variant.
   *
   * @param type the variant
   * @param reference the gold text (target)
   * @param prediction the system text
   * @return the score
   * @throws NullPointerException if an argument is null
   */
  public RougeScore score(RougeType type, String reference, String prediction) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(prediction, "prediction");
    Tokens tokens = new Tokens();
    if (type == RougeType.ROUGE_LSUM) {
      return summaryLcs(tokens, reference, prediction);
    }
    int[] ref = tokens.ids(reference);
    int[] pred = tokens.ids(prediction);
    switch (type) {
      case ROUGE_1:
        return ngram(ref, pred, 1);
      case ROUGE_2:
        return ngram(ref, pred, 2);
      default:
        return lcs(ref, pred);
    }
  }

  /**
   * The tokens {@code rouge-score}'s default tokenizer produces (lower-cased maximal runs of {@code [a-z0-9]}).
   *
   * @param text the text
   * @return the tokens, possibly empty
   */
  public static List<String> tokenize(String text) {
    return Tokens.strings(Objects.requireNonNull(text, "text"));
  }

  static RougeScore ngram(int[] ref, int[] pred, int n) {
    Map<Long, int[]> refGrams = grams(ref, n);
    Map<Long, int[]> predGrams = grams(pred, n);
    int refCount = Math.max(0, ref.length - n + 1);
    int predCount = Math.max(0, pred.length - n + 1);
    int overlap = 0;
    for (Map.Entry<Long, int[]> e : refGrams.entrySet()) {
      int[] p = predGrams.get(e.getKey());
      if (p != null) {
        overlap += Math.min(e.getValue()[0], p[0]);
      }
    }
    double precision = overlap / (double) Math.max(predCount, 1);
    double recall = overlap / (double) Math.max(refCount, 1);
    return RougeScore.of(precision, recall);
  }

  private static Map<Long, int[]> grams(int[] tokens, int n) {
    Map<Long, int[]> out = new HashMap<>();
    for (int i = 0; i + n <= tokens.length; i++) {
      long key = 0;
      for (int k = 0; k < n; k++) {
        key = key * 0x100000000L + tokens[i + k];
      }
      out.computeIfAbsent(key, x -> new int[1])[0]++;
    }
    return out;
  }

  static RougeScore lcs(int[] ref, int[] pred) {
    if (ref.length == 0 || pred.length == 0) {
      return RougeScore.ZERO;
    }
    int length = Lcs.length(ref, pred);
    return RougeScore.of(length / (double) pred.length, length / (double) ref.length);
  }

  static RougeScore summaryLcs(Tokens tokens, String reference, String prediction) {
    List<int[]> refSentences = tokens.sentenceIds(reference);
    List<int[]> predSentences = tokens.sentenceIds(prediction);
    if (refSentences.isEmpty() || predSentences.isEmpty()) {
      return RougeScore.ZERO;
    }
    int m = 0;
    for (int[] s : refSentences) {
      m += s.length;
    }
    int n = 0;
    for (int[] s : predSentences) {
      n += s.length;
    }
    if (m == 0 || n == 0) {
      return RougeScore.ZERO;
    }
    int hits = Lcs.summaryLevelHits(refSentences, predSentences, tokens.vocabularySize());
    return RougeScore.of(hits / (double) n, hits / (double) m);
  }
}
