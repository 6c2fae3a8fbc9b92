package org.verinote.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link NoteStructurer#structure(Encounter)}: a draft note with findings, or a failure with its
 * reason, and full provenance either way.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints ids, status and counts only.
 */
public final class StructuringResult {

  private final String tenantId;
  private final String encounterId;
  private final Status status;
  private final StructuredNote note;
  private final List<Finding> findings;
  private final Map<String, Double> scores;
  private final Failure failure;
  private final Provenance provenance;

  private StructuringResult(String tenantId, String encounterId, Status status, StructuredNote note,
      List<Finding> findings, Map<String, Double> scores, Failure failure, Provenance provenance) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.encounterId = Objects.requireNonNull(encounterId, "encounterId");
    this.status = Objects.requireNonNull(status, "status");
    this.note = note;
    this.findings = List.copyOf(findings);
    this.scores = Map.copyOf(scores);
    this.failure = failure;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * A drafted (or degraded) result.
   *
   * @param encounter the encounter
   * @param status {@link Status#DRAFTED} or {@link Status#DEGRADED}
   * @param note the note, identifiers restored
   * @param findings guardrail and pipeline findings
   * @param scores note-level scores (e.g. fidelity)
   * @param provenance provenance
   * @return the result
   * @throws IllegalArgumentException if {@code status} is {@link Status#FAILED}
   */
  public static StructuringResult drafted(Encounter encounter, Status status, StructuredNote note,
      List<Finding> findings, Map<String, Double> scores, Provenance provenance) {
    if (status == Status.FAILED) {
      throw new IllegalArgumentException("Use failed(...) for a failed result");
    }
    return new StructuringResult(encounter.tenantId(), encounter.encounterId(), status,
        Objects.requireNonNull(note, "note"), findings, scores, null, provenance);
  }

  /**
   * A failed result.
   *
   * @param encounter the encounter
   * @param failure why
   * @param findings findings collected before the failure
   * @param provenance provenance, with every attempt's raw output
   * @return the result
   */
  public static StructuringResult failed(Encounter encounter, Failure failure, List<Finding> findings,
      Provenance provenance) {
    return new StructuringResult(encounter.tenantId(), encounter.encounterId(), Status.FAILED, null, findings,
        Map.of(), Objects.requireNonNull(failure, "failure"), provenance);
  }

  /** @return the tenant */
  public String tenantId() {
    return tenantId;
  }

  /** @return the encounter id */
  public String encounterId() {
    return encounterId;
  }

  /** @return how the call ended */
  public Status status() {
    return status;
  }

  /** @return the draft note (identifiers restored), unless the call failed */
  public Optional<StructuredNote> note() {
    return Optional.ofNullable(note);
  }

  /** @return every finding, in pipeline order */
  public List<Finding> findings() {
    return findings;
  }

  /** @return note-level scores reported by guardrails, e.g. {@code fidelity} */
  public Map<String, Double> scores() {
    return scores;
  }

  /** @return why no note was produced, if the call failed */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** @return where the draft came from */
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return "StructuringResult[tenant=" + tenantId + ", encounter=" + encounterId + ", " + status
        + (failure != null ? ", failure=" + failure.code() : "") + ", findings=" + findings.size() + ", "
        + provenance + "]";
  }
}
