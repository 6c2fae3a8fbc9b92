package org.verinote.core.model;

import java.util.Objects;

/**
 * Identity and capabilities of a configured model.
 *
 * @param id the configured id, e.g. {@code "openai:gpt-4o"}, {@code "extractive"}
 * @param version the configured version label (the registry's version, or the provider's own)
 * @param capabilities what it can do
 */
public record ModelInfo(String id, String version, ModelCapabilities capabilities) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if {@code id} is blank
   */
  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(capabilities, "capabilities");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Model id must not be blank");
    }
  }
}
