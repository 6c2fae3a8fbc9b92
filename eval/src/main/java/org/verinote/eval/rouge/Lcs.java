package org.verinote.eval.rouge;

import java.util.List;

/**
 * Longest-common-subsequence helpers with {@code rouge-score} 0.1.2's exact table layout and backtracking rule
 * (which LCS is chosen matters for {@code rougeLsum}'s union).
 */
final class Lcs {

  private Lcs() {}

  /** The LCS table, rows = reference (+1), columns = candidate (+1), flattened row-major. */
  static int[] table(int[] ref, int[] can) {
    return table(ref, can, null);
  }

  /** As {@link #table(int[], int[])}, reusing {@code buffer} when it is large enough. */
  static int[] table(int[] ref, int[] can, int[] buffer) {
    int cols = can.length + 1;
    int size = (ref.length + 1) * cols;
    int[] t = buffer != null && buffer.length >= size ? buffer : new int[size];
    java.util.Arrays.fill(t, 0, cols, 0);
    for (int i = 1; i <= ref.length; i++) {
      t[i * cols] = 0;
    }
    for (int i = 1; i <= ref.length; i++) {
      int row = i * cols;
      int prev = (i - 1) * cols;
      int r = ref[i - 1];
      for (int j = 1; j <= can.length; j++) {
        if (r == can[j - 1]) {
          t[row + j] = t[prev + j - 1] + 1;
        } else {
          int up = t[prev + j];
          int left = t[row + j - 1];
          t[row + j] = up >= left ? up : left;
        }
      }
    }
    return t;
  }

  /** The LCS length. */
  static int length(int[] ref, int[] can) {
    if (ref.length == 0 || can.length == 0) {
      return 0;
    }
    // Two rolling rows: same values as the full table, less memory.
    int[] prev = new int[can.length + 1];
    int[] cur = new int[can.length + 1];
    for (int r : ref) {
      for (int j = 1; j <= can.length; j++) {
        if (r == can[j - 1]) {
          cur[j] = prev[j - 1] + 1;
        } else {
          cur[j] = prev[j] >= cur[j - 1] ? prev[j] : cur[j - 1];
        }
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[can.length];
  }

  /**
   * Marks in {@code selected} the reference indices of one LCS, backtracking from the bottom-right corner: on a match
   * take it; else move left if {@code T[i][j-1] > T[i-1][j]}, otherwise up ({@code _backtrack_norec}).
   */
  static void markBacktrack(int[] ref, int[] can, boolean[] selected) {
    markBacktrack(ref, can, selected, null);
  }

  /** As above, reusing {@code buffer} for the table when large enough; returns the buffer used. */
  static int[] markBacktrack(int[] ref, int[] can, boolean[] selected, int[] buffer) {
    if (ref.length == 0 || can.length == 0) {
      return buffer;
    }
    int[] t = table(ref, can, buffer);
    int cols = can.length + 1;
    int i = ref.length;
    int j = can.length;
    while (i > 0 && j > 0) {
      if (ref[i - 1] == can[j - 1]) {
        selected[i - 1] = true;
        i--;
        j--;
      } else if (t[i * cols + j - 1] > t[(i - 1) * cols + j]) {
        j--;
      } else {
        i--;
      }
    }
    return t;
  }

  /**
   * The union LCS hits of {@code _summary_level_lcs}: for each reference sentence, the sorted union of its LCS
   * indices against every candidate sentence, each token counted while both sides still have it unused.
   */
  static int summaryLevelHits(List<int[]> refSentences, List<int[]> canSentences, int vocabularySize) {
    int[] refCounts = new int[vocabularySize];
    int[] canCounts = new int[vocabularySize];
    for (int[] s : refSentences) {
      for (int t : s) {
        refCounts[t]++;
      }
    }
    for (int[] s : canSentences) {
      for (int t : s) {
        canCounts[t]++;
      }
    }
    int hits = 0;
    int[] buffer = null;
    for (int[] r : refSentences) {
      boolean[] union = new boolean[r.length];
      for (int[] c : canSentences) {
        buffer = markBacktrack(r, c, union, buffer);
      }
      for (int k = 0; k < r.length; k++) {
        if (union[k]) {
          int t = r[k];
          if (canCounts[t] > 0 && refCounts[t] > 0) {
            hits++;
            canCounts[t]--;
            refCounts[t]--;
          }
        }
      }
    }
    return hits;
  }
}
