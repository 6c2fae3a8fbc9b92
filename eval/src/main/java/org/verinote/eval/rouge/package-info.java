/**
 * ROUGE compatible with Google's {@code rouge-score} 0.1.2 ({@link org.verinote.eval.rouge.RougeScorer}) and
 * ACI-Bench's evaluation protocol including divisions ({@link org.verinote.eval.rouge.AciBenchRouge}). See ADR 0070.
 */
package org.verinote.eval.rouge;
