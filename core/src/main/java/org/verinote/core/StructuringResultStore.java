package org.verinote.core;

import java.util.Optional;

/**
 * Durable storage of structuring results by {@linkplain Provenance#modelRunId() model run id}, consulted by
 * {@link IdempotentStructurer} behind its in-memory cache so that idempotency survives restarts and evictions.
 * Implemented by the host over its own database (the draft store usually already keeps the run id).
 *
 * <p>Implementations must be thread-safe. A {@code save} for a run id that already exists must keep the first
 * result (first writer wins), so that two processes racing on the same encounter agree on one note.
 */
public interface StructuringResultStore {

  /**
   * The result stored for a run.
   *
   * @param modelRunId the run id
   * @return the first result saved for it, if any
   */
  Optional<StructuringResult> find(String modelRunId);

  /**
   * Stores a drafted or degraded result under its run id, unless one is already stored.
   *
   * @param result the result; never {@link Status#FAILED}
   * @return the result now stored for the run id: {@code result}, or the one saved earlier
   */
  StructuringResult saveIfAbsent(StructuringResult result);
}
