package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.List;

/**
 * The token syntax ({@code [PATIENT_1]}) and the tolerant reader used by restore and by input escaping: brackets
 * may be missing on one or both sides, case may change, whitespace (a line break) may sit anywhere inside brackets.
 * Every look-ahead is bounded (48 characters between brackets, seven digits, the longest prefix), so scanning is
 * linear.
 */
final class TokenCodec {

  /** Prefix of the tokens that stand for token-like text found in the input itself. */
  static final String LITERAL = "TEXT";

  /** The token prefixes, upper case: {@link #LITERAL} then every {@link PhiType} name. */
  private static final String[] PREFIXES;

  static {
    PhiType[] types = PhiType.values();
    PREFIXES = new String[types.length + 1];
    PREFIXES[0] = LITERAL;
    for (int i = 0; i < types.length; i++) {
      PREFIXES[i + 1] = types[i].name();
    }
  }

  /** Longest run of characters between brackets that can hold a token. */
  private static final int MAX_BRACKETED = 48;
  private static final int MAX_DIGITS = 7;

  /** A token-like occurrence: where, and its canonical key ({@code PATIENT_1}). */
  record Occurrence(int start, int end, String key) {}

  private TokenCodec() {}

  static String token(String prefix, int n) {
    return "[" + prefix + "_" + n + "]";
  }

  static String key(String prefix, int n) {
    return prefix + "_" + n;
  }

  /**
   * Every token-like occurrence in {@code text}, left to right, non-overlapping: bracketed ones first
   * ({@code [PATIENT_1]}, {@code [ patient-1 ]}, at most 48 characters between the brackets, whitespace anywhere
   * inside), then bare ones ({@code PATIENT_1}, {@code [PATIENT_1}, {@code PATIENT_1]}) that no bracketed one covers.
   * Prefixes match in ASCII case only. A hand-written single pass: linear, and no allocation for text without
   * tokens (it runs on every outbound text).
   */
  static List<Occurrence> scan(String text) {
    List<Occurrence> out = new ArrayList<>();
    int len = text.length();
    int open = text.indexOf('[');
    while (open >= 0 && open + 2 < len) {
      int close = -1;
      int limit = Math.min(len, open + MAX_BRACKETED + 2);
      for (int k = open + 1; k < limit; k++) {
        char c = text.charAt(k);
        if (c == '[' || c == ']') {
          close = c == ']' && k > open + 1 ? k : -1;
          break;
        }
      }
      if (close < 0) {
        open = text.indexOf('[', open + 1);
        continue;
      }
      Occurrence o = inner(text, open, close);
      if (o != null) {
        out.add(o);
      }
      open = text.indexOf('[', close + 1);
    }
    int under = text.indexOf('_');
    if (under < 0) {
      return out;
    }
    List<Occurrence> bare = new ArrayList<>();
    int from = 0;
    while (under >= 0) {
      int end = bare(text, under, from, bare, out);
      if (end >= 0) {
        from = end; // the next one starts after this one, as a left-to-right search would
      }
      under = text.indexOf('_', Math.max(under + 1, end));
    }
    if (!bare.isEmpty()) {
      out.addAll(bare);
      out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }
    return out;
  }

  /** The occurrence between brackets at {@code open} and {@code close}, or null: prefix, "_" or "-", digits. */
  private static Occurrence inner(String text, int open, int close) {
    int p = skipSpace(text, open + 1, close);
    for (String prefix : PREFIXES) {
      int q = matchPrefix(text, p, close, prefix);
      if (q < 0) {
        continue;
      }
      q = skipSpace(text, q, close);
      if (q < close && (text.charAt(q) == '_' || text.charAt(q) == '-')) {
        q = skipSpace(text, q + 1, close);
      }
      int n = 0;
      int digits = 0;
      while (q < close) {
        char c = text.charAt(q);
        if (c >= '0' && c <= '9') {
          n = n * 10 + (c - '0');
          digits++;
          q++;
        } else if (Character.isWhitespace(c)) {
          q++;
        } else {
          break;
        }
      }
      if (q == close && digits >= 1 && digits <= MAX_DIGITS) {
        return new Occurrence(open, close + 1, key(prefix, n));
      }
    }
    return null;
  }

  /** The prefix at {@code p}, letters compared in ASCII case with whitespace allowed between them: end, or -1. */
  private static int matchPrefix(String text, int p, int limit, String prefix) {
    int q = p;
    for (int i = 0; i < prefix.length(); i++) {
      q = i == 0 ? q : skipSpace(text, q, limit);
      if (q >= limit || asciiUpper(text.charAt(q)) != prefix.charAt(i)) {
        return -1;
      }
      q++;
    }
    return q;
  }

  private static int skipSpace(String text, int p, int limit) {
    int q = p;
    while (q < limit && Character.isWhitespace(text.charAt(q))) {
      q++;
    }
    return q;
  }

  /**
   * A bare token whose "_" is at {@code under}, starting at or after {@code from} and not covered by a bracketed
   * one, added to {@code bare} (a covered one is skipped). Returns where it ends, or -1 when there is none.
   */
  private static int bare(String text, int under, int from, List<Occurrence> bare, List<Occurrence> bracketed) {
    int len = text.length();
    int d = under + 1;
    int n = 0;
    while (d < len && d - under - 1 < MAX_DIGITS + 1 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
      n = n * 10 + (text.charAt(d) - '0');
      d++;
    }
    int digits = d - under - 1;
    if (digits < 1 || digits > MAX_DIGITS || d < len && isWordChar(text.charAt(d))) {
      return -1;
    }
    for (String prefix : PREFIXES) {
      int q = under - prefix.length();
      if (q < from || !text.regionMatches(true, q, prefix, 0, prefix.length()) || !ascii(text, q, under)
          || q > 0 && isWordChar(text.charAt(q - 1))) {
        continue;
      }
      int start = q > from && text.charAt(q - 1) == '[' ? q - 1 : q;
      int end = d < len && text.charAt(d) == ']' ? d + 1 : d;
      if (covered(bracketed, start, end)) {
        return end;
      }
      bare.add(new Occurrence(start, end, key(prefix, n)));
      return end;
    }
    return -1;
  }

  private static boolean ascii(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static char asciiUpper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean covered(List<Occurrence> in, int s, int e) {
    for (Occurrence o : in) {
      if (o.start() < e && s < o.end()) {
        return true;
      }
    }
    return false;
  }
}
