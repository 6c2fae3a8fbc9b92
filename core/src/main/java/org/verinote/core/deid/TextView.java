package org.verinote.core.deid;

import java.util.Arrays;
import java.util.Locale;

/**
 * A one-pass tokenisation of a text shared by the built-in recognizers: runs of letters and digits (a word keeps an
 * inner apostrophe, "O'Rourke", but not a possessive "'s"; symbols that stand in for Greek capitals, "∆", count as
 * letters next to a letter), and every other non-space character as its own token.
 * Linear in the text length. Not thread-safe (lower-cased forms are cached lazily).
 */
final class TextView {

  /** How a text is cased, which decides how much capitalisation says about names. */
  enum Style {
    /** Ordinary prose: capitals mark names. */
    MIXED,
    /** ASR-style text without capitals: "hi , andrew ." */
    LOWER,
    /** Shouted notes: "DR SMITH AWARE." */
    UPPER
  }

  static final byte WORD = 1;
  static final byte NUMBER = 2;
  static final byte ALNUM = 3;
  static final byte PUNCT = 4;

  /** Marks a looked-up entry of {@link #flags} (a word in no category has flags 0). */
  private static final int KNOWN = 0x40000000;

  final String text;
  final int size;
  final int[] start;
  final int[] end;
  final byte[] kind;
  private final boolean[] newlineBefore;
  private final String[] lower;
  private final int[] flags;
  final Style style;

  private TextView(String text, int size, int[] start, int[] end, byte[] kind, boolean[] nl) {
    this.text = text;
    this.size = size;
    this.start = start;
    this.end = end;
    this.kind = kind;
    this.newlineBefore = nl;
    this.lower = new String[size];
    this.flags = new int[size];
    this.style = detectStyle();
  }

