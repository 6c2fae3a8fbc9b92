package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.verinote.core.Span;

/**
 * Splits note text into sentence spans: at . ! ? (and their Unicode forms … 。！？) followed by a space or the end,
 * at line breaks, and at bullets. Does not split decimals ("2.5"), common abbreviations ("Dr.", "e.g.", "mg.") or
 * de-identification tokens. Stateless and thread-safe; linear time.
 */
final class Sentences {

  private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e",
      "eg", "ie", "etc", "approx", "mg", "no", "fig", "jr", "sr", "prof", "ave", "apt", "b.i.d", "t.i.d", "q.d",
      "p.o", "p.r.n", "a.m", "p.m", "u.s", "dept", "inc", "yrs", "wks", "mos", "hrs");

  private Sentences() {}

  /**
   * The sentence spans of {@code text}, trimmed of whitespace and bullets, never empty.
   *
   * @param text section text
   * @return spans in order
   */
  static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean cut = false;
      int end = i + 1;
      if (c == '\n' || c == '\r' || c == '\u2022' || c == '\u25cf' || c == '\u25aa') {
        cut = true;
        end = i;
      } else if (c == '!' || c == '?' || c == '\u3002' || c == '\uff01' || c == '\uff1f') {
        cut = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)) || isCjk(c);
      } else if (c == '\u2026') {
        cut = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1));
      } else if (c == '.') {
        cut = (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)) || text.charAt(i + 1) == '"'
            || text.charAt(i + 1) == '\u201d') && !abbreviationBefore(text, i);
      }
      if (cut) {
        add(text, start, end, out);
        start = i + 1;
      }
    }
    add(text, start, n, out);
    return out;
  }

  private static boolean isCjk(char c) {
    return c == '\u3002' || c == '\uff01' || c == '\uff1f';
  }

  private static boolean abbreviationBefore(String text, int dot) {
    int s = dot;
    while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
      s--;
    }
    if (s == dot) {
      return false;
    }
    String word = text.substring(s, dot).toLowerCase(java.util.Locale.ROOT);
    if (!ABBREVIATIONS.contains(word)) {
      return false;
    }
    // "mg." and "no." end a sentence unless a lower-case word follows.
    if (word.equals("mg") || word.equals("no")) {
      int k = dot + 1;
      while (k < text.length() && text.charAt(k) == ' ') {
        k++;
      }
      return k < text.length() && Character.isLowerCase(text.charAt(k));
    }
    return true;
  }

  private static void add(String text, int start, int end, List<Span> out) {
    int s = start;
    int e = Math.min(end, text.length());
    while (s < e && (Character.isWhitespace(text.charAt(s)) || text.charAt(s) == '-' || text.charAt(s) == '*'
        || text.charAt(s) == '\u2022')) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e > s) {
      out.add(new Span(s, e));
    }
  }
}
