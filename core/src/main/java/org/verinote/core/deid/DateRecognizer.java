package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.List;

/**
 * Date elements other than the year alone: numeric ({@code 7/22}, {@code 10/26/05}, {@code 2009-01-10}), written
 * ({@code Jan 10, 2009}, {@code 10th of January}) and spoken ({@code january tenth two thousand nine}).
 */
final class DateRecognizer extends TokenRecognizer {

  private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};

  private static final java.util.Set<String> SCALE_WORDS = java.util.Set.of("pain", "strength", "scale", "pulses",
      "pulse", "grade", "murmur", "rated", "motor", "power", "score", "rate", "ps", "psv", "peep", "cpap", "bipap",
      "simv", "ac", "settings", "perrla", "perl", "amp", "fio2", "bp", "sbp", "dbp", "map", "ratio", "gcs", "tv",
      "mmhg", "cmh2o", "cp", "pip", "ie");

  private static final java.util.Set<String> DATE_PREPOSITIONS = java.util.Set.of("on", "since", "from", "until",
      "till", "before", "after", "dated", "born");

  private static final java.util.Set<String> SCALE_AFTER = java.util.Set.of("strength", "pulses", "pulse", "way",
      "ns", "peep", "ps", "amp", "cmh2o", "cm", "mmhg", "hrs", "reactive", "scale", "motor", "power");

  /** A date found between two tokens, inclusive. */
  record Hit(int first, int last, DateValue value, double confidence) {}

  DateRecognizer() {
    super("dates");
  }

  @Override
  void scan(TextView v, List<PhiSpan> out) {
    for (Hit h : find(v)) {
      add(out, v, h.first(), h.last(), PhiType.DATE, h.confidence());
    }
  }

  /**
   * Parses a whole expression, e.g. a span found earlier.
   *
   * @return the value, or null if {@code surface} is not exactly one date
   */
  static DateValue parse(String surface) {
    TextView v = TextView.of(surface);
    for (Hit h : find(v)) {
      if (h.first() == 0 && h.last() == v.size - 1) {
        return h.value();
      }
    }
    return null;
  }

  static List<Hit> find(TextView v) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < v.size) {
      Hit h = numeric(v, i);
      if (h == null) {
        h = written(v, i);
      }
      if (h == null) {
        h = contextual(v, i);
      }
      if (h != null) {
        hits.add(h);
        i = h.last() + 1;
      } else {
        i++;
      }
    }
    return hits;
  }

  // ---- numeric: m/d, m/d/yy, m/d/yyyy, m-d-yyyy, m.d.yyyy, yyyy-mm-dd

  private static Hit numeric(TextView v, int i) {
    if (v.kind[i] != TextView.NUMBER) {
      return null;
    }
    if (i > 0 && v.end[i - 1] == v.start[i] && (v.kind[i - 1] != TextView.PUNCT
        || v.isPunct(i - 1, '/')
        || v.isPunct(i - 1, '.') && (v.isNumber(i - 2) || !v.adjacent(i - 2))
        || v.isPunct(i - 1, ':') && v.isNumber(i - 2) && v.adjacent(i - 2)
        || v.isPunct(i - 1, '-') && !(v.isPunct(i - 3, '/') && v.isNumber(i - 2)) && !v.isWord(i - 2))) {
      return null;
    }
    if (!(v.adjacent(i) && v.adjacent(i + 1) && i + 2 < v.size && v.kind[i + 1] == TextView.PUNCT
        && v.kind[i + 2] == TextView.NUMBER)) {
      return null;
    }
    char sep = v.text.charAt(v.start[i + 1]);
    if (sep != '/' && sep != '-' && sep != '.') {
      return null;
    }
    int a = v.intValue(i);
    int b = v.intValue(i + 2);
    if (v.length(i) == 4 && sep == '-') {
      // ISO yyyy-mm-dd
      if (v.adjacent(i + 2) && v.isPunct(i + 3, '-') && v.adjacent(i + 3) && v.isNumber(i + 4)
          && v.length(i + 2) <= 2 && v.length(i + 4) <= 2) {
        int d = v.intValue(i + 4);
        if (DateValue.valid(b, d) && a >= 1800 && a <= 2199 && notContinued(v, i + 4)) {
          return new Hit(i, i + 4, new DateValue(a, b, d, DateValue.Style.ISO, '-', 4), 0.95);
        }
      }
      return null;
    }
    if (v.length(i) > 2 || v.length(i + 2) > 2) {
      return null;
    }
    int month = a;
    int day = b;
    if (!DateValue.valid(month, day)) {
      if (a >= 1 && a <= 12 && b >= 32 && sep == '/') {
        month = a;
        day = 1;
      } else if (DateValue.valid(b, a)) {
        month = b;
        day = a;
      } else {
        return null;
      }
    }
    boolean third = v.adjacent(i + 2) && i + 4 < v.size && v.isPunct(i + 3, sep) && v.adjacent(i + 3)
        && v.isNumber(i + 4);
    if (third && sep == '/' && v.length(i + 4) <= 2 && v.adjacent(i + 4) && v.isPunct(i + 5, '/')
        && v.adjacent(i + 5) && v.isNumber(i + 6) && v.length(i + 6) <= 2 && notContinued(v, i + 6)
        && DateValue.valid(v.intValue(i + 4), v.intValue(i + 6))) {
      // "10/03/10/04": two month/day dates run together; no single calendar date, so never shifted
      return new Hit(i, i + 6, new DateValue(0, 0, 0, DateValue.Style.NUMERIC_MDY, '/', 0), 0.8);
    }
    if (third) {
      int len = v.length(i + 4);
      if ((len == 2 || len == 4) && notContinued(v, i + 4)) {
        int y = v.intValue(i + 4);
        int year = len == 2 ? (y <= 30 ? 2000 + y : 1900 + y) : y;
        if (year >= 1800 && year <= 2199) {
          return new Hit(i, i + 4, new DateValue(year, month, day, DateValue.Style.NUMERIC_MDY, sep, len), 0.95);
        }
      }
      return null;
    }
    if (sep != '/' || !notContinued(v, i + 2) || scaleContext(v, i)) {
      return null;
    }
    if (a >= 1 && a <= 12 && b >= 32 && v.length(i + 2) == 2) {
      // "8/87": month and two-digit year
      return new Hit(i, i + 2, new DateValue(1900 + b, a, 1, DateValue.Style.NUMERIC_MDY, '/', -2), 0.85);
    }
    if ((a == 1 && (b == 2 || b == 3 || b == 4 || b == 8) || a == b && a <= 5) && !datePreposition(v, i - 1)) {
      return null; // fractions: "1/2 amp", "2/2"
    }
    return new Hit(i, i + 2, new DateValue(0, month, day, DateValue.Style.NUMERIC_MDY, '/', 0), 0.8);
  }

  /**
   * A two-digit year marked by an apostrophe: "'09 PTCA", "CVA 74'", "prostate CA'88" — but not a height ("5'10")
   * or a quoted number ("'10'").
   */
  private static boolean apostropheYear(TextView v, int i) {
    boolean before = i > 0 && v.adjacent(i - 1) && isApostrophe(v, i - 1)
        && !(i > 1 && v.adjacent(i - 2) && v.isNumber(i - 2));
    boolean after = i + 1 < v.size && v.adjacent(i) && isApostrophe(v, i + 1)
        && !(i + 2 < v.size && v.adjacent(i + 1) && (v.isNumber(i + 2) || v.isWord(i + 2)))
        && !(i > 0 && v.adjacent(i - 1) && v.kind[i - 1] != TextView.WORD && !isApostrophe(v, i - 1));
    boolean quoted = before && i + 1 < v.size && v.adjacent(i) && isApostrophe(v, i + 1);
    return (before || after) && !quoted && !(i + 1 < v.size && v.adjacent(i) && (v.isPunct(i + 1, '"')
        || v.isPunct(i + 1, '\u201D')));
  }

  private static boolean isApostrophe(TextView v, int k) {
    return v.isPunct(k, '\'') || v.isPunct(k, '\u2019');
  }

  private static boolean datePreposition(TextView v, int k) {
    return v.is(k, "post") || v.is(k, "since") || v.is(k, "until");
  }

  /**
   * Dates that only their context marks: "it's the 11th." (a digit ordinal closing a clause), "in sept." (a month
   * after "in", "since", "early"…), "returned to OR on 7-8 for" (a dashed month-day after "on"). Their values carry
   * no full date, so date shifting falls back to a token.
   */
  private static Hit contextual(TextView v, int i) {
    if (v.is(i, "the") && i + 1 < v.size && v.kind[i + 1] == TextView.ALNUM) {
      int[] day = day(v, i + 1);
      int n = day == null ? -1 : day[1] + 1;
      if (day != null && (n >= v.size || v.isPunct(n, '.') || v.isPunct(n, ';') || v.isPunct(n, ')')
          || v.isPunct(n, '"') || v.isPunct(n, '!') || v.isPunct(n, '?'))) {
        return new Hit(i, day[1], new DateValue(0, 0, day[0], DateValue.Style.WRITTEN, ' ', 0), 0.7);
      }
      return null;
    }
    if (v.kind[i] == TextView.WORD && Words.MONTHS.containsKey(v.lower(i)) && v.length(i) >= 3) {
      String m = v.lower(i);
      boolean ambiguous = m.equals("may") || m.equals("march") || m.equals("mar") || m.equals("jan")
          || m.equals("dec") || m.equals("june") || m.equals("april") || m.equals("august");
      if (ambiguous && !v.isCapitalized(i)) {
        return null;
      }
      if (v.is(i - 1, "in") || v.is(i - 1, "since") || v.is(i - 1, "early") || v.is(i - 1, "late")
          || v.is(i - 1, "mid") || v.is(i - 1, "until") || v.is(i - 1, "during")) {
        return new Hit(i, i, new DateValue(0, Words.MONTHS.get(m), 0, DateValue.Style.WRITTEN, ' ', 0), 0.7);
      }
      return null;
    }
    if (v.kind[i] == TextView.NUMBER && v.length(i) == 2 && apostropheYear(v, i)) {
      return new Hit(i, i, new DateValue(0, 0, 0, DateValue.Style.NUMERIC_MDY, '\'', 0), 0.7);
    }
    if (v.kind[i] == TextView.NUMBER && v.is(i - 1, "on") && v.length(i) <= 2 && v.adjacent(i)
        && v.isPunct(i + 1, '-') && v.adjacent(i + 1) && v.isNumber(i + 2) && v.length(i + 2) <= 2) {
      int a = v.intValue(i);
      int b = v.intValue(i + 2);
      int after = i + 3;
      boolean closes = after >= v.size
          || v.kind[after] == TextView.PUNCT && !v.isPunct(after, '-') && !v.isPunct(after, '/')
          && !v.isPunct(after, '%') && !v.isPunct(after, '.')
          || !v.adjacent(i + 2) && (v.is(after, "for") || v.is(after, "and") || v.is(after, "at")
          || v.is(after, "with"));
      if (DateValue.valid(a, b) && closes) {
        return new Hit(i, i + 2, new DateValue(0, a, b, DateValue.Style.NUMERIC_MDY, '-', 0), 0.7);
      }
    }
    return null;
  }

  private static boolean notContinued(TextView v, int last) {
    if (!v.adjacent(last)) {
      return true;
    }
    char c = v.text.charAt(v.start[last + 1]);
    if (c == '/' || c == '%') {
      return false;
    }
    if (c == ':') {
      return !(v.adjacent(last + 1) && last + 2 < v.size && v.isNumber(last + 2));
    }
    if (c == '-') {
      return !(last + 2 < v.size && v.adjacent(last + 1) && v.isNumber(last + 2) && !v.isPunct(last + 3, '/'));
    }
    return c != '.' || !(last + 2 < v.size && v.adjacent(last + 1) && v.isNumber(last + 2));
  }

  /** "5/5 strength", "pain 8/10", "2+/4 pulses": ratios, not dates. */
  private static boolean scaleContext(TextView v, int i) {
    int denom = v.intValue(i + 2);
    if (i > 0 && v.isWord(i - 1) && DATE_PREPOSITIONS.contains(v.lower(i - 1))) {
      return denom == 0;
    }
    for (int k = Math.max(0, i - 2); k < i; k++) {
      if (v.kind[k] == TextView.WORD && SCALE_WORDS.contains(v.lower(k))) {
        return true;
      }
    }
    for (int k = i + 3; k <= Math.min(v.size - 1, i + 4); k++) {
      if (v.kind[k] == TextView.WORD && SCALE_AFTER.contains(v.lower(k))) {
        return true;
      }
    }
    return denom == 0 || v.isPunct(i - 1, '+') || v.isPunct(i + 3, '+') && v.adjacent(i + 2);
  }

  // ---- written and spoken

  private static Hit written(TextView v, int i) {
    if (v.kind[i] == TextView.WORD && Words.MONTHS.containsKey(v.lower(i))) {
      return monthFirst(v, i);
    }
    if (v.is(i, "the")) {
      int[] day = day(v, i + 1);
      if (day != null) {
        Hit h = dayFirst(v, i + 1, day);
        return h == null ? null : new Hit(i, h.last(), h.value(), h.confidence());
      }
      return null;
    }
    int[] day = day(v, i);
    return day == null ? null : dayFirst(v, i, day);
  }

  /** "January 10", "jan. 10th, 2009", "january tenth two thousand nine", "January 2009". */
  private static Hit monthFirst(TextView v, int i) {
    String m = v.lower(i);
    int month = Words.MONTHS.get(m);
    boolean capital = v.isCapitalized(i);
    if ((m.equals("may") || m.equals("march") || m.equals("mar") || m.equals("jan") || m.equals("dec"))
        && !capital && v.style == TextView.Style.MIXED) {
      // lower-case "may"/"march" in prose are verbs; only spoken-style text keeps lower-case months
      return null;
    }
    int j = i + 1;
    if (v.isPunct(j, '.') && m.length() <= 4) {
      j++;
    }
    if (v.is(j, "the")) {
      j++;
    }
    int[] day = day(v, j);
    if (day != null && DateValue.valid(month, day[0])) {
      int last = day[1];
      int k = last + 1;
      if (v.isPunct(k, ',')) {
        k++;
      }
      int[] year = year(v, k);
      if (year != null) {
        return new Hit(i, year[1], new DateValue(year[0], month, day[0], DateValue.Style.WRITTEN, ' ', 4), 0.9);
      }
      return new Hit(i, last, new DateValue(0, month, day[0], DateValue.Style.WRITTEN, ' ', 0), 0.85);
    }
    int k = j;
    if (v.isPunct(k, ',')) {
      k++;
    }
    int[] year = year(v, k);
    if (year != null && (m.length() > 3 || capital || v.isPunct(i + 1, '.'))) {
      return new Hit(i, year[1], new DateValue(year[0], month, 1, DateValue.Style.WRITTEN, ' ', -1), 0.85);
    }
    return null;
  }

  /** "10 January 2009", "the 10th of january", "tenth of january". */
  private static Hit dayFirst(TextView v, int i, int[] day) {
    int j = day[1] + 1;
    if (v.is(j, "of")) {
      j++;
    }
    if (!v.isWord(j) || !Words.MONTHS.containsKey(v.lower(j))) {
      return null;
    }
    String m = v.lower(j);
    if ((m.equals("may") || m.equals("march")) && !v.is(day[1] + 1, "of") && !v.isCapitalized(j)) {
      return null;
    }
    int month = Words.MONTHS.get(m);
    if (!DateValue.valid(month, day[0])) {
      return null;
    }
    int last = j;
    int k = j + 1;
    if (v.isPunct(k, '.') && m.length() <= 4) {
      last = k;
      k++;
    }
    if (v.isPunct(k, ',')) {
      k++;
    }
    int[] year = year(v, k);
    if (year != null) {
      return new Hit(i, year[1], new DateValue(year[0], month, day[0], DateValue.Style.WRITTEN, ' ', 4), 0.9);
    }
    return new Hit(i, last, new DateValue(0, month, day[0], DateValue.Style.WRITTEN, ' ', 0), 0.85);
  }

  /** A day of month at token {@code j}: {value, last token}, or null. */
  static int[] day(TextView v, int j) {
    if (j >= v.size) {
      return null;
    }
    if (v.kind[j] == TextView.NUMBER && v.length(j) <= 2) {
      int d = v.intValue(j);
      if (d >= 1 && d <= 31 && !(v.adjacent(j) && (v.isPunct(j + 1, ':') || v.isPunct(j + 1, '.')
          && v.isNumber(j + 2) && v.adjacent(j + 1)))) {
        return new int[] {d, j};
      }
      return null;
    }
    if (v.kind[j] == TextView.ALNUM) {
      String w = v.lower(j);
      int p = 0;
      while (p < w.length() && Character.isDigit(w.charAt(p))) {
        p++;
      }
      String suffix = w.substring(p);
      if (p >= 1 && p <= 2 && (suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd")
          || suffix.equals("th"))) {
        int d = Integer.parseInt(w.substring(0, p));
        return d >= 1 && d <= 31 ? new int[] {d, j} : null;
      }
      return null;
    }
    if (v.kind[j] != TextView.WORD) {
      return null;
    }
    String w = v.lower(j);
    Integer ord = Words.ORDINALS.get(w);
    if (ord != null) {
      return new int[] {ord, j};
    }
    Integer tens = Words.NUMBERS.get(w);
    if (tens != null && (tens == 20 || tens == 30)) {
      int k = v.isPunct(j + 1, '-') && v.adjacent(j) ? j + 2 : j + 1;
      if (v.isWord(k)) {
        Integer unit = Words.ORDINALS.get(v.lower(k));
        if (unit == null) {
          unit = Words.NUMBERS.get(v.lower(k));
        }
        if (unit != null && unit >= 1 && unit <= 9 && tens + unit <= 31) {
          return new int[] {tens + unit, k};
        }
      }
      return new int[] {tens, j};
    }
    return null;
  }

  /** A year at token {@code j}: {value, last token}, or null. Digits or spoken ("two thousand nine"). */
  static int[] year(TextView v, int j) {
    if (j >= v.size) {
      return null;
    }
    if (v.kind[j] == TextView.NUMBER && v.length(j) == 4) {
      int y = v.intValue(j);
      return y >= 1800 && y <= 2199 ? new int[] {y, j} : null;
    }
    if (v.isPunct(j, '\'') && v.isNumber(j + 1) && v.length(j + 1) == 2) {
      int y = v.intValue(j + 1);
      return new int[] {y <= 30 ? 2000 + y : 1900 + y, j + 1};
    }
    if (!v.isWord(j)) {
      return null;
    }
    if (v.is(j, "two") && v.is(j + 1, "thousand")) {
      int k = j + 2;
      if (v.is(k, "and")) {
        k++;
      }
      int[] rest = spokenUnder100(v, k);
      return rest == null ? new int[] {2000, j + 1} : new int[] {2000 + rest[0], rest[1]};
    }
    int[] hi = spokenUnder100(v, j);
    if (hi == null || hi[0] < 17 || hi[0] > 21) {
      return null;
    }
    int k = hi[1] + 1;
    if (v.is(k, "hundred")) {
      return new int[] {hi[0] * 100, k};
    }
    if (v.is(k, "oh") || v.is(k, "o")) {
      Integer unit = v.isWord(k + 1) ? Words.NUMBERS.get(v.lower(k + 1)) : null;
      return unit != null && unit >= 1 && unit <= 9 ? new int[] {hi[0] * 100 + unit, k + 1} : null;
    }
    int[] lo = spokenUnder100(v, k);
    if (lo == null || lo[0] < 10) {
      return null;
    }
    return new int[] {hi[0] * 100 + lo[0], lo[1]};
  }

  /** A spoken number 0..99 ("nine", "nineteen", "eighty four", "twenty-one"): {value, last token}. */
  static int[] spokenUnder100(TextView v, int j) {
    if (!v.isWord(j)) {
      return null;
    }
    Integer n = Words.NUMBERS.get(v.lower(j));
    if (n == null || v.is(j, "oh")) {
      return null;
    }
    if (n >= 20) {
      int k = v.isPunct(j + 1, '-') && v.adjacent(j) ? j + 2 : j + 1;
      if (v.isWord(k)) {
        Integer unit = Words.NUMBERS.get(v.lower(k));
        if (unit != null && unit >= 1 && unit <= 9 && !v.is(k, "oh")) {
          return new int[] {n + unit, k};
        }
      }
    }
    return new int[] {n, j};
  }

  /** Writes a date in the style it was found in (used by date shifting). */
  static String format(DateValue original, java.time.LocalDate shifted) {
    int m = shifted.getMonthValue();
    int d = shifted.getDayOfMonth();
    int y = shifted.getYear();
    switch (original.style()) {
      case ISO:
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", y, m, d);
      case NUMERIC_MDY:
        if (!original.hasYear()) {
          return m + "/" + d;
        }
        if (original.yearDigits() == -2) {
          return m + "/" + String.format(java.util.Locale.ROOT, "%02d", y % 100);
        }
        String year = original.yearDigits() == 2 ? String.format(java.util.Locale.ROOT, "%02d", y % 100)
            : Integer.toString(y);
        return m + String.valueOf(original.separator()) + d + original.separator() + year;
      default:
        if (original.yearDigits() < 0) {
          return MONTH_NAMES[m - 1] + " " + y;
        }
        return MONTH_NAMES[m - 1] + " " + d + (original.hasYear() ? ", " + y : "");
    }
  }
}
