package org.verinote.core;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import org.verinote.core.model.ModelProvider;

/**
 * Makes structuring idempotent: the same encounter with the same inputs and the same model version — e.g. a client
 * retrying after its own timeout — gets the first result back instead of a second model call and a second note.
 *
 * <p>The key is the {@linkplain Provenance#modelRunId() model run id}: tenant, encounter id, a SHA-256 of the
 * inputs (transcript, template, patient context, prompt version) and the model id and version chosen for the
 * encounter (after {@linkplain NoteStructurer.Builder#router routing}). Results are held in a bounded Caffeine
 * cache with a time-to-live; concurrent calls with the same key wait for the one in flight rather than starting
 * another. {@link Status#DRAFTED} and {@link Status#DEGRADED} results are kept; a {@link Status#FAILED} result is
 * returned to the callers waiting for it and then forgotten, so that a later retry tries again.
 *
 * <p>The cache sits in front of an optional durable {@link StructuringResultStore}: on a cache miss the store is
 * asked for the run id before any model call, and a new drafted or degraded result is saved there
 * ({@linkplain StructuringResultStore#saveIfAbsent first writer wins}, so two processes agree on one note). Without
 * a store, idempotency lasts as long as the process and the cache entry.
 *
 * {@snippet :
 * IdempotentStructurer structurer = IdempotentStructurer.builder(NoteStructurer.builder().model(model).build())
 *     .maximumSize(10_000)
 *     .expireAfterWrite(Duration.ofHours(24))
 *     .build();
 * StructuringResult first = structurer.structure(encounter);
 * StructuringResult again = structurer.structure(encounter);   // same instance, no second model call
 * }
 *
 * <p>Thread-safe. Cost of a hit: one SHA-256 over the inputs and a hash lookup.
 */
public final class IdempotentStructurer {

  private final NoteStructurer structurer;
  private final StructuringResultStore store;
  private final AsyncCache<String, StructuringResult> results;

  private IdempotentStructurer(Builder b) {
    this.structurer = b.structurer;
    this.store = b.store;
    Caffeine<Object, Object> c = Caffeine.newBuilder().maximumSize(b.maximumSize).expireAfterWrite(b.ttl);
    if (b.ticker != null) {
      c.ticker(b.ticker);
    }
    this.results = c.buildAsync();
  }

  /**
   * Starts a builder around a structurer.
   *
   * @param structurer the structurer doing the work
   * @return a new builder
   */
  public static Builder builder(NoteStructurer structurer) {
    return new Builder(Objects.requireNonNull(structurer, "structurer"));
  }

  /**
   * Structures the encounter, or returns the result already produced for the same run id.
   *
   * @param encounter the encounter
   * @return the result; never null
   * @throws NullPointerException if {@code encounter} is null
   */
  public StructuringResult structure(Encounter encounter) {
    Objects.requireNonNull(encounter, "encounter");
    ModelProvider model = structurer.modelFor(encounter);
    String key = NoteStructurer.modelRunId(encounter, model.info());
    ConcurrentMap<String, CompletableFuture<StructuringResult>> map = results.asMap();
    CompletableFuture<StructuringResult> mine = new CompletableFuture<>();
    CompletableFuture<StructuringResult> prior = map.putIfAbsent(key, mine);
    if (prior != null) {
      return prior.join();
    }
    try {
      StructuringResult r = fromStoreOrStructure(encounter, model, key);
      mine.complete(r);
      if (r.status() == Status.FAILED) {
        map.remove(key, mine);
      }
      return r;
    } catch (RuntimeException | Error e) {
      map.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private StructuringResult fromStoreOrStructure(Encounter encounter, ModelProvider model, String key) {
    if (store != null) {
      Optional<StructuringResult> stored = store.find(key);
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    StructuringResult r = structurer.structure(encounter, model);
    if (store != null && r.status() != Status.FAILED) {
      return Objects.requireNonNull(store.saveIfAbsent(r), "store returned null");
    }
    return r;
  }

  /**
   * The cached result of a run, if present and finished.
   *
   * @param modelRunId the run id
   * @return the result
   */
  public Optional<StructuringResult> cached(String modelRunId) {
    CompletableFuture<StructuringResult> f = results.getIfPresent(Objects.requireNonNull(modelRunId, "modelRunId"));
    return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
  }

  /** @return the wrapped structurer */
  public NoteStructurer structurer() {
    return structurer;
  }

  @Override
  public String toString() {
    return "IdempotentStructurer[" + structurer + "]";
  }

  /** Builds an {@link IdempotentStructurer}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final NoteStructurer structurer;
    private long maximumSize = 10_000;
    private Duration ttl = Duration.ofHours(24);
    private Ticker ticker;
    private StructuringResultStore store;

    private Builder(NoteStructurer structurer) {
      this.structurer = structurer;
    }

    /**
     * Bounds the cache (default 10,000 results; least recently and frequently used go first).
     *
     * @param size at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maximumSize(long size) {
      if (size < 1) {
        throw new IllegalArgumentException("maximumSize must be >= 1, got " + size);
      }
      this.maximumSize = size;
      return this;
    }

    /**
     * Sets how long a result is remembered after it was produced (default 24 h: a client's retries after a
     * timeout arrive within minutes; a clinician re-running the next day should see a fresh draft).
     *
     * @param ttl a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder expireAfterWrite(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("expireAfterWrite must be positive, got " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Puts a durable store behind the cache (default: none).
     *
     * @param resultStore the store
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder store(StructuringResultStore resultStore) {
      Objects.requireNonNull(resultStore, "store");
      if (this.store != null) {
        throw new IllegalStateException("store was already set");
      }
      this.store = resultStore;
      return this;
    }

    /** Test hook: the cache's time source. */
    Builder ticker(Ticker t) {
      this.ticker = Objects.requireNonNull(t, "ticker");
      return this;
    }

    /**
     * Builds the wrapper.
     *
     * @return the idempotent structurer
     */
    public IdempotentStructurer build() {
      return new IdempotentStructurer(this);
    }
  }
}