  static TextView of(String text) {
    int cap = Math.max(16, text.length() / 4);
    int[] s = new int[cap];
    int[] e = new int[cap];
    byte[] k = new byte[cap];
    boolean[] nl = new boolean[cap];
    int n = 0;
    boolean sawNewline = true;
    int len = text.length();
    int i = 0;
    while (i < len) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (c == '\n' || c == '\r') {
          sawNewline = true;
        }
        i++;
        continue;
      }
      if (n == s.length) {
        int grow = s.length * 2;
        s = Arrays.copyOf(s, grow);
        e = Arrays.copyOf(e, grow);
        k = Arrays.copyOf(k, grow);
        nl = Arrays.copyOf(nl, grow);
      }
      int j = i;
      if (Character.isLetterOrDigit(c) || isLookalike(c) && i + 1 < len && Character.isLetter(text.charAt(i + 1))) {
        boolean letters = false;
        boolean digits = false;
        while (j < len) {
          char d = text.charAt(j);
          if (Character.isLetter(d) || Character.getType(d) == Character.NON_SPACING_MARK
              || isLookalike(d) && (letters || j + 1 < len && Character.isLetter(text.charAt(j + 1)))) {
            letters = true;
            j++;
          } else if (Character.isDigit(d)) {
            digits = true;
            j++;
          } else if ((d == '\'' || d == '\u2019') && letters && !digits && j + 1 < len
              && Character.isLetter(text.charAt(j + 1)) && !isPossessive(text, j)) {
            j++;
          } else {
            break;
          }
        }
        k[n] = letters ? (digits ? ALNUM : WORD) : NUMBER;
      } else {
        j = i + Character.charCount(text.codePointAt(i));
        k[n] = PUNCT;
      }
      s[n] = i;
      e[n] = j;
      nl[n] = sawNewline;
      sawNewline = false;
      n++;
      i = j;
    }
    return new TextView(text, n, s, e, k, nl);
  }

  /**
   * Mathematical symbols that stand in for Greek capitals in legacy encodings ("ΧΑΝ∆ΡΙΑ" with U+2206 INCREMENT
   * for Delta): inside or at the start of a word they are letters of it.
   */
  private static boolean isLookalike(char c) {
    return c == '\u2206' || c == '\u2207' || c == '\u220F' || c == '\u2211';
  }

  private static boolean isPossessive(String text, int apostrophe) {
    int after = apostrophe + 1;
    char c = text.charAt(after);
    return (c == 's' || c == 'S') && (after + 1 >= text.length() || !Character.isLetter(text.charAt(after + 1)));
  }

  private Style detectStyle() {
    int words = 0;
    int upper = 0;
    int cased = 0;
    for (int i = 0; i < size; i++) {
      if (kind[i] != WORD || end[i] - start[i] < 2) {
        continue;
      }
      words++;
      if (Character.isUpperCase(text.charAt(start[i]))) {
        cased++;
        if (isAllUpper(i)) {
          upper++;
        }
      }
    }
    if (words == 0) {
      return Style.MIXED;
    }
    if (cased * 20 < words) {
      return Style.LOWER;
    }
    return upper * 10 > words * 6 ? Style.UPPER : Style.MIXED;
  }

  String lower(int i) {
    String l = lower[i];
    if (l == null) {
      resolve(i);
      l = lower[i];
    }
    return l;
  }

  /**
   * Lower-cases token {@code i} and looks its flags up at once. An ASCII token the lexicon knows (most of them)
   * shares the lexicon's string: no copy, one hash; others are copied once.
   */
  private void resolve(int i) {
    int s = start[i];
    int e = end[i];
    for (int p = s; p < e; p++) {
      if (text.charAt(p) >= 0x80) {
        String l = text.substring(s, e).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        lower[i] = l;
        flags[i] = Lexicon.flags(l) | KNOWN;
        return;
      }
    }
    int slot = Lexicon.slot(text, s, e);
    if (slot >= 0) {
      lower[i] = Lexicon.word(slot);
      flags[i] = Lexicon.flagsAt(slot) | KNOWN;
      return;
    }
    lower[i] = asciiLower(s, e);
    flags[i] = KNOWN;
  }

  private String asciiLower(int s, int e) {
    boolean change = false;
    for (int p = s; p < e && !change; p++) {
      char c = text.charAt(p);
      change = c >= 'A' && c <= 'Z';
    }
    if (!change) {
      return text.substring(s, e);
    }
    char[] out = new char[e - s];
    for (int p = s; p < e; p++) {
      char c = text.charAt(p);
      out[p - s] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return new String(out);
  }

  /** The {@link Lexicon} flags of token {@code i} (0 for punctuation and unknown words). */
  int flags(int i) {
    if (i < 0 || i >= size || kind[i] != WORD) {
      return 0;
    }
    int f = flags[i];
    if (f == 0) {
      resolve(i);
      f = flags[i];
    }
    return f & ~KNOWN;
  }

  boolean has(int i, int flag) {
    return (flags(i) & flag) != 0;
  }

  String raw(int i) {
    return text.substring(start[i], end[i]);
  }

  int length(int i) {
    return end[i] - start[i];
  }

  boolean isWord(int i) {
    return i >= 0 && i < size && kind[i] == WORD;
  }

  boolean isNumber(int i) {
    return i >= 0 && i < size && kind[i] == NUMBER;
  }

  boolean isPunct(int i, char c) {
    return i >= 0 && i < size && kind[i] == PUNCT && text.charAt(start[i]) == c;
  }

  boolean is(int i, String lowerWord) {
    return i >= 0 && i < size && kind[i] != PUNCT && length(i) == lowerWord.length() && lower(i).equals(lowerWord);
  }

  /** Whether token {@code i} starts a line (or the text). */
  boolean newlineBefore(int i) {
    return newlineBefore[i];
  }

  /** Whether tokens {@code i} and {@code i + 1} are separated by nothing. */
  boolean adjacent(int i) {
    return i + 1 < size && end[i] == start[i + 1];
  }

  boolean isCapitalized(int i) {
    return kind[i] == WORD && Character.isUpperCase(text.charAt(start[i]));
  }

  boolean isAllUpper(int i) {
    for (int p = start[i]; p < end[i]; p++) {
      char c = text.charAt(p);
      if (Character.isLetter(c) && !Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether token {@code i} is followed directly by "." and more digits (a decimal or dotted number). */
  boolean adjacentDotNumber(int i) {
    return adjacent(i) && isPunct(i + 1, '.') && adjacent(i + 1) && isNumber(i + 2);
  }

  int intValue(int i) {
    if (kind[i] != NUMBER || length(i) > 9) {
      return -1;
    }
    int v = 0;
    for (int p = start[i]; p < end[i]; p++) {
      int d = Character.digit(text.charAt(p), 10);
      if (d < 0) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
