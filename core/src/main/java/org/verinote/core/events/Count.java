package org.verinote.core.events;

/**
 * The numbers a {@link PipelineEvent} may carry. Counts and sizes only: an event has no field that can hold text.
 */
public enum Count {
  /** Transcript turns. */
  TURNS,
  /** Characters (transcript, prompt, model output or note, depending on the event). */
  CHARS,
  /** Chat messages in the prompt. */
  MESSAGES,
  /** Identifiers replaced by the de-identifier. */
  REPLACEMENTS,
  /** Findings (parser, guardrails, or the whole run on a terminal event). */
  FINDINGS,
  /** Note sections with text. */
  SECTIONS,
  /** Prompt tokens the model reported. */
  INPUT_TOKENS,
  /** Completion tokens the model reported. */
  OUTPUT_TOKENS,
  /** Model calls made so far. */
  ATTEMPTS,
  /** A review draft's version. */
  DRAFT_VERSION,
  /** An HTTP or EHR status code. */
  STATUS
}
