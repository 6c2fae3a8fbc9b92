package org.verinote.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One section of a {@link NoteTemplate}: a stable machine key, a human title, and guidance telling the model what
 * belongs in it.
 *
 * @param key lower-case snake_case key used in model JSON output, e.g. {@code "chief_complaint"}
 * @param title the heading shown to clinicians, e.g. {@code "Chief Complaint"}
 * @param guidance one or two sentences of instruction for the model; may be empty
 */
public record SectionSpec(String key, String title, String guidance) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /**
   * Validates the components.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if the key is not lower-case snake_case or the title is blank
   */
  public SectionSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(guidance, "guidance");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "Section key must be lower-case snake_case (a-z, 0-9, _; at most 64), got '" + key + "'");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("Section title must not be blank (key '" + key + "')");
    }
  }
}
