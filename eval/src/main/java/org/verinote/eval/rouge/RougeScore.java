package org.verinote.eval.rouge;

/**
 * Precision, recall and F1 of one ROUGE variant for one (reference, prediction) pair, each in {@code [0, 1]}.
 *
 * @param precision matched units / prediction units
 * @param recall matched units / reference units
 * @param fmeasure {@code 2PR/(P+R)}, or 0 when {@code P+R == 0}
 */
public record RougeScore(double precision, double recall, double fmeasure) {

  /** The score of an empty or fully disjoint pair. */
  public static final RougeScore ZERO = new RougeScore(0.0, 0.0, 0.0);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is outside {@code [0, 1]} or NaN
   */
  public RougeScore {
    check(precision, "precision");
    check(recall, "recall");
    check(fmeasure, "fmeasure");
  }

  /**
   * Builds a score from precision and recall with {@code rouge-score}'s F1 formula (same operation order, so the
   * same IEEE double).
   *
   * @param precision the precision
   * @param recall the recall
   * @return the score
   */
  public static RougeScore of(double precision, double recall) {
    double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    return new RougeScore(precision, recall, f);
  }

  private static void check(double v, String name) {
    if (!(v >= 0.0 && v <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }
}
