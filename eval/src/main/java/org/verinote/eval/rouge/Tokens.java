package org.verinote.eval.rouge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rouge-score}'s {@code DefaultTokenizer} without stemming, with tokens mapped to small integer ids so the
 * LCS tables compare ints. One instance scores one (reference, prediction) pair; not thread-safe.
 *
 * <p>Tokenisation: {@code text.lower()}, every run of characters outside {@code [a-z0-9]} becomes a separator,
 * empty tokens are dropped. Equivalently: the maximal runs of {@code [a-z0-9]} in the lower-cased text.
 */
final class Tokens {

  private final Map<String, Integer> vocabulary = new HashMap<>();

  /** Tokenises the whole text (newlines are ordinary separators). */
  int[] ids(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int[] out = new int[Math.max(4, lower.length() / 4)];
    int count = 0;
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isTokenChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isTokenChar(lower.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (count == out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[count++] = id(lower.substring(start, i));
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /**
   * Splits on {@code "\n"} only, drops zero-length segments (whitespace-only ones are kept and tokenise to
   * nothing), tokenises each, as {@code rouge-score}'s {@code _get_sentences} + tokenize.
   */
  List<int[]> sentenceIds(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      if (end > start) {
        out.add(ids(text.substring(start, end)));
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out;
  }

  /** The token strings (for {@link RougeScorer#tokenize(String)}). */
  static List<String> strings(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isTokenChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isTokenChar(lower.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(lower.substring(start, i));
      }
    }
    return out;
  }

  int vocabularySize() {
    return vocabulary.size();
  }

  private int id(String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      id = vocabulary.size();
      vocabulary.put(token, id);
    }
    return id;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
