package org.verinote.core.guard;

/**
 * One output-side layer of the guardrail chain: inspects (and may rewrite) a draft note.
 *
 * <p>Implementations must be thread-safe and deterministic (same context, same verdict), unless documented
 * otherwise (an LLM judge). A layer that throws is reported by the chain as a finding, or fails the chain closed,
 * by the chain's configuration.
 */
public interface Guardrail {

  /**
   * The layer's name, used in findings and timings, e.g. {@code "numeric-grounding"}.
   *
   * @return a short stable name
   */
  String name();

  /**
   * Checks the draft.
   *
   * @param context the transcript, template, current note and raw output
   * @return the verdict
   */
  GuardVerdict check(GuardContext context);
}
