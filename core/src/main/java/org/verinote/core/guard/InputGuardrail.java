package org.verinote.core.guard;

import org.verinote.core.NoteTemplate;
import org.verinote.core.Transcript;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.PromptProfile;

/**
 * An input-side layer: shapes the request before it goes to the model (clinical framing, fencing the transcript
 * as data). Runs after de-identification and before the egress check, so it never sees raw PHI when
 * de-identification is on.
 *
 * <p>Implementations must be thread-safe and deterministic.
 */
public interface InputGuardrail {

  /**
   * The layer's name, e.g. {@code "prompt-framing"}.
   *
   * @return a short stable name
   */
  String name();

  /**
   * Returns the request to send instead of {@code request}.
   *
   * @param request the request built so far
   * @param transcript the de-identified transcript
   * @param template the note template
   * @param profile the model's prompt profile
   * @return the request to send; may be {@code request} itself
   */
  ModelRequest apply(ModelRequest request, Transcript transcript, NoteTemplate template, PromptProfile profile);
}
