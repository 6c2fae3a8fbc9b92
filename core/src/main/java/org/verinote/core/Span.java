package org.verinote.core;

/**
 * A character range {@code [start, end)} in some text (a note section, a turn).
 *
 * @param start first character, inclusive
 * @param end last character, exclusive
 */
public record Span(int start, int end) {

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
   */
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Span needs 0 <= start <= end, got [" + start + ", " + end + ")");
    }
  }

  /** @return {@code end - start} */
  public int length() {
    return end - start;
  }
}
