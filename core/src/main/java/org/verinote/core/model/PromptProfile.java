package org.verinote.core.model;

/**
 * How prompts are shaped for a model.
 *
 * <p>Small local models (1–3B parameters) follow long instructions poorly and lose the middle of long contexts:
 * they get a short system prompt (under 200 tokens), an inline output example, a hard-truncated transcript, and
 * the "extract only from the transcript, never invent" rule at both start and end. Large hosted models get the
 * full clinical system prompt with per-section guidance.
 */
public enum PromptProfile {
  /** 1–3B local models: short prompt, inline example, truncation, rules repeated. */
  SMALL_LOCAL,
  /** Large hosted models: full clinical system prompt with section guidance. */
  LARGE_HOSTED
}
