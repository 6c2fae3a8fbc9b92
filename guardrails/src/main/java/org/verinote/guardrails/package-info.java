/**
 * Built-in guardrail layers for {@link org.verinote.core.guard.GuardrailChain}. Start with
 * {@link org.verinote.guardrails.Guardrails#standard()}; configure a single layer with its {@code builder()}.
 *
 * <p>Every layer is immutable, thread-safe and deterministic (except {@link org.verinote.guardrails.LlmJudge},
 * whose verdict is the model's). De-identification tokens such as {@code [PATIENT_1]} are opaque to every layer:
 * never numbers, never identifiers, never words to ground.
 */
package org.verinote.guardrails;
