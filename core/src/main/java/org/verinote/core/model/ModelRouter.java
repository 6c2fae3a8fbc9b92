package org.verinote.core.model;

import org.verinote.core.Encounter;

/**
 * Chooses the model for each encounter: per tenant, per cohort, or by any rule of the host. Given to
 * {@link org.verinote.core.NoteStructurer.Builder#router(ModelRouter)} instead of a single model; the built-in
 * implementation is {@link org.verinote.core.providers.ModelRegistry}.
 *
 * <p>Implementations must be thread-safe, cheap (called once per encounter) and deterministic for a given
 * configuration: the same encounter routes to the same model until the configuration changes.
 */
public interface ModelRouter {

  /**
   * The model that structures this encounter. Its {@link ModelProvider#info()} version is recorded in the
   * provenance and is part of the idempotency key.
   *
   * @param encounter the encounter
   * @return the provider; never null
   * @throws NullPointerException if {@code encounter} is null
   */
  ModelProvider route(Encounter encounter);
}
