package org.verinote.core.providers;

import java.time.Duration;
import java.util.Objects;

/**
 * How one HTTP model provider retries, times out, trips its circuit breaker and limits concurrency. Implemented
 * with Resilience4j; every provider instance gets its own retry, time limiter, circuit breaker and bulkhead.
 *
 * <p>The defaults suit a hosted model generating a note of up to ~2,000 tokens:
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>setting</th><th>default</th></tr>
 * <tr><td>{@link Builder#maxAttempts(int) maxAttempts}</td><td>3 (the first call + 2 retries)</td></tr>
 * <tr><td>{@link Builder#backoff(Duration, double, Duration) backoff}</td>
 *     <td>500 ms × 2<sup>n</sup>, at most 20 s</td></tr>
 * <tr><td>{@link Builder#jitter(double) jitter}</td><td>0.5 (each wait is randomised ±50 %)</td></tr>
 * <tr><td>{@link Builder#maxRetryAfter(Duration) maxRetryAfter}</td><td>30 s</td></tr>
 * <tr><td>{@link Builder#connectTimeout(Duration) connectTimeout}</td><td>10 s</td></tr>
 * <tr><td>{@link Builder#callTimeout(Duration) callTimeout}</td><td>120 s per attempt</td></tr>
 * <tr><td>{@link Builder#circuitBreaker(int, int, int, Duration, int) circuit breaker}</td>
 *     <td>opens at ≥ 50 % failures over the last 20 calls (at least 10 calls), stays open 30 s, then lets 2 trial
 *     calls through</td></tr>
 * <tr><td>{@link Builder#bulkhead(int, Duration) bulkhead}</td>
 *     <td>16 concurrent calls; a 17th waits up to 5 s for a slot</td></tr>
 * </table>
 *
 * <p>Retried: HTTP 429 (after the server's {@code Retry-After} when it sent one and it is at most
 * {@code maxRetryAfter}; a longer wait is not retried so that a fallback can answer instead), HTTP 408 and 5xx,
 * per-attempt timeouts, a connection that dropped mid-response, and a 2xx whose body is not what the protocol
 * promises. Not retried: 400/401/403/404/422 (the same call fails again), a refused connection, an open circuit or
 * a full bulkhead (the fallback chain moves on at once).
 *
 * <p>Immutable and thread-safe.
 */
public final class ResilienceOptions {

  private static final ResilienceOptions DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double backoffMultiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Duration connectTimeout;
  private final Duration callTimeout;
  private final int failureRateThreshold;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final Duration openStateWait;
  private final int halfOpenCalls;
  private final int maxConcurrentCalls;
  private final Duration maxBulkheadWait;

  private ResilienceOptions(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.backoffMultiplier = b.backoffMultiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.connectTimeout = b.connectTimeout;
    this.callTimeout = b.callTimeout;
    this.failureRateThreshold = b.failureRateThreshold;
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumNumberOfCalls = b.minimumNumberOfCalls;
    this.openStateWait = b.openStateWait;
    this.halfOpenCalls = b.halfOpenCalls;
    this.maxConcurrentCalls = b.maxConcurrentCalls;
    this.maxBulkheadWait = b.maxBulkheadWait;
  }

  /**
   * The documented defaults.
   *
   * @return the default options
   */
  public static ResilienceOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return calls per request, including the first */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the wait before the first retry, before jitter */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** @return the factor each further wait grows by */
  public double backoffMultiplier() {
    return backoffMultiplier;
  }

  /** @return the longest computed backoff */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** @return the randomisation factor applied to each backoff, 0..1 */
  public double jitter() {
    return jitter;
  }

  /** @return the longest server-requested Retry-After that is honoured by waiting */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** @return the TCP connect timeout */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the time limit of one attempt, from sending the request to the last byte of the response */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** @return the failure rate in percent at which the circuit opens */
  public int failureRateThreshold() {
    return failureRateThreshold;
  }

  /** @return how many recent calls the failure rate is computed over */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** @return how many calls must be recorded before the failure rate counts */
  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  /** @return how long the circuit stays open before trial calls are let through */
  public Duration openStateWait() {
    return openStateWait;
  }

  /** @return how many trial calls the half-open circuit lets through */
  public int halfOpenCalls() {
    return halfOpenCalls;
  }

  /** @return the concurrent-call limit */
  public int maxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  /** @return how long a call waits for a bulkhead slot */
  public Duration maxBulkheadWait() {
    return maxBulkheadWait;
  }

  @Override
  public String toString() {
    return "ResilienceOptions[attempts=" + maxAttempts + ", backoff=" + initialBackoff.toMillis() + "ms*"
        + backoffMultiplier + "^n<=" + maxBackoff.toMillis() + "ms, jitter=" + jitter + ", maxRetryAfter="
        + maxRetryAfter.toMillis() + "ms, connect=" + connectTimeout.toMillis() + "ms, call="
        + callTimeout.toMillis() + "ms, breaker=" + failureRateThreshold + "%/" + slidingWindowSize + "/"
        + minimumNumberOfCalls + "/" + openStateWait.toMillis() + "ms/" + halfOpenCalls + ", bulkhead="
        + maxConcurrentCalls + "/" + maxBulkheadWait.toMillis() + "ms]";
  }

