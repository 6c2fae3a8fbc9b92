package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, web addresses ({@code https://…}, {@code www.…}, {@code name.com}) and IPv6 addresses. Scans
 * characters around anchors ({@code @}, {@code ://}, {@code www.}, a dot before a top-level domain) with bounded
 * expansion, so the cost stays linear on any input.
 */
final class ContactRecognizer implements Recognizer {

  private static final int MAX_LOCAL = 64;
  private static final int MAX_HOST = 253;
  private static final int MAX_URL = 2048;
  private static final Set<String> TLDS = Set.of("com", "org", "net", "edu", "gov", "mil", "int", "info", "biz",
      "io", "uk", "ca", "au", "nz", "ie", "fr", "nl", "ch", "se", "dk", "fi", "pl", "cz", "hu", "pt", "br", "uy",
      "cy", "ar", "mx", "jp", "cn", "ru", "eu", "health", "app", "dev", "ai", "ly", "tv", "gr", "ro", "bg", "sk",
      "si", "ee", "lv", "lt", "tn", "za", "gl", "is", "no", "de", "es", "be", "at", "it", "us", "co", "me", "in");
  private static final Pattern IPV6 = Pattern.compile(
      "(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])"
          + "|(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?"
          + "(?![0-9A-Fa-f:])");

  @Override
  public String name() {
    return "contacts";
  }

  @Override
  public List<PhiSpan> recognize(String text) {
    Objects.requireNonNull(text, "text");
    List<PhiSpan> out = new ArrayList<>();
    int covered = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (i < covered) {
        continue;
      }
      if (c == '@') {
        int e = email(text, i, out);
        covered = Math.max(covered, e);
      } else if ((c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') && (i == 0
          || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        int e = urlStart(text, i);
        if (e > i) {
          out.add(new PhiSpan(i, e, PhiType.URL, 0.95));
          covered = e;
        }
      } else if (c == '.' && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        int[] d = domain(text, i);
        if (d != null) {
          out.add(new PhiSpan(d[0], d[1], PhiType.URL, 0.85));
          covered = d[1];
        }
      }
    }
    ipv6(text, out);
    return out;
  }

  /** Runs of hex digits and colons around each colon are matched against the IPv6 shape, each run once. */
  private static void ipv6(String text, List<PhiSpan> out) {
    int len = text.length();
    int done = 0;
    for (int c = text.indexOf(':'); c >= 0; c = text.indexOf(':', c + 1)) {
      if (c < done) {
        continue;
      }
      int s = c;
      while (s > 0 && c - s < 64 && hexOrColon(text.charAt(s - 1))) {
        s--;
      }
      int i = c;
      int colons = 0;
      while (i < len && i - s < 64 && hexOrColon(text.charAt(i))) {
        colons += text.charAt(i) == ':' ? 1 : 0;
        i++;
      }
      done = i;
      if (colons >= 2 && i - s >= 6 && (i >= len || !Character.isLetterOrDigit(text.charAt(i)))
          && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)))) {
        Matcher m = IPV6.matcher(text.substring(s, i));
        if (m.matches()) {
          String v = m.group();
          if ((v.contains("::") || countColons(v) == 7) && hasHexLetterOrLong(v)) {
            out.add(new PhiSpan(s, i, PhiType.IP_ADDRESS, 0.9));
          }
        }
      }
    }
  }

  private static boolean hexOrColon(char c) {
    return c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static int countColons(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) == ':' ? 1 : 0;
    }
    return n;
  }

  private static boolean hasHexLetterOrLong(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c >= 'a' && c <= 'f') {
        return true;
      }
    }
    return s.length() >= 15;
  }

  private static boolean localChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
  }

  private static boolean hostChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
  }

  private static int email(String text, int at, List<PhiSpan> out) {
    int s = at;
    while (s > 0 && at - s < MAX_LOCAL && localChar(text.charAt(s - 1))) {
      s--;
    }
    int e = at + 1;
    while (e < text.length() && e - at < MAX_HOST && hostChar(text.charAt(e))) {
      e++;
    }
    while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
      e--;
    }
    int dot = text.lastIndexOf('.', e - 1);
    if (s == at || dot <= at + 1 || e - dot < 3) {
      return at + 1;
    }
    for (int k = dot + 1; k < e; k++) {
      if (!Character.isLetter(text.charAt(k))) {
        return at + 1;
      }
    }
    out.add(new PhiSpan(s, e, PhiType.EMAIL, 0.95));
    return e;
  }

  private static int urlStart(String text, int i) {
    int bodyStart;
    if (text.regionMatches(true, i, "https://", 0, 8)) {
      bodyStart = i + 8;
    } else if (text.regionMatches(true, i, "http://", 0, 7)) {
      bodyStart = i + 7;
    } else if (text.regionMatches(true, i, "ftp://", 0, 6)) {
      bodyStart = i + 6;
    } else if (text.regionMatches(true, i, "www.", 0, 4)) {
      bodyStart = i + 4;
    } else {
      return i;
    }
    int e = urlEnd(text, bodyStart);
    return e - bodyStart >= 3 ? e : i;
  }

  private static int urlEnd(String text, int from) {
    int e = from;
    while (e < text.length() && e - from < MAX_URL) {
      char c = text.charAt(e);
      if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '\'' || c == '[' || c == ']') {
        break;
      }
      e++;
    }
    while (e > from && ".,;:!?)".indexOf(text.charAt(e - 1)) >= 0) {
      e--;
    }
    return e;
  }

  /** A bare host name such as {@code ClickPhobia.com.br}: {start, end} or null. */
  private static int[] domain(String text, int dot) {
    int t = dot + 1;
    int te = t;
    while (te < text.length() && te - t < 8 && Character.isLetter(text.charAt(te)) && text.charAt(te) < 128) {
      te++;
    }
    if (te - t < 2 || te < text.length() && (Character.isLetterOrDigit(text.charAt(te)) || text.charAt(te) == '@')) {
      return null;
    }
    String tld = text.substring(t, te);
    String lowerTld = tld.toLowerCase(Locale.ROOT);
    if (!TLDS.contains(lowerTld)) {
      return null;
    }
    int s = dot;
    while (s > 0 && dot - s < MAX_HOST && hostChar(text.charAt(s - 1))) {
      s--;
    }
    while (s < dot && (text.charAt(s) == '.' || text.charAt(s) == '-')) {
      s++;
    }
    if (dot - s < 2 || s > 0 && text.charAt(s - 1) == '@') {
      return null;
    }
    String host = text.substring(s, dot);
    if (!STRONG_TLDS.contains(lowerTld) && !hasMixedCase(host) && !endsWithStrong(host)) {
      return null; // "secretions.pt", "today=12.5.no": a missing space, not an address
    }
    if (!tld.equals(lowerTld) || !hasLetter(host)) {
      return null;
    }
    if (tld.equals(tld.toUpperCase(Locale.ROOT)) && host.equals(host.toUpperCase(Locale.ROOT))) {
      return null; // "PT.IN", "HOSP.COM" in shouted notes: not an address
    }
    int e = te;
    if (e < text.length() && text.charAt(e) == '/') {
      e = urlEnd(text, e);
    }
    return new int[] {s, e};
  }

  private static final Set<String> STRONG_TLDS = Set.of("com", "org", "net", "edu", "gov", "info", "biz", "io");

  private static boolean endsWithStrong(String host) {
    int dot = host.lastIndexOf('.');
    return dot > 0 && STRONG_TLDS.contains(host.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMixedCase(String s) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    return upper && lower;
  }

  @Override
  public String toString() {
    return "Recognizer[contacts]";
  }
}
