package org.verinote.core;

/** How much a {@link Finding} matters to the reviewing clinician. */
public enum Severity {
  /** Worth knowing; no action needed (e.g. a hedge that was stripped). */
  INFO,
  /** The reviewer should check this (e.g. a sentence with weak transcript support). */
  WARNING,
  /** Likely wrong or unsafe (e.g. a dose not in the transcript, a flipped negation). */
  ERROR
}
