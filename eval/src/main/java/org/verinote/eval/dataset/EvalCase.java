package org.verinote.eval.dataset;

import java.util.Objects;
import org.verinote.core.PatientContext;

/**
 * One benchmark item: a consultation transcript, the gold (reference) note, and what the EHR would know about the
 * patient.
 *
 * <p>{@link #toString()} prints the id and sizes only — never the clinical text.
 *
 * @param id the item id (encounter id, row id)
 * @param transcript the raw transcript text as stored in the data set
 * @param reference the gold note
 * @param patientContext the patient context, {@link PatientContext#empty()} when the data set has none
 * @param section the note section the reference covers (MTS-Dialog {@code section_header}), empty for full notes
 */
public record EvalCase(String id, String transcript, String reference, PatientContext patientContext,
    String section) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the id is blank
   */
  public EvalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(patientContext, "patientContext");
    Objects.requireNonNull(section, "section");
    if (id.isBlank()) {
      throw new IllegalArgumentException("EvalCase id must not be blank");
    }
  }

  /**
   * A full-note case without patient context.
   *
   * @param id the id
   * @param transcript the transcript
   * @param reference the gold note
   * @return the case
   */
  public static EvalCase of(String id, String transcript, String reference) {
    return new EvalCase(id, transcript, reference, PatientContext.empty(), "");
  }

  @Override
  public String toString() {
    return "EvalCase[id=" + id + ", transcriptChars=" + transcript.length() + ", referenceChars="
        + reference.length() + ", context=" + !patientContext.isEmpty()
        + (section.isEmpty() ? "" : ", section=" + section) + "]";
  }
}
