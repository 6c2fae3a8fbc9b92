package org.verinote.core.guard;

import java.util.Objects;
import org.verinote.core.NoteTemplate;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.model.PromptProfile;

/**
 * What a {@link Guardrail} sees: the de-identified transcript, the template, the current draft note (as rewritten
 * by earlier layers), the model's raw output and prompt profile, and the attempt number.
 *
 * <p>Everything here is de-identified when de-identification is on: guardrails run before identifiers are
 * restored. {@link #toString()} prints sizes only.
 *
 * @param transcript the de-identified transcript the note must be grounded in
 * @param template the note template
 * @param note the current draft
 * @param rawOutput the model output the draft was parsed from, exactly as received (empty if none)
 * @param profile the prompt profile used
 * @param attempt the attempt number, from 1
 */
public record GuardContext(Transcript transcript, NoteTemplate template, StructuredNote note, String rawOutput,
    PromptProfile profile, int attempt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code attempt < 1}
   */
  public GuardContext {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(rawOutput, "rawOutput");
    Objects.requireNonNull(profile, "profile");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
    }
  }

  /**
   * A copy with another note (used by the chain to pass rewritten notes on).
   *
   * @param newNote the note
   * @return the new context
   */
  public GuardContext withNote(StructuredNote newNote) {
    return new GuardContext(transcript, template, newNote, rawOutput, profile, attempt);
  }

  @Override
  public String toString() {
    return "GuardContext[" + transcript + ", " + note + ", attempt=" + attempt + "]";
  }
}
