package org.verinote.core.deid;

import java.util.List;
import java.util.Objects;
import org.verinote.core.PatientContext;

/**
 * The default {@link DeIdentifier}: replaces the 18 HIPAA Safe Harbor identifiers with reversible tokens
 * ({@code [PATIENT_1]}, {@code [CLINICIAN_1]}, {@code [DATE_1]}…), one token per entity per encounter, using the
 * identifiers the {@link PatientContext} supplies first and then a {@link RecognizerRegistry} of rule-based
 * recognizers (patterns, context cues, dictionaries). Dates can instead be shifted by a per-patient offset.
 *
 * <p>Immutable and thread-safe: build one and share it. Each {@link #open} returns a new vault, which is not
 * thread-safe. Cost: linear in the text, about one pass per recognizer; measured figures are in
 * {@code docs/guides/deid.md}.
 *
 * {@snippet :
 * DeIdentifier deid = SafeHarborDeIdentifier.standard();
 * PhiVault vault = deid.open("visit-42", PatientContext.builder().givenName("Andrew").familyName("Campbell").build());
 * String safe = vault.deidentify("hi , andrew . how is mr. campbell's knee ?");
 * // "hi , [PATIENT_1] . how is mr. [PATIENT_1]'s knee ?"
 * String back = vault.restore("[PATIENT_1] reports knee pain.");
 * // "Andrew Campbell reports knee pain."
 * }
 */
public final class SafeHarborDeIdentifier implements DeIdentifier {

  private static final SafeHarborDeIdentifier STANDARD = builder().build();

  private final RecognizerRegistry registry;
  private final DateShift dateShift;

  private SafeHarborDeIdentifier(Builder b) {
    this.registry = b.registry == null ? RecognizerRegistry.standard() : b.registry;
    this.dateShift = b.dateShift;
  }

  /**
   * The de-identifier with every built-in recognizer and dates replaced by tokens.
   *
   * @return the shared standard instance
   */
  public static SafeHarborDeIdentifier standard() {
    return STANDARD;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this configuration.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.registry = registry;
    b.dateShift = dateShift;
    return b;
  }

  @Override
  public String id() {
    return dateShift == null ? "safe-harbor/1" : "safe-harbor/1+date-shift";
  }

  @Override
  public boolean isActive() {
    return true;
  }

  /** @return the recognizers in use */
  public RecognizerRegistry recognizers() {
    return registry;
  }

  /** @return whether dates are shifted rather than replaced by tokens */
  public boolean shiftsDates() {
    return dateShift != null;
  }

  @Override
  public PhiVault open(String encounterId, PatientContext context) {
    Objects.requireNonNull(encounterId, "encounterId");
    Objects.requireNonNull(context, "context");
    return new TokenVault(registry, dateShift, encounterId, context);
  }

  /**
   * The identifiers the recognizers find in {@code text}, overlaps resolved, without a patient context and without
   * replacing anything. For evaluation and inspection; {@link #open} + {@link PhiVault#deidentify} is what
   * de-identifies.
   *
   * @param text any text
   * @return non-overlapping spans sorted by start
   * @throws NullPointerException if {@code text} is null
   */
  public List<PhiSpan> find(String text) {
    Objects.requireNonNull(text, "text");
    return List.copyOf(SpanResolver.resolve(SpanResolver.detect(registry, text), text));
  }

  @Override
  public String toString() {
    return "SafeHarborDeIdentifier[" + id() + ", recognizers=" + registry.names() + "]";
  }

  /** Builds a {@link SafeHarborDeIdentifier}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private RecognizerRegistry registry;
    private DateShift dateShift;

    private Builder() {}

    /**
     * Sets the recognizers (default {@link RecognizerRegistry#standard()}).
     *
     * @param registry the registry
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder recognizers(RecognizerRegistry registry) {
      Objects.requireNonNull(registry, "registry");
      if (this.registry != null) {
        throw new IllegalStateException("recognizers were already set");
      }
      this.registry = registry;
      return this;
    }

    /**
     * Shifts dates by a per-patient offset instead of replacing them with tokens: every date of one patient moves by
     * the same number of days (derived from {@code secret} and the patient's identity), so intervals are kept and
     * the model can still reason about them. A date that cannot be read as a calendar date is tokenised.
     * Restoration maps a shifted date back only where the model copied it verbatim.
     *
     * @param secret at least 16 bytes, kept by the host; copied
     * @param maxDays the largest shift, 1..3650
     * @return this builder
     * @throws IllegalArgumentException if the secret is short or {@code maxDays} out of range
     * @throws IllegalStateException if already set
     */
    public Builder shiftDates(byte[] secret, int maxDays) {
      Objects.requireNonNull(secret, "secret");
      if (secret.length < 16) {
        throw new IllegalArgumentException("The date-shift secret must be at least 16 bytes, got " + secret.length);
      }
      if (maxDays < 1 || maxDays > 3650) {
        throw new IllegalArgumentException("maxDays must be in 1..3650, got " + maxDays);
      }
      if (this.dateShift != null) {
        throw new IllegalStateException("shiftDates was already set");
      }
      this.dateShift = new DateShift(secret, maxDays);
      return this;
    }

    /**
     * Builds the de-identifier.
     *
     * @return the de-identifier
     */
    public SafeHarborDeIdentifier build() {
      return new SafeHarborDeIdentifier(this);
    }
  }
}
