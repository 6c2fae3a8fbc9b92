package org.verinote.core.guard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.verinote.core.Finding;
import org.verinote.core.StructuredNote;

/**
 * The outcome of running a {@link GuardrailChain} over a draft.
 *
 * @param outcome how the chain ended
 * @param note the note after every rewrite (the input note if nothing was rewritten)
 * @param findings every finding of every layer that ran, in layer order
 * @param scores named scores reported by the layers (a later layer's score of the same name wins)
 * @param layerTimings wall time per layer, in chain order
 * @param rewrittenBy the names of layers that rewrote the note, in order
 * @param instruction the reprompt instruction ({@link Outcome#REPROMPT}) or block reason ({@link Outcome#BLOCKED});
 *     empty otherwise
 */
public record ChainResult(Outcome outcome, StructuredNote note, List<Finding> findings, Map<String, Double> scores,
    Map<String, Duration> layerTimings, List<String> rewrittenBy, String instruction) {

  /** How a chain run ended. */
  public enum Outcome {
    /** Every layer passed. */
    PASSED,
    /** At least one finding, no reprompt or block. */
    FLAGGED,
    /** A layer asked for a reprompt; later layers did not run. */
    REPROMPT,
    /** A layer blocked the note; later layers did not run. */
    BLOCKED
  }

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component is null
   */
  public ChainResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(note, "note");
    findings = List.copyOf(findings);
    scores = Map.copyOf(scores);
    layerTimings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(layerTimings));
    rewrittenBy = List.copyOf(rewrittenBy);
    Objects.requireNonNull(instruction, "instruction");
  }

  /** @return the reprompt instruction, when the outcome is {@link Outcome#REPROMPT} */
  public Optional<String> repromptInstruction() {
    return outcome == Outcome.REPROMPT ? Optional.of(instruction) : Optional.empty();
  }

  /** @return the block reason, when the outcome is {@link Outcome#BLOCKED} */
  public Optional<String> blockReason() {
    return outcome == Outcome.BLOCKED ? Optional.of(instruction) : Optional.empty();
  }

  @Override
  public String toString() {
    return "ChainResult[" + outcome + ", findings=" + findings.size() + ", scores=" + scores + ", rewrittenBy="
        + rewrittenBy + "]";
  }
}