  /** Builds {@link ResilienceOptions}. Starts from the defaults. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private double backoffMultiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(20);
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(120);
    private int failureRateThreshold = 50;
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls = 10;
    private Duration openStateWait = Duration.ofSeconds(30);
    private int halfOpenCalls = 2;
    private int maxConcurrentCalls = 16;
    private Duration maxBulkheadWait = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets how many calls one request may take, the first included (default 3). 1 disables retries.
     *
     * @param attempts 1..10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be in 1..10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Sets the exponential backoff: the n-th retry waits {@code initial × multiplier^(n-1)}, capped at {@code max},
     * then randomised by {@link #jitter(double)} (default 500 ms, 2.0, 20 s).
     *
     * @param initial the first wait, at least 1 ms
     * @param multiplier the growth factor, 1..10
     * @param max the cap, at least {@code initial}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder backoff(Duration initial, double multiplier, Duration max) {
      requirePositive(initial, "initial backoff");
      requirePositive(max, "max backoff");
      if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
        throw new IllegalArgumentException("backoff multiplier must be in [1, 10], got " + multiplier);
      }
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff (" + max.toMillis() + " ms) must be >= initial backoff ("
            + initial.toMillis() + " ms)");
      }
      this.initialBackoff = initial;
      this.backoffMultiplier = multiplier;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets the randomisation of each backoff (default 0.5: a 1 s wait becomes 0.5–1.5 s), so that many clients
     * failing together do not retry together.
     *
     * @param factor 0 (no jitter) .. 1, exclusive of 1
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder jitter(double factor) {
      if (!(factor >= 0.0 && factor < 1.0)) {
        throw new IllegalArgumentException("jitter must be in [0, 1), got " + factor);
      }
      this.jitter = factor;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the retry waits for (default 30 s). A 429 asking for longer is not
     * retried: the call fails with {@link org.verinote.core.ModelRateLimitedException} carrying the server's value.
     *
     * @param max the longest wait, zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetryAfter(Duration max) {
      Objects.requireNonNull(max, "maxRetryAfter");
      if (max.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative, got " + max);
      }
      this.maxRetryAfter = max;
      return this;
    }

    /**
     * Sets the TCP connect timeout (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requirePositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the time limit of one attempt (default 120 s). Retries each get their own limit.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = requirePositive(timeout, "callTimeout");
      return this;
    }

    /**
     * Configures the count-based circuit breaker (default 50 %, 20, 10, 30 s, 2). Rate limits, 5xx, timeouts,
     * dropped connections and malformed responses count as failures; 4xx caused by the request do not.
     *
     * @param failureRatePercent the failure rate that opens the circuit, 1..100
     * @param windowSize how many recent calls are considered, at least 1
     * @param minimumCalls calls needed before the rate is evaluated, 1..windowSize
     * @param openWait how long the circuit stays open, positive
     * @param halfOpenTrialCalls trial calls in the half-open state, at least 1
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder circuitBreaker(int failureRatePercent, int windowSize, int minimumCalls, Duration openWait,
        int halfOpenTrialCalls) {
      if (failureRatePercent < 1 || failureRatePercent > 100) {
        throw new IllegalArgumentException("failureRatePercent must be in 1..100, got " + failureRatePercent);
      }
      if (windowSize < 1 || minimumCalls < 1 || minimumCalls > windowSize) {
        throw new IllegalArgumentException("need 1 <= minimumCalls <= windowSize, got minimumCalls="
            + minimumCalls + ", windowSize=" + windowSize);
      }
      if (halfOpenTrialCalls < 1) {
        throw new IllegalArgumentException("halfOpenTrialCalls must be >= 1, got " + halfOpenTrialCalls);
      }
      this.openStateWait = requirePositive(openWait, "openWait");
      this.failureRateThreshold = failureRatePercent;
      this.slidingWindowSize = windowSize;
      this.minimumNumberOfCalls = minimumCalls;
      this.halfOpenCalls = halfOpenTrialCalls;
      return this;
    }

    /**
     * Configures the bulkhead (default 16 concurrent calls, 5 s wait for a slot).
     *
     * @param maxConcurrent concurrent calls allowed, at least 1
     * @param maxWait how long a call waits for a slot, zero or more
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder bulkhead(int maxConcurrent, Duration maxWait) {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrent must be >= 1, got " + maxConcurrent);
      }
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("bulkhead maxWait must not be negative, got " + maxWait);
      }
      this.maxConcurrentCalls = maxConcurrent;
      this.maxBulkheadWait = maxWait;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public ResilienceOptions build() {
      return new ResilienceOptions(this);
    }

    private static Duration requirePositive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
