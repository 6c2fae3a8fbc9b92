package org.verinote.core.guard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.Finding;
import org.verinote.core.StructuredNote;

/**
 * What a {@link Guardrail} decided. Results are data; the {@link GuardrailChain} and the structurer decide what to
 * do with them.
 *
 * <ul>
 *   <li>{@link Pass}: nothing to report (scores may still be reported).
 *   <li>{@link Rewrite}: the layer changed the note (stripped a hedge, removed a repetition); the new note is passed
 *       to the next layer, every change is a finding.
 *   <li>{@link Flag}: the note stands, with findings for the reviewer.
 *   <li>{@link Reprompt}: ask the model again with this instruction.
 *   <li>{@link Block}: the note must not be drafted at all.
 * </ul>
 *
 * <p>Every verdict carries findings and named scores in [0, 1] (e.g. {@code "fidelity" -> 0.93}).
 */
public sealed interface GuardVerdict {

  /** @return what the layer found; may be empty */
  List<Finding> findings();

  /** @return named note-level scores the layer computed, e.g. {@code fidelity}; may be empty */
  Map<String, Double> scores();

  /**
   * Nothing to report.
   *
   * @param scores named scores
   */
  record Pass(Map<String, Double> scores) implements GuardVerdict {
    /** Copies the scores. */
    public Pass {
      scores = Map.copyOf(scores);
    }

    @Override
    public List<Finding> findings() {
      return List.of();
    }
  }

  /**
   * The layer rewrote the note.
   *
   * @param note the rewritten note
   * @param findings one per change
   * @param scores named scores
   */
  record Rewrite(StructuredNote note, List<Finding> findings, Map<String, Double> scores) implements GuardVerdict {
    /** Validates and copies. */
    public Rewrite {
      Objects.requireNonNull(note, "note");
      findings = List.copyOf(findings);
      scores = Map.copyOf(scores);
    }

    /** @return sizes and codes only */
    @Override
    public String toString() {
      return "Rewrite[" + note + ", findings=" + codes(findings) + ", scores=" + scores + "]";
    }
  }

  /**
   * The note stands, with findings.
   *
   * @param findings what was found
   * @param scores named scores
   */
  record Flag(List<Finding> findings, Map<String, Double> scores) implements GuardVerdict {
    /** Copies. */
    public Flag {
      findings = List.copyOf(findings);
      scores = Map.copyOf(scores);
    }

    /** @return codes only */
    @Override
    public String toString() {
      return "Flag[findings=" + codes(findings) + ", scores=" + scores + "]";
    }
  }

  /**
   * Ask the model again.
   *
   * @param instruction what to tell the model (no PHI beyond what the de-identified prompt has)
   * @param findings why
   * @param scores named scores
   */
  record Reprompt(String instruction, List<Finding> findings, Map<String, Double> scores) implements GuardVerdict {
    /** Validates and copies. */
    public Reprompt {
      Objects.requireNonNull(instruction, "instruction");
      findings = List.copyOf(findings);
      scores = Map.copyOf(scores);
    }

    /** @return sizes and codes only: the instruction may echo de-identified note text */
    @Override
    public String toString() {
      return "Reprompt[instructionChars=" + instruction.length() + ", findings=" + codes(findings) + ", scores="
          + scores + "]";
    }
  }

  /**
   * Do not draft this note.
   *
   * @param reason why, without PHI
   * @param findings what was found
   * @param scores named scores
   */
  record Block(String reason, List<Finding> findings, Map<String, Double> scores) implements GuardVerdict {
    /** Validates and copies. */
    public Block {
      Objects.requireNonNull(reason, "reason");
      findings = List.copyOf(findings);
      scores = Map.copyOf(scores);
    }

    /** @return sizes and codes only */
    @Override
    public String toString() {
      return "Block[reasonChars=" + reason.length() + ", findings=" + codes(findings) + ", scores=" + scores + "]";
    }
  }

  /** Finding codes in order: what {@code toString()} shows instead of finding messages. */
  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  /** @return a pass with no scores */
  static GuardVerdict pass() {
    return new Pass(Map.of());
  }

  /**
   * @param findings what was found; an empty list gives a {@link Pass}
   * @return a flag, or a pass when there is nothing to flag
   */
  static GuardVerdict flag(List<Finding> findings) {
    return findings.isEmpty() ? pass() : new Flag(findings, Map.of());
  }
}
