package org.verinote.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links each sentence of a note to the transcript turn that supports it best, by content-word overlap through an
 * inverted index (linear in note and transcript size). A verbatim copy gets score 1 and exact offsets.
 * Stateless and thread-safe.
 */
final class EvidenceLinker {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");
  private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for",
      "with", "is", "are", "was", "were", "be", "been", "it", "that", "this", "he", "she", "they", "his", "her",
      "their", "i", "you", "we", "my", "your", "at", "as", "by", "from", "has", "have", "had", "do", "does", "did",
      "so", "but", "not", "no", "yes", "um", "uh", "okay", "ok", "patient", "reports", "states");

  private EvidenceLinker() {}

  static StructuredNote link(StructuredNote note, Transcript transcript) {
    List<Turn> turns = transcript.turns();
    Map<String, List<Integer>> index = new HashMap<>();
    List<String> lowerTurns = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      String lower = t.text().toLowerCase(Locale.ROOT);
      lowerTurns.add(lower);
      Set<String> seen = new HashSet<>();
      Matcher m = WORD.matcher(lower);
      while (m.find()) {
        String w = m.group();
        if (!STOP.contains(w) && seen.add(w)) {
          index.computeIfAbsent(w, k -> new ArrayList<>()).add(t.index());
        }
      }
    }
    List<NoteSection> out = new ArrayList<>();
    for (NoteSection s : note.sections()) {
      List<Evidence> ev = new ArrayList<>();
      Matcher sm = SENTENCE.matcher(s.text());
      while (sm.find()) {
        String sentence = sm.group().strip();
        if (sentence.length() < 3) {
          continue;
        }
        Evidence e = best(sentence, turns, lowerTurns, index);
        if (e != null && !ev.contains(e)) {
          ev.add(e);
        }
      }
      out.add(s.withText(s.text(), ev));
    }
    return StructuredNote.of(note.templateId(), note.templateVersion(), out);
  }

  private static Evidence best(String sentence, List<Turn> turns, List<String> lowerTurns,
      Map<String, List<Integer>> index) {
    String lower = sentence.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip();
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(lower);
    while (m.find()) {
      if (!STOP.contains(m.group())) {
        words.add(m.group());
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    Map<Integer, Integer> hits = new HashMap<>();
    Set<String> unique = new HashSet<>(words);
    for (String w : unique) {
      for (int turn : index.getOrDefault(w, List.of())) {
        hits.merge(turn, 1, Integer::sum);
      }
    }
    int bestTurn = -1;
    int bestHits = 0;
    for (Map.Entry<Integer, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits || (e.getValue() == bestHits && e.getKey() < bestTurn)) {
        bestTurn = e.getKey();
        bestHits = e.getValue();
      }
    }
    if (bestTurn < 0) {
      return null;
    }
    String turnLower = lowerTurns.get(bestTurn);
    int exact = turnLower.indexOf(lower);
    if (exact >= 0 && !lower.isEmpty()) {
      return new Evidence(bestTurn, exact, exact + lower.length(), 1.0);
    }
    int from = Integer.MAX_VALUE;
    int to = -1;
    for (String w : unique) {
      Matcher wm = Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(turnLower);
      if (wm.find()) {
        from = Math.min(from, wm.start());
        to = Math.max(to, wm.end());
      }
    }
    if (to < 0) {
      return null;
    }
    double score = Math.min(1.0, bestHits / (double) unique.size());
    return new Evidence(bestTurn, from, Math.min(to, turns.get(bestTurn).text().length()), score);
  }
}
