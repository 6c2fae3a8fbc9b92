package org.verinote.core.events;

/**
 * The identifiers a {@link PipelineEvent} may carry besides tenant, encounter and model run: configuration and
 * system ids, never clinical text. Values are restricted to id-shaped tokens (see {@link PipelineEvent}).
 */
public enum Ref {
  /** The configured model id, e.g. {@code openai:gpt-4o}. */
  MODEL,
  /** The configured model version. */
  MODEL_VERSION,
  /** The model that actually answered (after a fallback). */
  RESPONSE_MODEL,
  /** The version that model reported. */
  RESPONSE_MODEL_VERSION,
  /** The de-identifier id. */
  DEIDENTIFIER,
  /** The template id. */
  TEMPLATE,
  /** A review draft id. */
  DRAFT_ID,
  /** A clinician (user) id acting on a draft. */
  ACTOR,
  /** A clinical record adapter's name. */
  ADAPTER,
  /** The EHR's id for a written note. */
  RECORD_ID,
  /** The idempotency key of a submission. */
  SUBMISSION_KEY
}
