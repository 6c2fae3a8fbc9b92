package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs recognizers and turns their overlapping hits into one non-overlapping list: higher confidence wins, then the
 * longer span; a weaker span that sticks out of a stronger one keeps the part that sticks out (no identifier text is
 * dropped because two recognizers disagree on its extent); adjacent name parts ("Mary" + "Hulse") merge into one name.
 */
final class SpanResolver {

  private SpanResolver() {}

  static List<PhiSpan> detect(RecognizerRegistry registry, String text) {
    List<PhiSpan> all = new ArrayList<>();
    TextView view = null;
    for (Recognizer r : registry.recognizers()) {
      if (r instanceof TokenRecognizer) {
        if (view == null) {
          view = TextView.of(text);
        }
        ((TokenRecognizer) r).scan(view, all);
      } else {
        List<PhiSpan> hits = r.recognize(text);
        if (hits == null) {
          throw new IllegalStateException("Recognizer '" + r.name() + "' returned null; return an empty list.");
        }
        for (PhiSpan s : hits) {
          if (s.end() > text.length()) {
            throw new IllegalStateException("Recognizer '" + r.name() + "' returned a span ending at " + s.end()
                + " in a text of " + text.length() + " characters.");
          }
          all.add(s);
        }
      }
    }
    return all;
  }

