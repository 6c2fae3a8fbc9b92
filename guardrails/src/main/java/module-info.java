/**
 * Verinote's built-in guardrail layers: prompt framing, {@code [VERIFY]} tags, source fidelity with evidence,
 * pattern checks, hedge stripping, repetition removal, value flattening, numeric grounding, negation consistency
 * and an optional LLM judge. Only {@code org.verinote.guardrails} is exported; the text engine behind the layers
 * (tokeniser, spoken numbers, lexicons) is package-private.
 */
module org.verinote.guardrails {
  requires transitive org.verinote.core;
  requires com.fasterxml.jackson.databind;

  exports org.verinote.guardrails;
}
