package org.verinote.guardrails;

import java.util.Objects;
import org.verinote.core.guard.ChainResult;

/**
 * The outcome of auditing one finished note ({@link Guardrails#audit}).
 *
 * @param chain the chain's result: findings, scores, timings
 * @param sentences how many sentences the note has
 * @param flaggedSentences how many of them carry at least one grounding finding (unsupported sentence, ungrounded
 *     number, polarity conflict, invented identifier, unknown medication, [VERIFY] tag, judge)
 * @param unsupported {@code flaggedSentences / sentences} in [0, 1] (0 for a note without sentences): higher means
 *     more likely to contain a hallucination
 */
public record AuditResult(ChainResult chain, int sentences, int flaggedSentences, double unsupported) {

  /**
   * Validates.
   *
   * @throws NullPointerException if chain is null
   * @throws IllegalArgumentException if counts are negative or inconsistent, or unsupported is outside [0, 1]
   */
  public AuditResult {
    Objects.requireNonNull(chain, "chain");
    if (sentences < 0 || flaggedSentences < 0 || flaggedSentences > sentences
        || !(unsupported >= 0.0 && unsupported <= 1.0)) {
      throw new IllegalArgumentException("Inconsistent audit counts: sentences=" + sentences + ", flagged="
          + flaggedSentences + ", unsupported=" + unsupported);
    }
  }
}
