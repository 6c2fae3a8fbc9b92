package org.verinote.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A model's answer, with what the server said about itself.
 *
 * <p>{@link #toString()} prints sizes and ids only.
 *
 * @param text the output text exactly as received
 * @param modelId the id of the model that actually answered (differs from the configured one after a fallback)
 * @param modelVersion the version the server reported (e.g. OpenAI's {@code model} field), or the configured one
 * @param usage token usage, {@link Usage#UNKNOWN} if not reported
 * @param finishReason why generation stopped ({@code "stop"}, {@code "length"}…), or {@code ""}
 * @param degraded whether this came from a fallback model in degraded mode
 * @param skipped for each provider skipped before this one: its id and why (no PHI)
 */
public record ModelResponse(String text, String modelId, String modelVersion, Usage usage, String finishReason,
    boolean degraded, List<String> skipped) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ModelResponse {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(finishReason, "finishReason");
    skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
  }

  /**
   * A plain, non-degraded response.
   *
   * @param text the output
   * @param info the answering model
   * @return the response
   */
  public static ModelResponse of(String text, ModelInfo info) {
    return new ModelResponse(text, info.id(), info.version(), Usage.UNKNOWN, "stop", false, List.of());
  }

  /**
   * A copy marked as produced in degraded mode after the given providers were skipped.
   *
   * @param skippedProviders one line per skipped provider: id and reason
   * @return the new response
   */
  public ModelResponse asDegraded(List<String> skippedProviders) {
    return new ModelResponse(text, modelId, modelVersion, usage, finishReason, true, skippedProviders);
  }

  @Override
  public String toString() {
    return "ModelResponse[model=" + modelId + "@" + modelVersion + ", chars=" + text.length() + ", finish="
        + finishReason + ", degraded=" + degraded + "]";
  }
}
