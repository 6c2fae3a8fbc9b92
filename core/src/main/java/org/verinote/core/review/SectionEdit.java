package org.verinote.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * One clinician edit of one note section. Edits are append-only: the original AI text is never overwritten, and
 * every edit keeps the text before and after.
 *
 * <p>Immutable. {@link #toString()} prints ids and sizes only.
 *
 * @param sectionKey the section edited
 * @param editedBy the clinician's id
 * @param editedAt when
 * @param previousText the section text before the edit
 * @param newText the section text after the edit
 * @param version the draft version this edit produced
 */
public record SectionEdit(String sectionKey, String editedBy, Instant editedAt, String previousText, String newText,
    long version) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code version < 2} (version 1 is the AI draft)
   */
  public SectionEdit {
    Objects.requireNonNull(sectionKey, "sectionKey");
    Objects.requireNonNull(editedBy, "editedBy");
    Objects.requireNonNull(editedAt, "editedAt");
    Objects.requireNonNull(previousText, "previousText");
    Objects.requireNonNull(newText, "newText");
    if (version < 2) {
      throw new IllegalArgumentException("An edit produces version 2 or later, got " + version);
    }
  }

  @Override
  public String toString() {
    return "SectionEdit[" + sectionKey + ", by=" + editedBy + ", v" + version + ", chars " + previousText.length()
        + " -> " + newText.length() + "]";
  }
}
