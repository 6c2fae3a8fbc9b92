package org.verinote.core.deid;

import java.util.Objects;

/**
 * One identifier found by a {@link Recognizer}: where it is, what it is, and how sure the recognizer is.
 *
 * <p>{@link #toString()} prints offsets, type and confidence only, never the text.
 *
 * @param start the start offset in the scanned text (inclusive)
 * @param end the end offset (exclusive), greater than {@code start}
 * @param type the kind of identifier
 * @param confidence how sure the recognizer is, in {@code (0, 1]}; hits at or above
 *     {@link #HIGH_CONFIDENCE} are also enforced by the egress check
 */
public record PhiSpan(int start, int end, PhiType type, double confidence) {

  /** Confidence from which a hit is re-checked by the fail-closed egress check. */
  public static final double HIGH_CONFIDENCE = 0.9;

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if the offsets are negative or empty, or the confidence is outside (0, 1]
   */
  public PhiSpan {
    Objects.requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("PhiSpan needs 0 <= start < end, got [" + start + ", " + end + ")");
    }
    if (!(confidence > 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("PhiSpan confidence must be in (0, 1], got " + confidence);
    }
  }

  /** @return {@code end - start} */
  public int length() {
    return end - start;
  }

  /** @return whether the egress check enforces this hit */
  public boolean isHighConfidence() {
    return confidence >= HIGH_CONFIDENCE;
  }
}
