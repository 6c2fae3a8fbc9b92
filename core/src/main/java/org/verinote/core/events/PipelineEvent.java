package org.verinote.core.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One state transition of a structuring run, a review or an EHR write: what happened ({@link #type()}), to which
 * encounter, in which model run, how long the stage took, an outcome or reason {@link #code()}, and counts.
 *
 * <p><b>PHI-free by construction.</b> An event has no field that can hold free text: numbers are {@link Count}s,
 * identifiers are {@link Ref}s, and every string (tenant, encounter, run id, code, refs) is reduced to an
 * id-shaped token — characters outside {@code [A-Za-z0-9._:/@+-]} become {@code _} and anything past 128
 * characters is cut. A sentence passed by mistake therefore arrives as {@code a_cough_for_three_days}: visibly
 * wrong, and still no longer a sentence a log search would match.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints every field (they are all safe to print).
 */
public final class PipelineEvent {

  static final int MAX_TOKEN = 128;

  private final EventType type;
  private final Instant timestamp;
  private final String tenantId;
  private final String encounterId;
  private final String modelRunId;
  private final int attempt;
  private final Duration duration;
  private final String code;
  private final Map<Count, Long> counts;
  private final Map<Ref, String> refs;

  private PipelineEvent(Builder b) {
    this.type = b.type;
    this.timestamp = b.timestamp == null ? Instant.now() : b.timestamp;
    this.tenantId = b.tenantId;
    this.encounterId = b.encounterId;
    this.modelRunId = b.modelRunId;
    this.attempt = b.attempt;
    this.duration = b.duration;
    this.code = b.code;
    this.counts = b.counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.counts));
    this.refs = b.refs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.refs));
  }

  /**
   * Starts an event.
   *
   * @param type what happened
   * @param tenantId the tenant
   * @param encounterId the encounter (visit) id
   * @return a new builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(EventType type, String tenantId, String encounterId) {
    return new Builder(type, tenantId, encounterId);
  }

  /** @return what happened */
  public EventType type() {
    return type;
  }

  /** @return when the event was emitted (the end of its stage) */
  public Instant timestamp() {
    return timestamp;
  }

  /** @return the tenant */
  public String tenantId() {
    return tenantId;
  }

  /** @return the encounter (visit) id */
  public String encounterId() {
    return encounterId;
  }

  /** @return the model run id, for structuring events and review events that know it */
  public Optional<String> modelRunId() {
    return Optional.ofNullable(modelRunId);
  }

  /** @return the attempt (model call) number from 1, or 0 when the event is not about one attempt */
  public int attempt() {
    return attempt;
  }

  /**
   * How long the stage took; for terminal events the whole operation. {@link Duration#ZERO} for instantaneous
   * transitions.
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  /**
   * The outcome or reason: {@code PASSED}, {@code REFUSED}, a {@code Failure.Code}, an exception's simple class
   * name, a guardrail chain outcome… Empty when there is nothing to say.
   *
   * @return the code, possibly empty
   */
  public String code() {
    return code;
  }

  /** @return the counts this event carries, in {@link Count} order */
  public Map<Count, Long> counts() {
    return counts;
  }

  /**
   * One count.
   *
   * @param count which
   * @return its value, or {@code -1} when the event does not carry it
   */
  public long count(Count count) {
    Long v = counts.get(Objects.requireNonNull(count, "count"));
    return v == null ? -1 : v;
  }

  /** @return the identifiers this event carries, in {@link Ref} order */
  public Map<Ref, String> refs() {
    return refs;
  }

  /**
   * One identifier.
   *
   * @param ref which
   * @return its value, if the event carries it
   */
  public Optional<String> ref(Ref ref) {
    return Optional.ofNullable(refs.get(Objects.requireNonNull(ref, "ref")));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PipelineEvent[").append(type).append(", tenant=").append(tenantId)
        .append(", encounter=").append(encounterId);
    if (modelRunId != null) {
      sb.append(", run=").append(modelRunId);
    }
    if (attempt > 0) {
      sb.append(", attempt=").append(attempt);
    }
    if (!code.isEmpty()) {
      sb.append(", code=").append(code);
    }
    sb.append(", ").append(duration.toNanos() / 1_000).append(" us");
    if (!counts.isEmpty()) {
      sb.append(", counts=").append(counts);
    }
    if (!refs.isEmpty()) {
      sb.append(", refs=").append(refs);
    }
    return sb.append(']').toString();
  }

  /**
   * Reduces a string to an id-shaped token: characters outside {@code [A-Za-z0-9._:/@+-]} become {@code _}, at most
   * 128 characters are kept.
   */
  static String token(String s) {
    int n = Math.min(s.length(), MAX_TOKEN);
    char[] out = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == ':' || c == '/' || c == '@' || c == '+' || c == '-';
      if (!ok) {
        if (out == null) {
          out = s.substring(0, n).toCharArray();
        }
        out[i] = '_';
      }
    }
    if (out != null) {
      return new String(out);
    }
    return n == s.length() ? s : s.substring(0, n);
  }

  /** Builds a {@link PipelineEvent}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final EventType type;
    private final String tenantId;
    private final String encounterId;
    private Instant timestamp;
    private String modelRunId;
    private int attempt;
    private Duration duration = Duration.ZERO;
    private String code = "";
    private final EnumMap<Count, Long> counts = new EnumMap<>(Count.class);
    private final EnumMap<Ref, String> refs = new EnumMap<>(Ref.class);

    private Builder(EventType type, String tenantId, String encounterId) {
      this.type = Objects.requireNonNull(type, "type");
      this.tenantId = token(Objects.requireNonNull(tenantId, "tenantId"));
      this.encounterId = token(Objects.requireNonNull(encounterId, "encounterId"));
    }

    /**
     * Sets the model run id.
     *
     * @param id the run id; reduced to a token
     * @return this builder
     */
    public Builder modelRunId(String id) {
      this.modelRunId = token(Objects.requireNonNull(id, "modelRunId"));
      return this;
    }

    /**
     * Sets the attempt number.
     *
     * @param n from 1; 0 for "not about one attempt"
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder attempt(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("attempt must be >= 0, got " + n);
      }
      this.attempt = n;
      return this;
    }

    /**
     * Sets the stage duration (default zero).
     *
     * @param d the duration
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder duration(Duration d) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, got " + d);
      }
      this.duration = d;
      return this;
    }

    /**
     * Sets the outcome or reason code.
     *
     * @param code e.g. {@code PASSED}, {@code MODEL_UNAVAILABLE}; reduced to a token
     * @return this builder
     */
    public Builder code(String code) {
      this.code = token(Objects.requireNonNull(code, "code"));
      return this;
    }

    /**
     * Sets a count.
     *
     * @param count which
     * @param value the value, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Builder count(Count count, long value) {
      Objects.requireNonNull(count, "count");
      if (value < 0) {
        throw new IllegalArgumentException(count + " must be >= 0, got " + value);
      }
      counts.put(count, value);
      return this;
    }

    /**
     * Sets an identifier.
     *
     * @param ref which
     * @param value the id; reduced to a token
     * @return this builder
     */
    public Builder ref(Ref ref, String value) {
      refs.put(Objects.requireNonNull(ref, "ref"), token(Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Sets the timestamp (default: the time of {@link #build()}).
     *
     * @param at the instant
     * @return this builder
     */
    public Builder timestamp(Instant at) {
      this.timestamp = Objects.requireNonNull(at, "timestamp");
      return this;
    }

    /** @return the event */
    public PipelineEvent build() {
      return new PipelineEvent(this);
    }
  }
}
