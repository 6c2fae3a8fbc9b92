package org.verinote.core.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.ModelUnavailableException;
import org.verinote.core.VerinoteException;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;

/**
 * Tries providers in order — typically hosted → local → the embedded extractive model — and returns the first
 * answer.
 *
 * <p>An answer from the primary (first) provider is returned as is. An answer from any later provider is marked
 * {@linkplain ModelResponse#degraded() degraded}, so that {@link org.verinote.core.NoteStructurer} records
 * {@link org.verinote.core.Status#DEGRADED}, and its {@linkplain ModelResponse#skipped() skipped list} names each
 * provider that failed before it and why, e.g. {@code "openai:gpt-4o: ModelServerException: Model 'openai:gpt-4o'
 * failed with a server error (HTTP 503)."}. Those reasons carry exception types and Verinote's own PHI-free
 * messages only. Each provider applies its own retries and circuit breaker first; a provider whose breaker is open
 * is skipped at once.
 *
 * <p>When every provider fails the call throws {@link ModelUnavailableException} listing every provider and its
 * reason, with the last failure as the cause.
 *
 * <p>{@link #info()} is the primary's identity with {@code remote} true if any provider is remote, so that the
 * egress check runs whenever a prompt could leave the process. Prompts are shaped for the primary's profile.
 *
 * {@snippet :
 * ModelProvider chain = FallbackModelProvider.builder()
 *     .add(hosted)        // OpenAiCompatibleProvider, AnthropicProvider …
 *     .add(local)         // OllamaProvider
 *     .add(extractive)    // the embedded extractive model: always answers, degraded
 *     .build();
 * }
 *
 * <p>Immutable and thread-safe if its providers are.
 */
public final class FallbackModelProvider implements ModelProvider {

  private static final Logger LOG = LoggerFactory.getLogger(FallbackModelProvider.class);

  private final List<ModelProvider> providers;
  private final ModelInfo info;

  private FallbackModelProvider(List<ModelProvider> providers) {
    this.providers = List.copyOf(providers);
    ModelInfo primary = providers.get(0).info();
    boolean remote = providers.stream().anyMatch(p -> p.info().capabilities().remote());
    ModelCapabilities c = primary.capabilities();
    this.info = new ModelInfo(primary.id(), primary.version(),
        new ModelCapabilities(c.jsonOutput(), c.contextTokens(), remote, c.profile()));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** @return the providers, in the order they are tried */
  public List<ModelProvider> providers() {
    return providers;
  }

  /**
   * Asks each provider in turn until one answers.
   *
   * <p>Cost: the sum of the failed providers' calls (with their retries) plus one successful call.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws ModelUnavailableException if every provider failed; the message lists each with its reason
   */
  @Override
  public ModelResponse generate(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    List<String> skipped = new ArrayList<>();
    RuntimeException last = null;
    for (int i = 0; i < providers.size(); i++) {
      ModelProvider p = providers.get(i);
      try {
        ModelResponse r = Objects.requireNonNull(p.generate(request), "provider returned null");
        if (i == 0) {
          return r;
        }
        List<String> all = new ArrayList<>(skipped);
        all.addAll(r.skipped());
        return r.asDegraded(all);
      } catch (RuntimeException e) {
        String reason = p.info().id() + ": " + e.getClass().getSimpleName()
            + (e instanceof VerinoteException ? ": " + e.getMessage() : "");
        LOG.info("Fallback: provider {} of {} ('{}') failed with {}", i + 1, providers.size(), p.info().id(),
            e.getClass().getSimpleName());
        skipped.add(reason);
        last = e;
      }
    }
    throw new ModelUnavailableException(info.id(), "All " + providers.size() + " providers failed: "
        + String.join("; ", skipped), last);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FallbackModelProvider[");
    for (int i = 0; i < providers.size(); i++) {
      sb.append(i == 0 ? "" : " -> ").append(providers.get(i).info().id());
    }
    return sb.append(']').toString();
  }

  /** Builds a {@link FallbackModelProvider}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final List<ModelProvider> providers = new ArrayList<>();

    private Builder() {}

    /**
     * Appends a provider. The first one added is the primary; answers from later ones are degraded.
     *
     * @param provider the provider
     * @return this builder
     * @throws IllegalArgumentException if the same instance was already added
     */
    public Builder add(ModelProvider provider) {
      Objects.requireNonNull(provider, "provider");
      if (providers.stream().anyMatch(p -> p == provider)) {
        throw new IllegalArgumentException("Provider '" + provider.info().id() + "' was already added");
      }
      providers.add(provider);
      return this;
    }

    /**
     * Builds the chain.
     *
     * @return the provider
     * @throws IllegalStateException if fewer than two providers were added
     */
    public FallbackModelProvider build() {
      if (providers.size() < 2) {
        throw new IllegalStateException("A fallback chain needs at least two providers, got " + providers.size());
      }
      return new FallbackModelProvider(providers);
    }
  }
}
