package org.verinote.core.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.verinote.core.Finding;
import org.verinote.core.StructuredNote;

/**
 * A snapshot of one draft under clinician review: the AI's original note and raw model output (never overwritten),
 * the current note with clinician edits applied, every edit, the findings, the state and the version.
 *
 * <p>Immutable and thread-safe; a new snapshot is returned by every workflow call. {@link #toString()} prints ids,
 * state, version and counts only. The {@link #builder()} is for {@link DraftStore} implementations rehydrating a
 * stored draft; hosts get drafts from {@link ReviewWorkflow}.
 */
public final class ReviewDraft {

  private final String tenantId;
  private final String draftId;
  private final String encounterId;
  private final String modelRunId;
  private final String patientRef;
  private final String documentTypeCode;
  private final String modelId;
  private final String modelVersion;
  private final StructuredNote aiNote;
  private final StructuredNote note;
  private final String rawModelOutput;
  private final List<Finding> findings;
  private final ReviewState state;
  private final long version;
  private final List<SectionEdit> edits;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final String decidedBy;
  private final Instant decidedAt;
  private final long approvedVersion;
  private final String rejectionReason;
  private final String submissionKey;
  private final int submissionAttempts;
  private final String submissionError;
  private final String recordId;

  private ReviewDraft(Builder b) {
    this.tenantId = Objects.requireNonNull(b.tenantId, "tenantId");
    this.draftId = Objects.requireNonNull(b.draftId, "draftId");
    this.encounterId = Objects.requireNonNull(b.encounterId, "encounterId");
    this.modelRunId = Objects.requireNonNull(b.modelRunId, "modelRunId");
    this.patientRef = b.patientRef;
    this.documentTypeCode = Objects.requireNonNull(b.documentTypeCode, "documentTypeCode");
    this.modelId = Objects.requireNonNull(b.modelId, "modelId");
    this.modelVersion = Objects.requireNonNull(b.modelVersion, "modelVersion");
    this.aiNote = Objects.requireNonNull(b.aiNote, "aiNote");
    this.note = Objects.requireNonNull(b.note, "note");
    this.rawModelOutput = Objects.requireNonNull(b.rawModelOutput, "rawModelOutput");
    this.findings = List.copyOf(b.findings);
    this.state = Objects.requireNonNull(b.state, "state");
    this.version = b.version;
    this.edits = List.copyOf(b.edits);
    this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
    this.decidedBy = b.decidedBy;
    this.decidedAt = b.decidedAt;
    this.approvedVersion = b.approvedVersion;
    this.rejectionReason = b.rejectionReason;
    this.submissionKey = b.submissionKey;
    this.submissionAttempts = b.submissionAttempts;
    this.submissionError = b.submissionError;
    this.recordId = b.recordId;
    if (version < 1) {
      throw new IllegalArgumentException("Draft versions start at 1, got " + version);
    }
  }

  /**
   * Starts a builder (for {@link DraftStore} implementations).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this draft.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tenantId = tenantId;
    b.draftId = draftId;
    b.encounterId = encounterId;
    b.modelRunId = modelRunId;
    b.patientRef = patientRef;
    b.documentTypeCode = documentTypeCode;
    b.modelId = modelId;
    b.modelVersion = modelVersion;
    b.aiNote = aiNote;
    b.note = note;
    b.rawModelOutput = rawModelOutput;
    b.findings.addAll(findings);
    b.state = state;
    b.version = version;
    b.edits.addAll(edits);
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.decidedBy = decidedBy;
    b.decidedAt = decidedAt;
    b.approvedVersion = approvedVersion;
    b.rejectionReason = rejectionReason;
    b.submissionKey = submissionKey;
    b.submissionAttempts = submissionAttempts;
    b.submissionError = submissionError;
    b.recordId = recordId;
    return b;
  }

  /** @return the tenant */
  public String tenantId() {
    return tenantId;
  }

  /** @return the draft's id, stable for (tenant, encounter id, model run id) */
  public String draftId() {
    return draftId;
  }

  /** @return the encounter the note documents */
  public String encounterId() {
    return encounterId;
  }

  /** @return the structuring run that drafted it (with the encounter id, the idempotency key) */
  public String modelRunId() {
    return modelRunId;
  }

  /** @return the EHR patient reference, if the encounter had one */
  public Optional<String> patientRef() {
    return Optional.ofNullable(patientRef);
  }

  /** @return the LOINC document type from the note's template */
  public String documentTypeCode() {
    return documentTypeCode;
  }

  /** @return the model that drafted the note */
  public String modelId() {
    return modelId;
  }

  /** @return that model's version */
  public String modelVersion() {
    return modelVersion;
  }

  /** @return the note exactly as the AI drafted it; never changes */
  public StructuredNote aiNote() {
    return aiNote;
  }

  /** @return the current note: the AI draft with every clinician edit applied */
  public StructuredNote note() {
    return note;
  }

  /** @return the model's raw (de-identified) output exactly as received; never changes */
  public String rawModelOutput() {
    return rawModelOutput;
  }

  /** @return the guardrail and pipeline findings, carried from the structuring result; spans refer to the AI text */
  public List<Finding> findings() {
    return findings;
  }

  /** @return the review state */
  public ReviewState state() {
    return state;
  }

  /** @return the version: 1 when created, incremented by every write */
  public long version() {
    return version;
  }

  /** @return every clinician edit, oldest first */
  public List<SectionEdit> edits() {
    return edits;
  }

