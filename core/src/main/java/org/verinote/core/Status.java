package org.verinote.core;

/** How a structuring call ended. */
public enum Status {
  /** A draft note was produced by the configured model. */
  DRAFTED,
  /** A draft note was produced, but by a fallback model in degraded mode (see provenance for why). */
  DEGRADED,
  /** No note: see {@link StructuringResult#failure()} for the reason. The raw model output, if any, is kept. */
  FAILED
}
