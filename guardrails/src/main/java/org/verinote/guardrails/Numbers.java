package org.verinote.guardrails;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers in digits and in words. {@link #canonical(String)} gives one spelling per value ({@code "40.0"} and
 * {@code "40"} are the same); {@link #spokenValues(List)} reads spoken forms the way clinicians say them: "fifty
 * seven" (57), "one forty over ninety" (140, 90), "one hundred and twenty" (120), "two point five" (2.5),
 * "nineteen ninety" (1990), "five five five one two one two" (5551212). Stateless and thread-safe.
 */
final class Numbers {

  static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("oh", 0),
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
      Map.entry("nineteen", 19));
  static final Map<String, Integer> TENS = tens();

  /** "twenty" … "ninety", and their decades: "in the fifties", "in her fifty's" (50s), "the nineteen nineties". */
  private static Map<String, Integer> tens() {
    Map<String, Integer> m = new java.util.HashMap<>(Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40,
        "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90));
    for (Map.Entry<String, Integer> e : Map.copyOf(m).entrySet()) {
      String stem = e.getKey().substring(0, e.getKey().length() - 1);
      m.put(stem + "ies", e.getValue());
      m.put(e.getKey() + "'s", e.getValue());
      m.put(e.getKey() + "’s", e.getValue());
    }
    return Map.copyOf(m);
  }
  static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
      Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
      Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
      Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
      Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
      Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
      Map.entry("twentieth", 20), Map.entry("thirtieth", 30));

  private Numbers() {}

  /**
   * One spelling per value: no thousands separators, no trailing zeros.
   *
   * @param digits e.g. {@code "1,000"}, {@code "40.0"}
   * @return e.g. {@code "1000"}, {@code "40"}; the input if it is not a number
   */
  static String canonical(String digits) {
    try {
      BigDecimal d = new BigDecimal(digits.replace(",", ""));
      if (d.signum() == 0) {
        return "0";
      }
      return d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return digits;
    }
  }

  static String canonical(double v) {
    return canonical(BigDecimal.valueOf(v).toPlainString());
  }

  /** @return whether the lower-case word is a number word (cardinal, "hundred", "thousand", "point", "half"). */
  static boolean isNumberWord(String w) {
    return NUMBER_WORDS.contains(w);
  }

  /** Every number word, for one lookup per token (this runs on every word of a transcript). */
  private static final Set<String> NUMBER_WORDS = numberWords();

  private static Set<String> numberWords() {
    Set<String> all = new java.util.HashSet<>(UNITS.keySet());
    all.addAll(TENS.keySet());
    all.addAll(ORDINALS.keySet());
    all.addAll(List.of("hundred", "thousand", "half"));
    return Set.copyOf(all);
  }

  /**
   * Every value a run of spoken number words may stand for. Over-generates on purpose (a transcript's number set
   * should contain whatever a careful listener could write down); the note side uses {@link #compose(List)}.
   *
   * @param words lower-case words of one run, e.g. {@code [one, forty]}; may contain "and", "point", "a"
   * @return canonical values
   */
  static Set<String> spokenValues(List<String> words) {
    Set<String> out = new LinkedHashSet<>();
    int point = words.indexOf("point");
    if (point > 0 && point < words.size() - 1) {
      Set<String> whole = spokenValues(words.subList(0, point));
      StringBuilder frac = new StringBuilder();
      for (String w : words.subList(point + 1, words.size())) {
        Integer u = UNITS.get(w);
        if (u != null && u < 10) {
          frac.append(u);
        } else {
          break;
        }
      }
      out.addAll(whole);
      if (frac.length() > 0) {
        for (String w : whole) {
          if (w.indexOf('.') < 0) {
            out.add(canonical(w + "." + frac));
          }
        }
      }
      return out;
    }
    long composed = compose(words);
    if (composed >= 0) {
      out.add(Long.toString(composed));
    }
    // Group into "tens units" / "teen" / "unit" chunks; every contiguous run of chunks read as digits.
    List<Long> groups = new java.util.ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      if (TENS.containsKey(w)) {
        long v = TENS.get(w);
        if (i + 1 < words.size() && UNITS.containsKey(words.get(i + 1)) && UNITS.get(words.get(i + 1)) < 10
            && UNITS.get(words.get(i + 1)) > 0) {
          v += UNITS.get(words.get(i + 1));
          i++;
        }
        groups.add(v);
      } else if (UNITS.containsKey(w)) {
        groups.add((long) UNITS.get(w));
      } else if (ORDINALS.containsKey(w)) {
        groups.add((long) ORDINALS.get(w));
      } else if (w.equals("half")) {
        out.add("0.5");
      }
      i++;
    }
    for (int a = 0; a < groups.size(); a++) {
      StringBuilder sb = new StringBuilder();
      for (int b = a; b < groups.size() && sb.length() <= 15; b++) {
        sb.append(groups.get(b));
        out.add(canonical(sb.toString()));
      }
    }
    if (words.contains("half") && composed >= 0) {
      out.add(canonical(composed + ".5"));
    }
    return out;
  }

  /**
   * The standard compositional value: "one hundred and twenty" = 120, "two thousand nine" = 2009, "fifty seven" =
   * 57. Returns -1 when the words are not one well-formed number ("one forty" is not: see
   * {@link #spokenValues(List)}).
   *
   * @param words lower-case number words, "and" and "a" allowed
   * @return the value or -1
   */
  static long compose(List<String> words) {
    long total = 0;
    long current = 0;
    boolean any = false;
    int lastScale = Integer.MAX_VALUE;
    String prev = null;
    for (String w : words) {
      if (w.equals("and") || w.equals("a")) {
        prev = w;
        continue;
      }
      if (UNITS.containsKey(w)) {
        int u = UNITS.get(w);
        if (prev != null && (UNITS.containsKey(prev) || (TENS.containsKey(prev) && u >= 10))) {
          return -1;
        }
        current += u;
      } else if (TENS.containsKey(w)) {
        if (prev != null && (UNITS.containsKey(prev) || TENS.containsKey(prev)) && current % 100 != 0) {
          return -1;
        }
        current += TENS.get(w);
      } else if (ORDINALS.containsKey(w)) {
        current += ORDINALS.get(w);
      } else if (w.equals("hundred")) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (w.equals("thousand")) {
        if (lastScale <= 1000) {
          return -1;
        }
        total += (current == 0 ? 1 : current) * 1000;
        current = 0;
        lastScale = 1000;
      } else if (w.equals("half")) {
        prev = w;
        continue;
      } else {
        return -1;
      }
      any = true;
      prev = w;
    }
    return any ? total + current : -1;
  }
}
