package org.verinote.eval.rouge;

import java.util.Objects;

/**
 * The four ROUGE variants for one (reference, prediction) pair.
 *
 * @param rouge1 unigram overlap
 * @param rouge2 bigram overlap
 * @param rougeL whole-text LCS
 * @param rougeLsum summary-level (per line, union) LCS
 */
public record RougeScores(RougeScore rouge1, RougeScore rouge2, RougeScore rougeL, RougeScore rougeLsum) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RougeScores {
    Objects.requireNonNull(rouge1, "rouge1");
    Objects.requireNonNull(rouge2, "rouge2");
    Objects.requireNonNull(rougeL, "rougeL");
    Objects.requireNonNull(rougeLsum, "rougeLsum");
  }

  /**
   * The score of one variant.
   *
   * @param type the variant
   * @return its score
   */
  public RougeScore get(RougeType type) {
    switch (Objects.requireNonNull(type, "type")) {
      case ROUGE_1:
        return rouge1;
      case ROUGE_2:
        return rouge2;
      case ROUGE_L:
        return rougeL;
      default:
        return rougeLsum;
    }
  }
}
