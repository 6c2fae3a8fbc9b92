package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs recognizers and turns their overlapping hits into one non-overlapping list: higher confidence wins, then the
 * longer span; adjacent name parts ("Mary" + "Hulse") merge into one name.
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
      Map.Entry<Integer, PhiSpan> before = accepted.floorEntry(s.start());
      if (before != null && before.getValue().end() > s.start()) {
        continue;
      }
      Map.Entry<Integer, PhiSpan> after = accepted.ceilingEntry(s.start());
      if (after != null && after.getKey() < s.end()) {
        continue;
      }
      accepted.put(s.start(), s);
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
    return out;
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
