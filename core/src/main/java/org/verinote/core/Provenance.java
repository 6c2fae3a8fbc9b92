package org.verinote.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a draft came from: which model and version, which prompt and template, whether and how the transcript was
 * de-identified, every attempt with the model's raw (de-identified) output exactly as received, and how long each
 * stage took.
 *
 * <p>Immutable and thread-safe. Holds no raw PHI when de-identification is on: the raw outputs are the
 * de-identified ones. {@link #toString()} prints ids and counts only.
 */
public final class Provenance {

  private final String modelRunId;
  private final String modelId;
  private final String modelVersion;
  private final String promptProfile;
  private final String promptVersion;
  private final String templateId;
  private final String templateVersion;
  private final String deidentifierId;
  private final boolean deidentified;
  private final Map<String, Integer> replacementCounts;
  private final List<Attempt> attempts;
  private final Map<String, Duration> stageTimings;
  private final List<String> skippedProviders;

  private Provenance(Builder b) {
    this.modelRunId = Objects.requireNonNull(b.modelRunId, "modelRunId");
    this.modelId = Objects.requireNonNull(b.modelId, "modelId");
    this.modelVersion = Objects.requireNonNull(b.modelVersion, "modelVersion");
    this.promptProfile = Objects.requireNonNull(b.promptProfile, "promptProfile");
    this.promptVersion = Objects.requireNonNull(b.promptVersion, "promptVersion");
    this.templateId = Objects.requireNonNull(b.templateId, "templateId");
    this.templateVersion = Objects.requireNonNull(b.templateVersion, "templateVersion");
    this.deidentifierId = Objects.requireNonNull(b.deidentifierId, "deidentifierId");
    this.deidentified = b.deidentified;
    this.replacementCounts = Collections.unmodifiableMap(new LinkedHashMap<>(b.replacementCounts));
    this.attempts = List.copyOf(b.attempts);
    this.stageTimings = Collections.unmodifiableMap(new LinkedHashMap<>(b.stageTimings));
    this.skippedProviders = List.copyOf(b.skippedProviders);
  }

  /**
   * Starts a builder. Used by {@link NoteStructurer} and by stores that rehydrate provenance.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this provenance.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.modelRunId = modelRunId;
    b.modelId = modelId;
    b.modelVersion = modelVersion;
    b.promptProfile = promptProfile;
    b.promptVersion = promptVersion;
    b.templateId = templateId;
    b.templateVersion = templateVersion;
    b.deidentifierId = deidentifierId;
    b.deidentified = deidentified;
    b.replacementCounts.putAll(replacementCounts);
    b.attempts.addAll(attempts);
    b.stageTimings.putAll(stageTimings);
    b.skippedProviders.addAll(skippedProviders);
    return b;
  }

  /**
   * The model run id: derived from the encounter id, a hash of the inputs and the model version, so that the same
   * encounter structured twice with the same model and inputs gets the same id (idempotency key).
   *
   * @return the run id
   */
  public String modelRunId() {
    return modelRunId;
  }

  /** @return the id of the model that produced the output (after any fallback) */
  public String modelId() {
    return modelId;
  }

  /** @return that model's version as reported */
  public String modelVersion() {
    return modelVersion;
  }

  /** @return the prompt profile name ({@code SMALL_LOCAL}, {@code LARGE_HOSTED}) */
  public String promptProfile() {
    return promptProfile;
  }

  /** @return the prompt version */
  public String promptVersion() {
    return promptVersion;
  }

  /** @return the template id */
  public String templateId() {
    return templateId;
  }

  /** @return the template version */
  public String templateVersion() {
    return templateVersion;
  }

  /** @return the de-identifier's id ({@code "disabled"} when off) */
  public String deidentifierId() {
    return deidentifierId;
  }

  /** @return whether the model saw de-identified text only */
  public boolean deidentified() {
    return deidentified;
  }

  /** @return identifiers replaced, by type (counts only) */
  public Map<String, Integer> replacementCounts() {
    return replacementCounts;
  }

  /** @return every model call, in order */
  public List<Attempt> attempts() {
    return attempts;
  }

  /**
   * The raw output of the last attempt that produced any, exactly as received (de-identified).
   *
   * @return the raw output, or {@code ""} if no attempt produced output
   */
  public String rawModelOutput() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (!attempts.get(i).rawOutput().isEmpty()) {
        return attempts.get(i).rawOutput();
      }
    }
    return "";
  }

  /** @return wall time per pipeline stage, in pipeline order */
  public Map<String, Duration> stageTimings() {
    return stageTimings;
  }

  /** @return providers a fallback chain skipped, each with its reason (no PHI) */
  public List<String> skippedProviders() {
    return skippedProviders;
  }

  @Override
  public String toString() {
    return "Provenance[run=" + modelRunId + ", model=" + modelId + "@" + modelVersion + ", prompt=" + promptProfile
        + "/" + promptVersion + ", template=" + templateId + "@" + templateVersion + ", deid=" + deidentifierId
        + ", attempts=" + attempts.size() + "]";
  }

  /** Builds {@link Provenance}. Not thread-safe. */
  public static final class Builder {
    private String modelRunId;
    private String modelId;
    private String modelVersion;
    private String promptProfile;
    private String promptVersion;
    private String templateId;
    private String templateVersion;
    private String deidentifierId;
    private boolean deidentified;
    private final Map<String, Integer> replacementCounts = new LinkedHashMap<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<String, Duration> stageTimings = new LinkedHashMap<>();
    private final List<String> skippedProviders = new ArrayList<>();

    private Builder() {}

    /** @param v run id @return this */
    public Builder modelRunId(String v) {
      this.modelRunId = Objects.requireNonNull(v);
      return this;
    }

    /** @param id model id @param version model version @return this */
    public Builder model(String id, String version) {
      this.modelId = Objects.requireNonNull(id);
      this.modelVersion = Objects.requireNonNull(version);
      return this;
    }

    /** @param profile profile name @param version prompt version @return this */
    public Builder prompt(String profile, String version) {
      this.promptProfile = Objects.requireNonNull(profile);
      this.promptVersion = Objects.requireNonNull(version);
      return this;
    }

    /** @param id template id @param version template version @return this */
    public Builder template(String id, String version) {
      this.templateId = Objects.requireNonNull(id);
      this.templateVersion = Objects.requireNonNull(version);
      return this;
    }

    /** @param id de-identifier id @param active whether it was active @return this */
    public Builder deidentifier(String id, boolean active) {
      this.deidentifierId = Objects.requireNonNull(id);
      this.deidentified = active;
      return this;
    }

    /** @param counts replacement counts by type @return this */
    public Builder replacementCounts(Map<String, Integer> counts) {
      replacementCounts.clear();
      replacementCounts.putAll(counts);
      return this;
    }

    /** @param a an attempt to append @return this */
    public Builder attempt(Attempt a) {
      attempts.add(Objects.requireNonNull(a));
      return this;
    }

    /** @param stage stage name @param d its duration (added to any earlier time of the stage) @return this */
    public Builder stage(String stage, Duration d) {
      stageTimings.merge(stage, d, Duration::plus);
      return this;
    }

    /** @param skipped skipped providers with reasons @return this */
    public Builder skippedProviders(List<String> skipped) {
      skippedProviders.clear();
      skippedProviders.addAll(skipped);
      return this;
    }

    /**
     * Builds the provenance.
     *
     * @return the provenance
     * @throws NullPointerException if the run id, model, prompt, template or de-identifier was not set
     */
    public Provenance build() {
      return new Provenance(this);
    }
  }
}
