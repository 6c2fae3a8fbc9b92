package org.verinote.guardrails;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into {@link Tok tokens}: de-identification placeholders (kept whole and opaque), numbers, words
 * (with their digits when glued to letters: {@code a1c}, {@code covid-19}, {@code l4}) and scope punctuation.
 * Stateless and thread-safe; linear in the text length.
 */
final class Tokenizer {

  /** {@code [PATIENT_1]}, {@code [DATE_12]}, {@code [PHONE_3]}: the de-identifier's tokens. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\]");

  private static final Pattern TOKEN = Pattern.compile(
      "(\\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\])"                              // 1 placeholder
      + "|((?<![\\p{L}\\d])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\p{L}\\d])"  // 2 number with thousands sep.
      + "|(?<![\\p{L}\\d])\\d+(?:\\.\\d+)?(?![\\p{L}\\d]))"                  //   or plain / decimal number
      + "|([\\p{L}\\d]+(?:['’][\\p{L}]+)?(?:-\\d+)?)"                        // 3 word (letters, glued digits)
      + "|([,;:.?!()/%+\\u2026\\u3002\\uff01\\uff1f\\uff0c\\uff1b])");      // 4 punctuation (ASCII, CJK, …)

  private Tokenizer() {}

  /**
   * Tokenises text.
   *
   * @param text any text
   * @return the tokens in order
   */
  static List<Tok> tokenize(String text) {
    List<Tok> out = new ArrayList<>(Math.max(8, text.length() / 5));
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        out.add(new Tok(m.group(1), m.group(1), m.start(), m.end(), Tok.Kind.PLACEHOLDER));
      } else if (m.group(2) != null) {
        String raw = m.group(2);
        out.add(new Tok(raw, Numbers.canonical(raw.replace(",", "")), m.start(), m.end(), Tok.Kind.NUMBER));
      } else if (m.group(3) != null) {
        String raw = m.group(3);
        if (isAllDigits(raw)) {
          // digits glued to digits only (e.g. "2021-03") fall here; split into numbers
          out.add(new Tok(raw, Numbers.canonical(raw), m.start(), m.end(), Tok.Kind.NUMBER));
        } else {
          out.add(new Tok(raw, normalizeWord(raw), m.start(), m.end(), Tok.Kind.WORD));
        }
      } else {
        out.add(new Tok(m.group(4), punct(m.group(4)), m.start(), m.end(), Tok.Kind.PUNCT));
      }
    }
    return out;
  }

  private static boolean isAllDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String punct(String p) {
    switch (p) {
      case "\u2026":
      case "\u3002":
        return ".";
      case "\uff01":
        return "!";
      case "\uff1f":
        return "?";
      case "\uff0c":
        return ",";
      case "\uff1b":
        return ";";
      default:
        return p;
    }
  }

  /** Lower-case, ASCII-fold compatible forms, drop possessive 's, light stemming. */
  static String normalizeWord(String raw) {
    String w = raw.toLowerCase(Locale.ROOT);
    if (!isAscii(w)) {
      w = Normalizer.normalize(w, Normalizer.Form.NFKC);
    }
    w = w.replace('’', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    return stem(w);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /**
   * A deliberately light suffix stripper: the same word on both sides (note and transcript) maps to the same stem,
   * which is all alignment needs.
   */
  static String stem(String w) {
    int n = w.length();
    if (n <= 3 || w.indexOf('\'') >= 0) {
      return w;
    }
    String s = suffix(w, n);
    return s.length() > 3 && s.endsWith("e") ? s.substring(0, s.length() - 1) : s;
  }

  private static String suffix(String w, int n) {
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("ing") && n > 5) {
      return undouble(w.substring(0, n - 3));
    }
    if (w.endsWith("ed") && n > 4 && !w.endsWith("eed")) {
      return undouble(w.substring(0, n - 2));
    }
    if (w.endsWith("es") && n > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")
        || w.endsWith("xes"))) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && n > 3) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
