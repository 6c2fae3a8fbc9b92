package org.verinote.core;

import java.time.Duration;
import java.util.Objects;

/**
 * One model call of a structuring run, kept in provenance. {@link #toString()} omits the output text.
 *
 * @param number the attempt number, from 1
 * @param modelId the model that answered (or was asked, if it failed)
 * @param modelVersion its version as reported
 * @param outcome how the attempt ended
 * @param rawOutput the model output exactly as received, de-identified; empty if the call failed
 * @param instruction the reprompt instruction this attempt was made with; empty for the first attempt
 * @param error the exception type and message if the call failed (no PHI); empty otherwise
 * @param duration wall time of the model call
 * @param inputTokens reported prompt tokens, or -1
 * @param outputTokens reported completion tokens, or -1
 */
public record Attempt(int number, String modelId, String modelVersion, Outcome outcome, String rawOutput,
    String instruction, String error, Duration duration, int inputTokens, int outputTokens) {

  /** How an attempt ended. */
  public enum Outcome {
    /** Parsed and accepted by the guardrails (possibly with findings). */
    ACCEPTED,
    /** The output could not be parsed into sections. */
    UNPARSEABLE,
    /** A guardrail asked for another attempt. */
    REPROMPTED,
    /** A guardrail blocked the note. */
    BLOCKED,
    /** The model call failed. */
    MODEL_ERROR,
    /** The egress check refused to send the prompt. */
    EGRESS_REFUSED
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public Attempt {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rawOutput, "rawOutput");
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(duration, "duration");
  }

  @Override
  public String toString() {
    return "Attempt[" + number + ", " + modelId + "@" + modelVersion + ", " + outcome + ", outputChars="
        + rawOutput.length() + ", " + duration.toMillis() + " ms]";
  }
}
