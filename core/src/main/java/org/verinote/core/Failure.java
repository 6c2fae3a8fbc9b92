package org.verinote.core;

import java.util.Objects;

/**
 * Why a structuring call produced no note.
 *
 * @param code what kind of failure
 * @param message what happened and what to do, without PHI
 */
public record Failure(Code code, String message) {

  /** Failure kinds. */
  public enum Code {
    /** The model output could not be parsed into the template's sections, on every attempt. */
    INVALID_MODEL_OUTPUT,
    /** The model could not be called or every provider failed (see the message for the exception type). */
    MODEL_UNAVAILABLE,
    /** The egress check refused to send the prompt: identifiers remained after de-identification. */
    PHI_EGRESS_REFUSED,
    /** A guardrail blocked the note. */
    BLOCKED_BY_GUARDRAIL,
    /** An unexpected internal error; the message names the exception type. */
    INTERNAL_ERROR
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public Failure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
