package org.verinote.core;

/**
 * The textual layouts {@link Transcript#parse(String, TranscriptFormat)} understands.
 */
public enum TranscriptFormat {
  /** Detect the format from the text: the first recognised speaker label decides. */
  AUTO,
  /** ACI-Bench: lines starting with {@code [doctor]}, {@code [patient]} or {@code [patient_guest]}. */
  BRACKETED,
  /** MTS-Dialog: lines starting with {@code Doctor:}, {@code Patient:} (and similar {@code Name:} labels). */
  COLON_LABELLED,
  /** Unlabelled text: every non-blank line (or sentence group) is a turn of unknown speaker. */
  PLAIN
}
