package org.verinote.core.deid;

import java.util.List;

/**
 * Identifiers made of digit groups: phone and fax numbers in any layout ({@code (410) 555-1234},
 * {@code +46 (0)8 928 571 38}, {@code 555-1234 x45}), social security numbers, IPv4 addresses, card numbers and
 * any other long number.
 */
final class NumberRecognizer extends TokenRecognizer {

  private static final int MAX_GROUPS = 7;

  NumberRecognizer() {
    super("numbers");
  }

  @Override
  void scan(TextView v, List<PhiSpan> out) {
    int[] groupLen = new int[MAX_GROUPS];
    char[] seps = new char[MAX_GROUPS];
    int i = 0;
    while (i < v.size) {
      if (v.kind[i] != TextView.NUMBER || continuesNumber(v, i)) {
        i++;
        continue;
      }
      int first = i;
      boolean plus = v.isPunct(i - 1, '+') && v.adjacent(i - 1);
      boolean paren = v.isPunct(i - 1, '(') && v.adjacent(i - 1);
      int groups = 0;
      int digits = 0;
      int last = i;
      int t = i;
      while (groups < MAX_GROUPS) {
        groupLen[groups] = v.length(t);
        digits += v.length(t);
        groups++;
        last = t;
        int n = t + 1;
        char sep = ' ';
        if (n < v.size && v.kind[n] == TextView.PUNCT && gap(v, t) <= 1) {
          char c = v.text.charAt(v.start[n]);
          if (c == ')' && n + 1 < v.size) {
            sep = ')';
            n++;
            if (v.isPunct(n, '-') && gap(v, n - 1) <= 1) {
              n++;
            }
          } else if (c == '-' || c == '.' || c == '/') {
            sep = c;
            n++;
          } else if (c == '(' && v.isNumber(n + 1) && v.isPunct(n + 2, ')')) {
            sep = '(';
            n++;
          } else {
            break;
          }
        } else if (n >= v.size || gap(v, t) != 1 || v.text.charAt(v.end[t]) != ' ') {
          break;
        }
        if (n < v.size && v.kind[n] == TextView.ALNUM && gap(v, n - 1) <= 1 && groups >= 2) {
          int x = extensionSplit(v, n);
          if (x > 0) {
            seps[groups - 1] = sep;
            groupLen[groups] = x;
            digits += x;
            groups++;
            last = n;
            break;
          }
        }
        if (!v.isNumber(n) || gap(v, n - 1) > 1 || v.newlineBefore(n)) {
          break;
        }
        seps[groups - 1] = sep;
        if (sep == '(') {
          // "+44 (0)20": the bracketed trunk digit is a group of its own
          t = n;
          groupLen[groups] = v.length(t);
          digits += v.length(t);
          groups++;
          last = t + 1;
          seps[groups - 1] = ')';
          if (!v.isNumber(t + 2) || gap(v, t + 1) > 1) {
            break;
          }
          t = t + 2;
          continue;
        }
        t = n;
      }
      int end = classify(v, out, first, last, plus, paren, groupLen, seps, groups, digits);
      i = Math.max(end, last) + 1;
    }
  }

  /** "3560x4587": the digits before the extension, or -1. */
  private static int extensionSplit(TextView v, int t) {
    String w = v.lower(t);
    int x = w.indexOf('x');
    if (x < 3 || x > 4 || x == w.length() - 1 || w.length() - x - 1 > 5) {
      return -1;
    }
    for (int p = 0; p < w.length(); p++) {
      if (p != x && !Character.isDigit(w.charAt(p))) {
        return -1;
      }
    }
    return x;
  }

  private static int gap(TextView v, int t) {
    return t + 1 < v.size ? v.start[t + 1] - v.end[t] : Integer.MAX_VALUE;
  }

  private static boolean continuesNumber(TextView v, int i) {
    return i >= 2 && v.adjacent(i - 1) && v.kind[i - 1] == TextView.PUNCT && v.isNumber(i - 2)
        && v.adjacent(i - 2) && v.text.charAt(v.start[i - 1]) == '.';
  }

