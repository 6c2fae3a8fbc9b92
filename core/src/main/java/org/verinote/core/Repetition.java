package org.verinote.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the repetition loops small models fall into: a sentence (of three or more words) that occurs again later in
 * the same section, and a
 * phrase of up to {@value #MAX_PHRASE_WORDS} words repeated three or more times in a row. Linear in the text length
 * (times the phrase bound). Stateless and thread-safe.
 */
final class Repetition {

  static final int MAX_PHRASE_WORDS = 8;

  /** A sentence ends at . ! ? followed by whitespace or the end: "1.5 mg" and "e.g." stay whole. */
  private static final Pattern SENTENCE = Pattern.compile("(?:[^.!?\\n]++|[.!?](?=\\S))++[.!?]*+[ \\t]*+|\\n");
  private static final int MIN_DEDUPE_WORDS = 3;

  private Repetition() {}

  /**
   * Collapses repeated sentences and phrase loops.
   *
   * @param text a section's text
   * @return the text without the repeats; the same string when there are none
   */
  static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Set<String> seen = new HashSet<>();
    Matcher m = SENTENCE.matcher(text);
    while (m.find()) {
      String sentence = m.group();
      String key = sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      if (key.isEmpty() || key.split(" ").length < MIN_DEDUPE_WORDS || seen.add(key)) {
        out.append(collapseLoops(sentence));
      }
    }
    String result = out.toString().strip();
    return result.equals(text.strip()) ? text : result;
  }

  /** "pain pain pain" → "pain"; "the knee the knee the knee" → "the knee": three or more in a row only. */
  static String collapseLoops(String sentence) {
    String[] words = sentence.split(" ", -1);
    if (words.length < 3) {
      return sentence;
    }
    String[] norm = new String[words.length];
    for (int k = 0; k < words.length; k++) {
      norm[k] = norm(words[k]);
    }
    List<String> out = new ArrayList<>(words.length);
    int i = 0;
    while (i < words.length) {
      int skipTo = i;
      for (int n = 1; n <= MAX_PHRASE_WORDS && i + 3 * n <= words.length; n++) {
        int reps = 1;
        while (i + (reps + 1) * n <= words.length && same(norm, i, i + reps * n, n)) {
          reps++;
        }
        if (reps >= 3) {
          skipTo = i + (reps - 1) * n;
          break;
        }
      }
      if (skipTo > i) {
        i = skipTo; // keep the last repetition only
        continue;
      }
      out.add(words[i]);
      i++;
    }
    return String.join(" ", out);
  }

  private static boolean same(String[] w, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      if (!w[a + k].equals(w[b + k])) {
        return false;
      }
    }
    return true;
  }

  private static String norm(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }
}
