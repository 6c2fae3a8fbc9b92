package org.verinote.core.providers;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.ModelException;
import org.verinote.core.ModelRateLimitedException;
import org.verinote.core.ModelResponseException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.ModelUnavailableException;

/**
 * One provider's Resilience4j stack: {@code Retry(Bulkhead(CircuitBreaker(TimeLimiter(call))))}. Every failure
 * leaves as a {@link ModelException}. Thread-safe.
 */
final class Resilience {

  private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);

  private final String modelId;
  private final ResilienceOptions options;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final TimeLimiter timeLimiter;

  Resilience(String modelId, ResilienceOptions options) {
    this.modelId = modelId;
    this.options = options;
    IntervalFunction backoff = options.jitter() == 0.0
        ? IntervalFunction.ofExponentialBackoff(options.initialBackoff(), options.backoffMultiplier(),
            options.maxBackoff())
        : IntervalFunction.ofExponentialRandomBackoff(options.initialBackoff(), options.backoffMultiplier(),
            options.jitter(), options.maxBackoff());
    RetryConfig retryConfig = RetryConfig.<Object>custom()
        .maxAttempts(options.maxAttempts())
        .retryOnException(this::isRetried)
        .intervalBiFunction((attempt, outcome) -> {
          if (outcome.isLeft() && outcome.getLeft() instanceof ModelRateLimitedException) {
            ModelRateLimitedException rl = (ModelRateLimitedException) outcome.getLeft();
            if (rl.retryAfter().isPresent()) {
              return Math.max(1L, rl.retryAfter().get().toMillis());
            }
          }
          return backoff.apply(attempt);
        })
        .build();
    this.retry = Retry.of(modelId, retryConfig);
    this.breaker = CircuitBreaker.of(modelId, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(options.slidingWindowSize())
        .minimumNumberOfCalls(options.minimumNumberOfCalls())
        .failureRateThreshold(options.failureRateThreshold())
        .waitDurationInOpenState(options.openStateWait())
        .permittedNumberOfCallsInHalfOpenState(options.halfOpenCalls())
        .recordException(Resilience::countsAsFailure)
        .build());
    this.bulkhead = Bulkhead.of(modelId, BulkheadConfig.custom()
        .maxConcurrentCalls(options.maxConcurrentCalls())
        .maxWaitDuration(options.maxBulkheadWait())
        .build());
    this.timeLimiter = TimeLimiter.of(modelId, TimeLimiterConfig.custom()
        .timeoutDuration(options.callTimeout())
        .cancelRunningFuture(true)
        .build());
    retry.getEventPublisher().onRetry(e -> LOG.debug("Model '{}': retry {} in {} ms after {}", modelId,
        e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(), typeOf(e.getLastThrowable())));
    breaker.getEventPublisher().onStateTransition(e -> LOG.warn("Model '{}': circuit breaker {}", modelId,
        e.getStateTransition()));
  }

  /** @return the circuit breaker's state name, for diagnostics and tests */
  String circuitState() {
    return breaker.getState().name();
  }

  /**
   * Runs one logical call with retries, the breaker, the bulkhead and a time limit per attempt.
   *
   * @param call starts one attempt; the future fails with a {@link ModelException} or an I/O error
   * @return the result
   * @throws ModelException for every failure
   */
  <T> T execute(Supplier<CompletableFuture<T>> call) {
    Supplier<T> attempt = () -> once(call);
    Supplier<T> decorated = Retry.decorateSupplier(retry,
        Bulkhead.decorateSupplier(bulkhead, CircuitBreaker.decorateSupplier(breaker, attempt)));
    try {
      return decorated.get();
    } catch (CallNotPermittedException e) {
      throw new ModelUnavailableException(modelId, "Model '" + modelId + "' is not called: its circuit breaker is"
          + " open after repeated failures; trial calls resume " + options.openStateWait().toMillis()
          + " ms after it opened. Use a fallback provider or retry later.", null);
    } catch (BulkheadFullException e) {
      throw new ModelUnavailableException(modelId, "Model '" + modelId + "' is not called: "
          + options.maxConcurrentCalls() + " calls are already in flight and no slot freed within "
          + options.maxBulkheadWait().toMillis() + " ms (bulkhead full). Raise the limit or retry later.", null);
    }
  }

  private <T> T once(Supplier<CompletableFuture<T>> call) {
    try {
      return timeLimiter.executeFutureSupplier(call);
    } catch (TimeoutException e) {
      throw timeout(e);
    } catch (ExecutionException | CompletionException e) {
      throw translate(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelUnavailableException(modelId, "The call to model '" + modelId + "' was interrupted.", e);
    } catch (Exception e) {
      throw translate(e);
    }
  }

  private ModelTimeoutException timeout(Throwable cause) {
    return new ModelTimeoutException(modelId, "Model '" + modelId + "' did not answer within "
        + options.callTimeout().toMillis() + " ms.", cause);
  }

  /** Maps a transport failure to the typed family. Messages name exception types only, never content. */
  private ModelException translate(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ModelException) {
      return (ModelException) cause;
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return timeout(cause);
    }
    if (cause instanceof ConnectException) {
      return new ModelUnavailableException(modelId, "Could not connect to model '" + modelId + "' ("
          + typeOf(cause) + "). Check the base URL and that the server is running.", cause);
    }
    if (cause instanceof IOException) {
      return new ModelResponseException(modelId, "The connection to model '" + modelId
          + "' failed before a complete response arrived (" + typeOf(cause) + ").", cause);
    }
    return new ModelResponseException(modelId, "The call to model '" + modelId + "' failed with "
        + typeOf(cause) + ".", cause);
  }

  private boolean isRetried(Throwable t) {
    if (!(t instanceof ModelException) || !((ModelException) t).isRetriable()
        || t instanceof ModelUnavailableException) {
      return false;
    }
    if (t instanceof ModelRateLimitedException) {
      Duration wait = ((ModelRateLimitedException) t).retryAfter().orElse(Duration.ZERO);
      return wait.compareTo(options.maxRetryAfter()) <= 0;
    }
    return true;
  }

  private static boolean countsAsFailure(Throwable t) {
    return t instanceof ModelException && ((ModelException) t).isRetriable();
  }

  private static String typeOf(Throwable t) {
    return t == null ? "unknown" : t.getClass().getSimpleName();
  }
}