  /** Decides what a chain of digit groups is; returns the last token consumed. */
  private static int classify(TextView v, List<PhiSpan> out, int first, int last, boolean plus, boolean paren,
      int[] g, char[] seps, int groups, int digits) {
    int startTok = plus || paren ? first - 1 : first;
    boolean sameSep = true;
    for (int k = 1; k < groups - 1; k++) {
      sameSep &= seps[k] == seps[0];
    }
    boolean slash = false;
    boolean dot = false;
    for (int k = 0; k < groups - 1; k++) {
      slash |= seps[k] == '/';
      dot |= seps[k] == '.';
    }
    // IPv4
    if (groups == 4 && sameSep && seps[0] == '.' && !plus) {
      boolean ip = true;
      for (int k = 0; k < 4; k++) {
        ip &= g[k] <= 3;
      }
      if (ip && !v.adjacentDotNumber(last)) {
        add(out, v, first, last, PhiType.IP_ADDRESS, 0.95);
        return last;
      }
    }
    // SSN 123-45-6789
    if (groups >= 3 && g[0] == 3 && g[1] == 2 && g[2] == 4 && seps[0] == seps[1] && (seps[0] == '-'
        || seps[0] == ' ') && !plus) {
      add(out, v, first, first + (seps[0] == ' ' ? 2 : 4), PhiType.SSN, 0.95);
      return seps[0] == ' ' ? first + 2 : first + 4;
    }
    int lastTok = extension(v, last);
    // card numbers: 4 groups of 4 (or 13-19 digits)
    if (!slash && !dot && digits >= 13 && digits <= 19 && (groups == 1 || g[0] == 4) && !plus) {
      add(out, v, first, last, PhiType.ACCOUNT, 0.9);
      return last;
    }
    boolean nanp = digits == 10 && (groups == 1 || g[groups - 1] == 4 && groups <= 3)
        || digits == 11 && g[0] == 1 && (v.text.charAt(v.start[first]) == '1');
    if (nanp && !(slash && !(g[0] == 3 && g[1] == 3))) {
      add(out, v, startTok, lastTok, PhiType.PHONE, groups == 1 ? 0.8 : 0.95);
      return lastTok;
    }
    if (plus && digits >= 8 && digits <= 15) {
      add(out, v, startTok, lastTok, PhiType.PHONE, 0.9);
      return lastTok;
    }
    if (digits == 7 && groups == 2 && g[0] == 3 && g[1] == 4 && (seps[0] == ' ' && !v.isPunct(last + 1, '%')
        || (seps[0] == '-' || seps[0] == '.') && phoneCue(v, startTok))) {
      add(out, v, startTok, lastTok, PhiType.PHONE, 0.8);
      return lastTok;
    }
    if (groups >= 3 && digits >= 8 && digits <= 13 && sameSep && !slash && (seps[0] != '.' || groups >= 4)
        && !v.isPunct(last + 1, '%') && tight(v, first, last, seps[0])) {
      boolean ok = g[0] >= 3 || v.text.charAt(v.start[first]) == '0' || seps[0] != ' ';
      for (int k = 0; k < groups; k++) {
        ok &= g[k] >= 2;
      }
      if (ok) {
        add(out, v, startTok, lastTok, PhiType.PHONE, 0.75);
        return lastTok;
      }
    }
    if ((paren && digits >= 7 || digits >= 6 && (groups >= 2 || digits >= 7) && phoneCue(v, startTok))
        && !slash && !v.isPunct(last + 1, '%')) {
      add(out, v, startTok, lastTok, PhiType.PHONE, 0.85);
      return lastTok;
    }
    if (groups == 1 && digits >= 7 && !v.adjacentDotNumber(first)) {
      add(out, v, first, first, PhiType.ID, 0.7);
      return first;
    }
    if (groups == 2 && g[0] == 3 && g[1] == 7 && seps[0] == ' ') {
      add(out, v, startTok, last, PhiType.PHONE, 0.75);
      return last;
    }
    return first;
  }

  /** Whether "-" and "." separators touch their digits ("555-1234", not the range "90 - 77"). */
  private static boolean tight(TextView v, int first, int last, char sep) {
    if (sep == ' ') {
      return true;
    }
    for (int t = first; t < last; t++) {
      if (v.kind[t] == TextView.PUNCT && !v.adjacent(t) || v.kind[t] == TextView.NUMBER && t + 1 <= last
          && v.kind[t + 1] == TextView.PUNCT && !v.adjacent(t)) {
        return false;
      }
    }
    return true;
  }

  /** A phone cue in the four words before a seven-digit number. */
  private static boolean phoneCue(TextView v, int first) {
    for (int k = Math.max(0, first - 4); k < first; k++) {
      if (v.kind[k] == TextView.WORD || v.kind[k] == TextView.ALNUM) {
        String w = v.lower(k);
        if (w.equals("phone") || w.equals("tel") || w.equals("call") || w.equals("cell") || w.equals("home")
            || w.equals("work") || w.equals("pager") || w.equals("number") || w.equals("fax") || w.equals("reached")
            || w.equals("contact") || w.equals("mobile") || w.equals("telephone") || w.equals("ph")
            || w.equals("dial") || w.equals("text") || w.equals("mobile") || w.equals("desk")
            || w.equals("office") || w.equals("answering") || w.equals("registered") || w.equals("reach")
            || w.equals("landline") || w.equals("whatsapp") || w.equals("ring")) {
          return true;
        }
      } else if (v.isPunct(k, '#')) {
        return true;
      }
    }
    return false;
  }

  /** "x45", "ext. 45" after a phone number. */
  private static int extension(TextView v, int last) {
    int n = last + 1;
    if (n < v.size && v.kind[n] == TextView.ALNUM && v.start[n] - v.end[last] <= 1) {
      String w = v.lower(n);
      if (w.startsWith("x") && w.length() <= 6) {
        return n;
      }
    }
    if ((v.is(n, "x") || v.is(n, "ext")) && v.start[n] - v.end[last] <= 1) {
      int k = v.isPunct(n + 1, '.') ? n + 2 : n + 1;
      if (v.isNumber(k) && v.length(k) <= 5) {
        return k;
      }
    }
    return last;
  }
}
