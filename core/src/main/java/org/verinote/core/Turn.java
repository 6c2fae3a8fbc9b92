package org.verinote.core;

import java.util.Objects;

/**
 * One turn of a consultation transcript.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints the index, role and length only, never the text,
 * because the text is protected health information.
 *
 * @param index zero-based position of the turn in its transcript
 * @param role who spoke
 * @param text what was said, never {@code null} (may be empty only for turns built by hand)
 */
public record Turn(int index, SpeakerRole role, String text) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code role} or {@code text} is null
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
    if (index < 0) {
      throw new IllegalArgumentException("Turn index must be >= 0, got " + index);
    }
  }

  @Override
  public String toString() {
    return "Turn[index=" + index + ", role=" + role + ", chars=" + text.length() + "]";
  }
}