  /**
   * The keys of the sections a clinician has edited, in the order first edited.
   *
   * @return an unmodifiable set
   */
  public Set<String> editedSections() {
    Set<String> keys = new LinkedHashSet<>();
    for (SectionEdit e : edits) {
      keys.add(e.sectionKey());
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * Whether a clinician edited a section.
   *
   * @param sectionKey the section
   * @return {@code true} if at least one edit touched it
   */
  public boolean isEdited(String sectionKey) {
    for (SectionEdit e : edits) {
      if (e.sectionKey().equals(sectionKey)) {
        return true;
      }
    }
    return false;
  }

  /** @return when the draft was created */
  public Instant createdAt() {
    return createdAt;
  }

  /** @return when the draft was last written */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** @return the clinician who approved or rejected it, if one did */
  public Optional<String> decidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  /** @return when it was approved or rejected, if it was */
  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  /** @return the version the approval produced, or 0 if not approved */
  public long approvedVersion() {
    return approvedVersion;
  }

  /** @return the rejection reason the clinician gave, if rejected */
  public Optional<String> rejectionReason() {
    return Optional.ofNullable(rejectionReason);
  }

  /** @return the EHR idempotency key, once approved */
  public Optional<String> submissionKey() {
    return Optional.ofNullable(submissionKey);
  }

  /** @return how many EHR writes the submission worker has started */
  public int submissionAttempts() {
    return submissionAttempts;
  }

  /** @return the last EHR write failure (exception type and status, no PHI), if the last attempt failed */
  public Optional<String> submissionError() {
    return Optional.ofNullable(submissionError);
  }

  /** @return the EHR's record id, once confirmed */
  public Optional<String> recordId() {
    return Optional.ofNullable(recordId);
  }

  @Override
  public String toString() {
    return "ReviewDraft[tenant=" + tenantId + ", draft=" + draftId + ", encounter=" + encounterId + ", " + state
        + "@v" + version + ", edits=" + edits.size() + ", findings=" + findings.size() + "]";
  }

  /** Builds a {@link ReviewDraft}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private String tenantId;
    private String draftId;
    private String encounterId;
    private String modelRunId;
    private String patientRef;
    private String documentTypeCode;
    private String modelId;
    private String modelVersion;
    private StructuredNote aiNote;
    private StructuredNote note;
    private String rawModelOutput;
    private final List<Finding> findings = new ArrayList<>();
    private ReviewState state;
    private long version;
    private final List<SectionEdit> edits = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private String decidedBy;
    private Instant decidedAt;
    private long approvedVersion;
    private String rejectionReason;
    private String submissionKey;
    private int submissionAttempts;
    private String submissionError;
    private String recordId;

    private Builder() {}

    /** @param tenant tenant id @param draft draft id @param encounter encounter id @param run model run id
     * @return this */
    public Builder ids(String tenant, String draft, String encounter, String run) {
      this.tenantId = Objects.requireNonNull(tenant, "tenant");
      this.draftId = Objects.requireNonNull(draft, "draft");
      this.encounterId = Objects.requireNonNull(encounter, "encounter");
      this.modelRunId = Objects.requireNonNull(run, "run");
      return this;
    }

    /** @param ref the EHR patient reference, or {@code null} @return this */
    public Builder patientRef(String ref) {
      this.patientRef = ref;
      return this;
    }

    /** @param code LOINC document type @param model model id @param version model version @return this */
    public Builder origin(String code, String model, String version) {
      this.documentTypeCode = Objects.requireNonNull(code, "code");
      this.modelId = Objects.requireNonNull(model, "model");
      this.modelVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** @param ai the AI's note @param raw the raw model output @param list the findings @return this */
    public Builder aiDraft(StructuredNote ai, String raw, List<Finding> list) {
      this.aiNote = Objects.requireNonNull(ai, "ai");
      this.rawModelOutput = Objects.requireNonNull(raw, "raw");
      this.findings.clear();
      this.findings.addAll(Objects.requireNonNull(list, "list"));
      return this;
    }

    /** @param current the current note @return this */
    public Builder note(StructuredNote current) {
      this.note = Objects.requireNonNull(current, "current");
      return this;
    }

    /** @param s the state @param v the version @param at when it was last written @return this */
    public Builder state(ReviewState s, long v, Instant at) {
      this.state = Objects.requireNonNull(s, "s");
      this.version = v;
      this.updatedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** @param at creation time @return this */
    public Builder createdAt(Instant at) {
      this.createdAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** @param list every edit, oldest first @return this */
    public Builder edits(List<SectionEdit> list) {
      this.edits.clear();
      this.edits.addAll(Objects.requireNonNull(list, "list"));
      return this;
    }

    /** @param e an edit to append @return this */
    public Builder addEdit(SectionEdit e) {
      this.edits.add(Objects.requireNonNull(e, "e"));
      return this;
    }

    /** @param by clinician, or {@code null} @param at when, or {@code null} @param approved version the approval
     * produced, or 0 @param reason rejection reason, or {@code null} @return this */
    public Builder decision(String by, Instant at, long approved, String reason) {
      this.decidedBy = by;
      this.decidedAt = at;
      this.approvedVersion = approved;
      this.rejectionReason = reason;
      return this;
    }

    /** @param key idempotency key, or {@code null} @param attempts EHR writes started @param error last error, or
     * {@code null} @param record EHR record id, or {@code null} @return this */
    public Builder submission(String key, int attempts, String error, String record) {
      this.submissionKey = key;
      this.submissionAttempts = attempts;
      this.submissionError = error;
      this.recordId = record;
      return this;
    }

    /**
     * Builds the draft.
     *
     * @return the draft
     * @throws NullPointerException if ids, origin, AI draft, note, state or creation time were not set
     * @throws IllegalArgumentException if the version is below 1
     */
    public ReviewDraft build() {
      return new ReviewDraft(this);
    }
  }
}
