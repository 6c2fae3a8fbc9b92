package org.verinote.eval.rouge;

import java.util.List;
import java.util.Objects;

/**
 * Per-item ROUGE scores of a corpus and their plain means, aggregated as ACI-Bench and MEDIQA-Chat do
 * ({@code use_aggregator=False}, then {@code np.mean} of the per-item F1) — no bootstrap, fully deterministic.
 *
 * @param items the per-item scores, in input order
 */
public record CorpusRouge(List<RougeScores> items) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if the list or an item is null
   */
  public CorpusRouge {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /**
   * The mean F1 of a variant, computed like {@code numpy.mean} (pairwise summation), in {@code [0, 1]}.
   *
   * @param type the variant
   * @return the mean, or NaN for an empty corpus
   */
  public double meanF(RougeType type) {
    double[] values = new double[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = items.get(i).get(type).fmeasure();
    }
    return PairwiseMean.mean(values);
  }

  /**
   * The mean F1 × 100 rounded half-even to two decimals as the ACI-Bench tables print it, e.g. {@code "51.76"}.
   *
   * @param type the variant
   * @return the formatted mean
   */
  public String tableValue(RougeType type) {
    return new java.math.BigDecimal(meanF(type) * 100).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /** @return the number of items */
  public int size() {
    return items.size();
  }
}
