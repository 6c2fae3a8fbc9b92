package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token syntax ({@code [PATIENT_1]}) and the tolerant reader used by restore and by input escaping: brackets
 * may be missing on one or both sides, case may change, whitespace (a line break) may sit anywhere inside brackets.
 * Every pattern is bounded, so scanning is linear.
 */
final class TokenCodec {

  /** Prefix of the tokens that stand for token-like text found in the input itself. */
  static final String LITERAL = "TEXT";

  private static final String PREFIXES;

  static {
    StringBuilder sb = new StringBuilder(LITERAL);
    for (PhiType t : PhiType.values()) {
      sb.append('|').append(t.name());
    }
    PREFIXES = sb.toString();
  }

  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]{1,48})\\]");
  private static final Pattern INNER = Pattern.compile("(?i)(" + PREFIXES + ")[_-]?(\\d{1,7})");
  private static final Pattern BARE = Pattern.compile(
      "(?i)\\[?(?<![A-Za-z0-9_])(" + PREFIXES + ")_(\\d{1,7})(?![A-Za-z0-9_])\\]?");

  /** A token-like occurrence: where, and its canonical key ({@code PATIENT_1}). */
  record Occurrence(int start, int end, String key) {}

  private TokenCodec() {}

  static String token(String prefix, int n) {
    return "[" + prefix + "_" + n + "]";
  }

  static String key(String prefix, int n) {
    return prefix + "_" + n;
  }

  /** Every token-like occurrence in {@code text}, left to right, non-overlapping. */
  static List<Occurrence> scan(String text) {
    List<Occurrence> out = new ArrayList<>();
    if (text.indexOf('[') >= 0) {
      Matcher m = BRACKETED.matcher(text);
      while (m.find()) {
        String inner = stripSpace(m.group(1));
        Matcher im = INNER.matcher(inner);
        if (im.matches()) {
          out.add(new Occurrence(m.start(), m.end(), key(im.group(1).toUpperCase(Locale.ROOT),
              Integer.parseInt(im.group(2)))));
        }
      }
    }
    if (text.indexOf('_') >= 0) {
      List<Occurrence> bare = new ArrayList<>();
      Matcher m = BARE.matcher(text);
      while (m.find()) {
        if (!covered(out, m.start(), m.end())) {
          bare.add(new Occurrence(m.start(), m.end(), key(m.group(1).toUpperCase(Locale.ROOT),
              Integer.parseInt(m.group(2)))));
        }
      }
      if (!bare.isEmpty()) {
        out.addAll(bare);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
      }
    }
    return out;
  }

  private static boolean covered(List<Occurrence> in, int s, int e) {
    for (Occurrence o : in) {
      if (o.start() < e && s < o.end()) {
        return true;
      }
    }
    return false;
  }

  private static String stripSpace(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }
}