  /** Resolves overlaps; the result is sorted by start. */
  static List<PhiSpan> resolve(List<PhiSpan> spans, String text) {
    List<PhiSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingDouble(PhiSpan::confidence).reversed()
        .thenComparing(Comparator.comparingInt(PhiSpan::length).reversed())
        .thenComparingInt(PhiSpan::start)
        .thenComparing(PhiSpan::type));
    TreeMap<Integer, PhiSpan> accepted = new TreeMap<>();
    for (PhiSpan s : sorted) {
      int start = s.start();
      int end = s.end();
      Map.Entry<Integer, PhiSpan> before = accepted.floorEntry(start);
      if (before != null && before.getValue().end() > start) {
        start = before.getValue().end(); // "Milford Mill" loses "Mill" to a stronger name: keep "Milford"
      }
      Map.Entry<Integer, PhiSpan> after = accepted.ceilingEntry(start);
      if (after != null && after.getKey() < end) {
        if (after.getValue().end() < end || start >= end) {
          continue; // a stronger span strictly inside this one, or nothing left: the stronger span stands alone
        }
        end = after.getKey();
      }
      while (start > s.start() && start < end && !Character.isLetterOrDigit(text.charAt(start))) {
        start++;
      }
      while (end < s.end() && end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
        end--;
      }
      if (end <= start) {
        continue;
      }
      accepted.put(start, start == s.start() && end == s.end() ? s
          : new PhiSpan(start, end, s.type(), s.confidence()));
    }
    List<PhiSpan> out = new ArrayList<>(accepted.size());
    for (PhiSpan s : accepted.values()) {
      if (!out.isEmpty()) {
        PhiSpan prev = out.get(out.size() - 1);
        if (prev.type().isName() && s.type().isName() && onlySpaces(text, prev.end(), s.start())) {
          out.set(out.size() - 1, new PhiSpan(prev.start(), s.end(), stronger(prev.type(), s.type()),
              Math.max(prev.confidence(), s.confidence())));
          continue;
        }
      }
      out.add(s);
    }
    return propagate(out, text);
  }

  /** Confidence of a span found only because the same word was recognised elsewhere in the text. */
  private static final double PROPAGATED = 0.55;

  /** The least confidence of a facility span that seeds propagation (the hospital-acronym rule's). */
  private static final double MIN_FACILITY_SEED = 0.6;

  /** The least confidence of a place span that seeds propagation: above the bare "from X" cue's 0.6. */
  private static final double MIN_PLACE_SEED = 0.65;

  /** Lexicon categories that make a word too ordinary to propagate: "bay", "general", "lasix"… */
  private static final int ORDINARY = ~(Lexicon.FIRST | Lexicon.SURNAME);

  /**
   * Document-level propagation: a place or facility recognised once with context ("transferred to GH", "transfer to
   * Quartermain 2", "Calvert Hospital") is an identifier everywhere else in the same text ("GH EW", "QUARTERMAIN/CCU",
   * "at Calvert-"), where no cue stands next to it. Seeds are facility spans and the more certain place spans (the
   * weakest place cue, a bare "from X", seeds nothing); only words no dictionary knows as ordinary English or
   * clinical words propagate, and words of up to three letters only with the same spelling and case. Names do not
   * propagate: measured on PhysioNet's development notes, name propagation added five false tokens per true one.
   * One pass over the text; the result is sorted by start.
   */
  static List<PhiSpan> propagate(List<PhiSpan> spans, String text) {
    Map<String, PhiType> seeds = null;
    int minLen = Integer.MAX_VALUE;
    int maxLen = 0;
    for (PhiSpan s : spans) {
      PhiType t = s.type();
      double min = t == PhiType.ORGANIZATION ? MIN_FACILITY_SEED : MIN_PLACE_SEED;
      if (!(t == PhiType.LOCATION || t == PhiType.ORGANIZATION) || s.confidence() < min) {
        continue;
      }
      int i = s.start();
      while (i < s.end()) {
        while (i < s.end() && !Character.isLetter(text.charAt(i))) {
          i++;
        }
        int j = i;
        while (j < s.end() && Character.isLetter(text.charAt(j))) {
          j++;
        }
        if (j - i >= 2 && wholeWord(text, i, j)) {
          String surface = text.substring(i, j);
          String lower = surface.toLowerCase(Locale.ROOT);
          if ((Lexicon.flags(lower) & ORDINARY) == 0) {
            if (seeds == null) {
              seeds = new HashMap<>();
            }
            String key = j - i <= 3 ? surface : lower;
            seeds.putIfAbsent(key, t);
            minLen = Math.min(minLen, j - i);
            maxLen = Math.max(maxLen, j - i);
          }
        }
        i = j;
      }
    }
    if (seeds == null) {
      return spans;
    }
    List<PhiSpan> added = new ArrayList<>();
    int next = 0;
    int len = text.length();
    int i = 0;
    while (i < len) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < len && Character.isLetter(text.charAt(j))) {
        j++;
      }
      int n = j - i;
      if (n >= minLen && n <= maxLen && wholeWord(text, i, j)) {
        while (next < spans.size() && spans.get(next).end() <= i) {
          next++;
        }
        boolean covered = next < spans.size() && spans.get(next).start() < j;
        if (!covered) {
          String surface = text.substring(i, j);
          PhiType t = seeds.get(n <= 3 ? surface : surface.toLowerCase(Locale.ROOT));
          if (t != null) {
            added.add(new PhiSpan(i, j, t, PROPAGATED));
          }
        }
      }
      i = j;
    }
    if (added.isEmpty()) {
      return spans;
    }
    List<PhiSpan> all = new ArrayList<>(spans.size() + added.size());
    all.addAll(spans);
    all.addAll(added);
    all.sort(Comparator.comparingInt(PhiSpan::start));
    return all;
  }

  /** A letter run not glued to other letters or digits before it ("QUARTERMAIN7" is a word; "x2GH" is not). */
  private static boolean wholeWord(String text, int from, int to) {
    return (from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1)))
        && (to == text.length() || !Character.isLetter(text.charAt(to)));
  }

  private static boolean onlySpaces(String text, int from, int to) {
    if (to - from > 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private static PhiType stronger(PhiType a, PhiType b) {
    if (a == PhiType.PATIENT || b == PhiType.PATIENT) {
      return PhiType.PATIENT;
    }
    if (a == PhiType.CLINICIAN || b == PhiType.CLINICIAN) {
      return PhiType.CLINICIAN;
    }
    return PhiType.PERSON;
  }
}
