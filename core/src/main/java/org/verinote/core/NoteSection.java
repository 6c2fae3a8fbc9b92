package org.verinote.core;

import java.util.List;
import java.util.Objects;

/**
 * One section of a {@link StructuredNote}: its text and the transcript evidence it came from.
 *
 * <p>Immutable. {@link #toString()} prints the key and sizes only.
 *
 * @param key the template section key
 * @param title the heading
 * @param text the section text; empty when the transcript had nothing for it
 * @param evidence where in the transcript the text came from, possibly empty
 */
public record NoteSection(String key, String title, String text, List<Evidence> evidence) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if any component is null
   */
  public NoteSection {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
  }

  /**
   * Whether the section has no text.
   *
   * @return {@code true} if the text is blank
   */
  public boolean isEmpty() {
    return text.isBlank();
  }

  /**
   * A copy with new text and evidence.
   *
   * @param newText the text
   * @param newEvidence the evidence
   * @return the new section
   */
  public NoteSection withText(String newText, List<Evidence> newEvidence) {
    return new NoteSection(key, title, newText, newEvidence);
  }

  @Override
  public String toString() {
    return "NoteSection[" + key + ", chars=" + text.length() + ", evidence=" + evidence.size() + "]";
  }
}
