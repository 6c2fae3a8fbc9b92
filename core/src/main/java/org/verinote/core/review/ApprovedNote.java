package org.verinote.core.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.verinote.core.StructuredNote;

/**
 * A note a named clinician has explicitly approved: the only thing a
 * {@link org.verinote.core.record.ClinicalRecordAdapter} accepts.
 *
 * <p>Only the review workflow (this package) can create one, so writing an unapproved draft to an EHR does not
 * compile. Immutable and thread-safe. {@link #toString()} prints ids only.
 */
public final class ApprovedNote {

  private final String tenantId;
  private final String encounterId;
  private final String draftId;
  private final long draftVersion;
  private final String patientRef;
  private final StructuredNote note;
  private final String approvedBy;
  private final Instant approvedAt;
  private final String submissionKey;
  private final String modelId;
  private final String modelVersion;
  private final String documentTypeCode;

  ApprovedNote(String tenantId, String encounterId, String draftId, long draftVersion, String patientRef,
      StructuredNote note, String approvedBy, Instant approvedAt, String submissionKey, String modelId,
      String modelVersion, String documentTypeCode) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.encounterId = Objects.requireNonNull(encounterId, "encounterId");
    this.draftId = Objects.requireNonNull(draftId, "draftId");
    this.draftVersion = draftVersion;
    this.patientRef = patientRef;
    this.note = Objects.requireNonNull(note, "note");
    this.approvedBy = Objects.requireNonNull(approvedBy, "approvedBy");
    this.approvedAt = Objects.requireNonNull(approvedAt, "approvedAt");
    this.submissionKey = Objects.requireNonNull(submissionKey, "submissionKey");
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
    this.documentTypeCode = Objects.requireNonNull(documentTypeCode, "documentTypeCode");
  }

  /** @return the tenant */
  public String tenantId() {
    return tenantId;
  }

  /** @return the encounter (visit) id */
  public String encounterId() {
    return encounterId;
  }

  /** @return the review draft's id */
  public String draftId() {
    return draftId;
  }

  /** @return the draft version that was approved */
  public long draftVersion() {
    return draftVersion;
  }

  /** @return the EHR patient reference, if the encounter had one */
  public Optional<String> patientRef() {
    return Optional.ofNullable(patientRef);
  }

  /** @return the approved note, identifiers restored, clinician edits applied */
  public StructuredNote note() {
    return note;
  }

  /** @return the approving clinician's id */
  public String approvedBy() {
    return approvedBy;
  }

  /** @return when it was approved */
  public Instant approvedAt() {
    return approvedAt;
  }

  /**
   * The idempotency key for writing this note: the same approved note always has the same key, so an EHR write
   * retried after a timeout never creates a second document.
   *
   * @return the submission key
   */
  public String submissionKey() {
    return submissionKey;
  }

  /** @return the id of the model that drafted the note */
  public String modelId() {
    return modelId;
  }

  /** @return the version of the model that drafted the note */
  public String modelVersion() {
    return modelVersion;
  }

  /** @return the LOINC document type from the note's template */
  public String documentTypeCode() {
    return documentTypeCode;
  }

  @Override
  public String toString() {
    return "ApprovedNote[tenant=" + tenantId + ", encounter=" + encounterId + ", draft=" + draftId + "@v"
        + draftVersion + ", key=" + submissionKey + "]";
  }
}
