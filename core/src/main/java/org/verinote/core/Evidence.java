package org.verinote.core;

/**
 * A piece of the transcript a note sentence was drawn from: characters {@code [start, end)} of turn
 * {@code turnIndex}'s text, with the support score of the alignment.
 *
 * @param turnIndex the turn's {@link Turn#index()}
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param score support in [0, 1]: 1 for a verbatim copy
 */
public record Evidence(int turnIndex, int start, int end, double score) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if an index is negative, {@code end < start}, or the score is outside [0, 1]
   */
  public Evidence {
    if (turnIndex < 0 || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "Evidence needs turnIndex >= 0 and 0 <= start <= end, got " + turnIndex + ", " + start + ", " + end);
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("Evidence score must be in [0, 1], got " + score);
    }
  }
}
