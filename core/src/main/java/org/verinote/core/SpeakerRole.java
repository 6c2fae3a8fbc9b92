package org.verinote.core;

/**
 * Who spoke a transcript turn.
 *
 * <p>{@link #OTHER} covers family members, interpreters, nurses and turns whose speaker is unknown
 * (unlabelled transcripts).
 */
public enum SpeakerRole {
  /** The treating clinician (doctor, nurse practitioner, physician assistant). */
  CLINICIAN,
  /** The patient. */
  PATIENT,
  /** Anyone else, or unknown. */
  OTHER
}
