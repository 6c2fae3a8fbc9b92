package org.verinote.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A small ROUGE-1/2/Lsum with {@code rouge-score} 0.1.2 semantics (no stemming), for the extractive model's
 * quality test only. The evaluation module ships the production implementation.
 */
final class Rouge {

  /** One score: precision, recall, F1 (all 0..1). */
  record Score(double p, double r, double f) {
    static Score of(int hits, int predCount, int refCount) {
      double p = hits / (double) Math.max(predCount, 1);
      double r = hits / (double) Math.max(refCount, 1);
      return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
  }

  private Rouge() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").split("\\s+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  static Score rougeN(String reference, String prediction, int n) {
    Map<String, Integer> ref = ngrams(tokens(reference), n);
    Map<String, Integer> pred = ngrams(tokens(prediction), n);
    int hits = 0;
    for (Map.Entry<String, Integer> e : pred.entrySet()) {
      hits += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
    }
    return Score.of(hits, total(pred), total(ref));
  }

  static Score rougeLsum(String reference, String prediction) {
    List<List<String>> refs = segments(reference);
    List<List<String>> preds = segments(prediction);
    int m = 0;
    int n = 0;
    Map<String, Integer> cr = new HashMap<>();
    Map<String, Integer> cc = new HashMap<>();
    for (List<String> r : refs) {
      m += r.size();
      r.forEach(t -> cr.merge(t, 1, Integer::sum));
    }
    for (List<String> c : preds) {
      n += c.size();
      c.forEach(t -> cc.merge(t, 1, Integer::sum));
    }
    if (m == 0 || n == 0) {
      return new Score(0, 0, 0);
    }
    int hits = 0;
    for (List<String> r : refs) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> c : preds) {
        union.addAll(lcsIndices(r, c));
      }
      for (int i : union) {
        String t = r.get(i);
        if (cc.getOrDefault(t, 0) > 0 && cr.getOrDefault(t, 0) > 0) {
          hits++;
          cc.merge(t, -1, Integer::sum);
          cr.merge(t, -1, Integer::sum);
        }
      }
    }
    return Score.of(hits, n, m);
  }

  private static List<List<String>> segments(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.add(tokens(line));
      }
    }
    return out;
  }

  /** Reference indices of one LCS, with rouge-score's backtracking tie-break. */
  static List<Integer> lcsIndices(List<String> r, List<String> c) {
    int[][] t = new int[r.size() + 1][c.size() + 1];
    for (int i = 1; i <= r.size(); i++) {
      for (int j = 1; j <= c.size(); j++) {
        t[i][j] = r.get(i - 1).equals(c.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    List<Integer> idx = new ArrayList<>();
    int i = r.size();
    int j = c.size();
    while (i > 0 && j > 0) {
      if (r.get(i - 1).equals(c.get(j - 1))) {
        idx.add(0, i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return idx;
  }

  private static Map<String, Integer> ngrams(List<String> tokens, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  private static int total(Map<String, Integer> counts) {
    int s = 0;
    for (int v : counts.values()) {
      s += v;
    }
    return s;
  }
}
