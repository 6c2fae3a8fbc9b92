package org.verinote.core.model;

/**
 * What a {@link ModelProvider} can do, and whether calling it sends data out of the process.
 *
 * @param jsonOutput whether the endpoint can be asked for JSON output (JSON mode or a JSON schema)
 * @param contextTokens the context window in tokens; prompts are truncated to fit
 * @param remote whether a call sends the prompt over a network (hosted API or a local server): the egress check
 *     runs before every remote call
 * @param profile how prompts are shaped for it
 */
public record ModelCapabilities(boolean jsonOutput, int contextTokens, boolean remote, PromptProfile profile) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code profile} is null
   * @throws IllegalArgumentException if {@code contextTokens} is less than 256
   */
  public ModelCapabilities {
    java.util.Objects.requireNonNull(profile, "profile");
    if (contextTokens < 256) {
      throw new IllegalArgumentException("contextTokens must be >= 256, got " + contextTokens);
    }
  }
}
