package org.verinote.core.deid;

import java.util.List;

/** Ages over 89, in digits or spoken: "92 year old", "92yo", "aged 95", "ninety two years old". */
final class AgeRecognizer extends TokenRecognizer {

  AgeRecognizer() {
    super("ages");
  }

  @Override
  void scan(TextView v, List<PhiSpan> out) {
    for (int i = 0; i < v.size; i++) {
      if (v.kind[i] == TextView.NUMBER) {
        int n = v.intValue(i);
        if (n >= 90 && n <= 130 && (ageAfter(v, i + 1) || ageBefore(v, i - 1))) {
          add(out, v, i, i, PhiType.AGE, 0.9);
        }
      } else if (v.kind[i] == TextView.ALNUM) {
        String w = v.lower(i);
        int p = 0;
        while (p < w.length() && Character.isDigit(w.charAt(p))) {
          p++;
        }
        if (p >= 2 && p <= 3) {
          int n = Integer.parseInt(w.substring(0, p));
          String unit = w.substring(p);
          if (n >= 90 && n <= 130 && (unit.equals("yo") || unit.equals("y") || unit.equals("yr")
              || unit.equals("yrs") || unit.equals("yof") || unit.equals("yom"))) {
            add(out, v, i, i, PhiType.AGE, 0.9);
          }
        }
      } else if (v.kind[i] == TextView.WORD && (v.is(i, "ninety") || v.is(i, "hundred"))) {
        int first = i;
        if (v.is(i, "hundred") && (v.is(i - 1, "a") || v.is(i - 1, "one"))) {
          first = i - 1;
        }
        int last = i;
        int k = i + 1;
        if (v.isPunct(k, '-') && v.adjacent(i)) {
          k++;
        }
        if (v.is(k, "and")) {
          k++;
        }
        int[] rest = DateRecognizer.spokenUnder100(v, k);
        if (rest != null && rest[0] < 10 || v.is(i, "hundred") && rest != null) {
          last = rest[1];
        }
        if (ageAfter(v, last + 1) || ageBefore(v, first - 1)) {
          add(out, v, first, last, PhiType.AGE, 0.9);
          i = last;
        }
      }
    }
  }

  private static boolean ageAfter(TextView v, int j) {
    if (v.isPunct(j, '-') && v.adjacent(j - 1)) {
      j++;
    }
    if (!v.isWord(j)) {
      return false;
    }
    String w = v.lower(j);
    if (w.equals("y") && v.isPunct(j + 1, '/')) {
      return true;
    }
    return w.equals("year") || w.equals("years") || w.equals("yr") || w.equals("yrs") || w.equals("yo")
        || w.equals("yearold") || w.equals("y");
  }

  private static boolean ageBefore(TextView v, int j) {
    if (v.isPunct(j, ':')) {
      j--;
    }
    return v.is(j, "age") || v.is(j, "aged") || v.is(j, "turned") || v.is(j, "turning");
  }
}
