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

  private Tokenizer() {}

  /**
   * Tokenises text.
   *
   * @param text any text
   * @return the tokens in order
   */
  static List<Tok> tokenize(String text) {
    List<Tok> out = new ArrayList<>(Math.max(8, text.length() / 5));
    int n = text.length();
    int i = 0;
    Matcher ph = null;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '[' && i + 2 < n && text.charAt(i + 1) >= 'A' && text.charAt(i + 1) <= 'Z') {
        if (ph == null) {
          ph = PLACEHOLDER.matcher(text);
        }
        ph.region(i, Math.min(n, i + 64));
        if (ph.lookingAt()) {
          out.add(new Tok(ph.group(), ph.group(), i, ph.end(), Tok.Kind.PLACEHOLDER));
          i = ph.end();
          continue;
        }
      }
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        boolean prevAlnum = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
        if (Character.isDigit(c) && !prevAlnum) {
          int j = i;
          while (j < n && Character.isDigit(text.charAt(j))) {
            j++;
          }
          // thousands groups: 1,000 / 12,500,000 (only after 1-3 leading digits)
          if (j - i <= 3) {
            int k = j;
            while (k < n && text.charAt(k) == ',' && allDigits(text, k + 1, k + 4)
                && (k + 4 >= n || !Character.isDigit(text.charAt(k + 4)))) {
              k += 4;
            }
            j = k;
          }
          if (j + 1 < n && text.charAt(j) == '.' && Character.isDigit(text.charAt(j + 1))) {
            j++;
            while (j < n && Character.isDigit(text.charAt(j))) {
              j++;
            }
          }
          int unitEnd = gluedUnitEnd(text, j);
          int suffixEnd = Math.max(decadeEnd(text, j), ordinalEnd(text, j));
          if (suffixEnd > 0) {
            // "the 50s", "60's": the decade's number, said "fifties"; "95th": 95, said "ninety fifth"
            String raw = text.substring(start, j);
            out.add(new Tok(raw, Numbers.canonical(raw), start, j, Tok.Kind.NUMBER));
            i = suffixEnd;
            continue;
          }
          if (j >= n || !Character.isLetterOrDigit(text.charAt(j)) || unitEnd > 0) {
            String raw = text.substring(start, j);
            out.add(new Tok(raw, Numbers.canonical(raw.replace(",", "")), start, j, Tok.Kind.NUMBER));
            if (unitEnd > 0) {
              // "25mg" is "25 mg": the dose must be checked like any other
              String unit = text.substring(j, unitEnd);
              String low = unit.toLowerCase(Locale.ROOT);
              out.add(new Tok(unit, normalizeLower(low), j, unitEnd, Tok.Kind.WORD, low));
              j = unitEnd;
            }
            i = j;
            continue;
          }
        }
        int j = i;
        while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
          j++;
        }
        if (j + 1 < n && (text.charAt(j) == '\'' || text.charAt(j) == '’') && Character.isLetter(text.charAt(j + 1))) {
          j++;
          while (j < n && Character.isLetter(text.charAt(j))) {
            j++;
          }
        }
        if (j + 1 < n && text.charAt(j) == '-' && Character.isDigit(text.charAt(j + 1))) {
          j++;
          while (j < n && Character.isDigit(text.charAt(j))) {
            j++;
          }
        }
        String raw = text.substring(start, j);
        if (isAllDigits(raw)) {
          out.add(new Tok(raw, Numbers.canonical(raw), start, j, Tok.Kind.NUMBER));
        } else {
          String low = raw.toLowerCase(Locale.ROOT);
          out.add(new Tok(raw, normalizeLower(low), start, j, Tok.Kind.WORD, low));
        }
        i = j;
        continue;
      }
      int pi = PUNCT.indexOf(c);
      if (pi >= 0) {
        String raw = PUNCT_STRINGS[pi];
        out.add(new Tok(raw, punct(raw), i, i + 1, Tok.Kind.PUNCT, raw));
      }
      i++;
    }
    return out;
  }

  private static final String PUNCT = ",;:.?!()/%+\u2026\u3002\uff01\uff1f\uff0c\uff1b";
  /** One shared string per punctuation mark (a transcript has thousands of commas). */
  private static final String[] PUNCT_STRINGS = PUNCT.chars().mapToObj(ch -> String.valueOf((char) ch))
      .toArray(String[]::new);

  /**
   * @return the end of a plural "s" or "'s" right after the number ending at {@code from} ("50s", "1990's"), followed
   *     by a word boundary; -1 if none
   */
  static int decadeEnd(String text, int from) {
    int n = text.length();
    int j = from;
    if (j + 1 < n && (text.charAt(j) == '\'' || text.charAt(j) == '’') && text.charAt(j + 1) == 's') {
      j++;
    }
    if (j >= n || text.charAt(j) != 's' || (j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1)))) {
      return -1;
    }
    return j + 1;
  }

  private static final String[] ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"};

  /** @return the end of an ordinal suffix ("1st", "2nd", "3rd", "95th") followed by a word boundary; -1 if none */
  private static int ordinalEnd(String text, int from) {
    if (from + 2 > text.length() || (from + 2 < text.length() && Character.isLetterOrDigit(text.charAt(from + 2)))) {
      return -1;
    }
    for (String suffix : ORDINAL_SUFFIXES) {
      if (text.regionMatches(true, from, suffix, 0, 2)) {
        return from + 2;
      }
    }
    return -1;
  }

  /** Units written glued to their number ("25mg", "5ml", "120mmHg"); decades and ordinals are read apart. */
  private static final java.util.Set<String> GLUED_UNITS = java.util.Set.of("mg", "mcg", "g", "gm", "kg", "ml", "cc",
      "l", "mmhg", "mmol", "meq", "iu", "u", "units", "lb", "lbs", "oz", "cm", "mm", "bpm", "yo");

  /**
   * @return the end of a unit glued to the number ending at {@code from}, followed by a word boundary; -1 if none
   */
  private static int gluedUnitEnd(String text, int from) {
    int j = from;
    while (j < text.length() && Character.isLetter(text.charAt(j)) && j - from < 5) {
      j++;
    }
    if (j == from || (j < text.length() && Character.isLetterOrDigit(text.charAt(j)))) {
      return -1;
    }
    return GLUED_UNITS.contains(text.substring(from, j).toLowerCase(Locale.ROOT)) ? j : -1;
  }

  private static boolean allDigits(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
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
    return normalizeLower(raw.toLowerCase(Locale.ROOT));
  }

  private static String normalizeLower(String lower) {
    String w = lower;
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
