package org.verinote.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a guardrail layer or the pipeline noticed about a note, and where.
 *
 * <p>Immutable. The message describes the problem without quoting clinical text ("dose not found in the
 * transcript"); the {@link #section()} and {@link #span()} point the reviewer to it.
 *
 * @param layer the name of the layer that reported it, e.g. {@code "numeric-grounding"}
 * @param code a stable machine code, e.g. {@code "NUMBER_NOT_IN_TRANSCRIPT"}
 * @param severity how much it matters
 * @param message a human-readable explanation without PHI
 * @param sectionKey the note section it concerns, or {@code null} for the whole note
 * @param location the character range within that section's text, or {@code null}
 */
public record Finding(String layer, String code, Severity severity, String message, String sectionKey,
    Span location) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if layer, code, severity or message is null
   * @throws IllegalArgumentException if a location is given without a section
   */
  public Finding {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (location != null && sectionKey == null) {
      throw new IllegalArgumentException("A finding with a location needs a section key");
    }
  }

  /**
   * A note-level finding (no section, no location).
   *
   * @param layer the reporting layer
   * @param code machine code
   * @param severity severity
   * @param message explanation without PHI
   * @return the finding
   */
  public static Finding of(String layer, String code, Severity severity, String message) {
    return new Finding(layer, code, severity, message, null, null);
  }

  /**
   * This finding pinned to a section and character range.
   *
   * @param section the section key
   * @param span the range within the section's text, or {@code null} for the whole section
   * @return a new finding
   */
  public Finding at(String section, Span span) {
    return new Finding(layer, code, severity, message, Objects.requireNonNull(section, "section"), span);
  }

  /** @return the section key, if the finding concerns one section */
  public Optional<String> section() {
    return Optional.ofNullable(sectionKey);
  }

  /** @return the character range within the section, if known */
  public Optional<Span> span() {
    return Optional.ofNullable(location);
  }
}
