package org.verinote.eval.rouge;

/**
 * The ROUGE variants computed by {@link RougeScorer}, named as in Google's {@code rouge-score} package.
 */
public enum RougeType {
  /** Unigram overlap ({@code rouge1}). */
  ROUGE_1("rouge1"),
  /** Bigram overlap ({@code rouge2}). */
  ROUGE_2("rouge2"),
  /** Longest common subsequence over the whole text, newlines ignored ({@code rougeL}). */
  ROUGE_L("rougeL"),
  /**
   * Summary-level LCS: texts split on {@code "\n"}, union LCS per reference line ({@code rougeLsum}). This is the
   * column ACI-Bench and MEDIQA papers print as "ROUGE-L".
   */
  ROUGE_LSUM("rougeLsum");

  private final String key;

  RougeType(String key) {
    this.key = key;
  }

  /** @return the {@code rouge-score} name: {@code rouge1}, {@code rouge2}, {@code rougeL}, {@code rougeLsum} */
  public String key() {
    return key;
  }
}
