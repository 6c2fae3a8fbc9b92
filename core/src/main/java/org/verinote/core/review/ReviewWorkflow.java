package org.verinote.core.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.verinote.core.Encounter;
import org.verinote.core.IllegalTransitionException;
import org.verinote.core.InvalidInputException;
import org.verinote.core.NoteSection;
import org.verinote.core.NotFoundException;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditChain;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;
import org.verinote.core.events.LogContext;
import org.verinote.core.events.PipelineListener;
import org.verinote.core.events.PipelineListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinician review workflow: turns a {@link StructuringResult} into a draft, records versioned section edits,
 * and approves ({@link ApprovedNote}) or rejects it — with optimistic locking, a hash-chained audit event for every
 * write, and tenant isolation.
 *
 * {@snippet :
 * ReviewWorkflow review = ReviewWorkflow.builder().store(DraftStore.inMemory()).build();
 * TenantContext clinic = TenantContext.of("clinic-a");
 * ReviewDraft d = review.createDraft(clinic, encounter, result);               // version 1, DRAFTED
 * d = review.editSection(clinic, d.draftId(), d.version(), "dr-lee", "plan", "Amoxicillin 500 mg tid.");
 * ApprovedNote approved = review.approve(clinic, d.draftId(), d.version(), "dr-lee");
 * }
 *
 * <p>Every mutating call takes the version the caller last read; if the draft changed since, it throws
 * {@link VersionConflictException} and writes nothing. Every successful write increments the version by one. A
 * draft of another tenant is {@link NotFoundException not found}.
 *
 * <p>Thread-safe (the store serialises conflicting writes). Each call costs one store read and at most one store
 * transaction.
 */
public final class ReviewWorkflow {

  /** The actor recorded for the submission worker's writes. */
  public static final String WORKER_ACTOR = "system:submission-worker";

  private static final Logger LOG = LoggerFactory.getLogger(ReviewWorkflow.class);
  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}");

  private final DraftStore store;
  private final Clock clock;
  private final PipelineListener events;

  private ReviewWorkflow(Builder b) {
    this.store = b.store;
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
    List<PipelineListener> listeners = new ArrayList<>();
    if (b.logEvents) {
      listeners.add(PipelineListeners.logging());
    }
    listeners.addAll(b.listeners);
    this.events = PipelineListeners.composite(listeners);
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
   * Creates the review draft for a structuring result (version 1, {@link ReviewState#DRAFTED}), keeping the AI note,
   * the raw model output and the findings. Idempotent: a second call for the same tenant, encounter id and model run
   * id returns the existing draft unchanged.
   *
   * @param tenant the tenant
   * @param encounter the encounter that was structured (patient reference, template)
   * @param result its result
   * @return the draft
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the encounter or result belongs to another tenant or encounter
   * @throws InvalidInputException if the result has no note (it failed)
   */
  public ReviewDraft createDraft(TenantContext tenant, Encounter encounter, StructuringResult result) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(encounter, "encounter");
    Objects.requireNonNull(result, "result");
    if (!tenant.tenantId().equals(encounter.tenantId()) || !tenant.tenantId().equals(result.tenantId())) {
      throw new IllegalArgumentException("Tenant context '" + tenant.tenantId() + "' does not match the encounter's"
          + " tenant '" + encounter.tenantId() + "' and the result's '" + result.tenantId() + "'");
    }
    if (!encounter.encounterId().equals(result.encounterId())) {
      throw new IllegalArgumentException("The result is for encounter '" + result.encounterId()
          + "', not '" + encounter.encounterId() + "'");
    }
    if (result.status() == Status.FAILED || result.note().isEmpty()) {
      throw new InvalidInputException("Encounter '" + result.encounterId() + "' failed to structure ("
          + result.failure().map(f -> f.code().name()).orElse("no note")
          + "); there is no note to review. Fix the cause and structure it again.");
    }
    String run = result.provenance().modelRunId();
    String draftId = "dr-" + AuditChain.sha256Hex(tenant.tenantId() + '\u0000' + encounter.encounterId()
        + '\u0000' + run).substring(0, 24);
    Instant now = now();
    StructuredNote note = result.note().get();
    ReviewDraft draft = ReviewDraft.builder()
        .ids(tenant.tenantId(), draftId, encounter.encounterId(), run)
        .patientRef(encounter.patientRef().orElse(null))
        .origin(encounter.template().documentTypeCode(), result.provenance().modelId(),
            result.provenance().modelVersion())
        .aiDraft(note, result.provenance().rawModelOutput(), result.findings())
        .note(note)
        .state(ReviewState.DRAFTED, 1, now)
        .createdAt(now)
        .build();
    AuditEntry created = new AuditEntry(tenant.tenantId(), draftId, encounter.encounterId(), "DRAFT_CREATED",
        "system:structurer", now, "", ReviewState.DRAFTED.name(), 0, 1, run,
        AuditChain.sha256Hex(note.toJson()));
    long t0 = System.nanoTime();
    LogContext.Scope mdc = LogContext.bind(tenant.tenantId(), encounter.encounterId(), run);
    try {
      ReviewDraft stored = store.create(tenant, draft, created);
      LOG.debug("Review draft {} for encounter {} at v{}", stored.draftId(), stored.encounterId(), stored.version());
      if (stored.createdAt().equals(now)) {
        // Not for an idempotent replay that returned the existing draft.
        ReviewEvents.emit(events, "DRAFT_CREATED", stored, "system:structurer", "", t0);
      }
      return stored;
    } finally {
      mdc.close();
    }
  }

  /**
   * Reads a draft.
   *
   * @param tenant the tenant
   * @param draftId the draft id
   * @return the draft
   * @throws NotFoundException if the tenant has no such draft (including when another tenant has)
   */
  public ReviewDraft get(TenantContext tenant, String draftId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(draftId, "draftId");
    return store.find(tenant, draftId).orElseThrow(() -> StoreChecks.notFound(draftId));
  }

  /**
   * Reads the tenant's drafts, oldest first.
   *
   * @param tenant the tenant
   * @return the drafts
   */
  public List<ReviewDraft> list(TenantContext tenant) {
    return store.list(Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Marks a draft as opened for review by a clinician ({@link ReviewState#DRAFTED} to {@link ReviewState#IN_REVIEW}).
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @param expectedVersion the version the caller read
   * @param clinicianId who opened it
   * @return the new draft
   * @throws VersionConflictException if the draft changed since {@code expectedVersion}
   * @throws IllegalTransitionException if the draft is not {@link ReviewState#DRAFTED}
   * @throws NotFoundException if the tenant has no such draft
   */
  public ReviewDraft startReview(TenantContext tenant, String draftId, long expectedVersion, String clinicianId) {
    ReviewDraft current = current(tenant, draftId, expectedVersion);
    checkActor(clinicianId);
    if (current.state() != ReviewState.DRAFTED) {
      throw new IllegalTransitionException(current.state().name(), ReviewState.IN_REVIEW.name());
    }
    return write(tenant, current, ReviewState.IN_REVIEW, clinicianId, "REVIEW_STARTED", "", "",
        current.toBuilder(), OutboxChange.none());
  }

  /**
   * Replaces one section's text. The AI text stays in {@link ReviewDraft#aiNote()}; the edit (who, when, previous
   * and new text, version) is appended to {@link ReviewDraft#edits()} and the section is marked edited. Moves a
   * {@link ReviewState#DRAFTED} draft to {@link ReviewState#IN_REVIEW}.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @param expectedVersion the version the caller read
   * @param clinicianId who edits
   * @param sectionKey the section
   * @param newText its new text
   * @return the new draft
   * @throws VersionConflictException if the draft changed since {@code expectedVersion}
   * @throws IllegalTransitionException if the draft is past review (approved, rejected, submitted…)
   * @throws InvalidInputException if the note has no such section, or the text is unchanged
   * @throws NotFoundException if the tenant has no such draft
   */
  public ReviewDraft editSection(TenantContext tenant, String draftId, long expectedVersion, String clinicianId,
      String sectionKey, String newText) {
    Objects.requireNonNull(sectionKey, "sectionKey");
    Objects.requireNonNull(newText, "newText");
    ReviewDraft current = current(tenant, draftId, expectedVersion);
    checkActor(clinicianId);
    current.state().checkMoveTo(ReviewState.IN_REVIEW);
    NoteSection section = current.note().section(sectionKey).orElseThrow(() -> new InvalidInputException(
        // The unknown key is not echoed: a caller's mix-up could put clinical text there.
        "Draft " + draftId + " has no section with the requested key (" + sectionKey.length() + " characters);"
            + " its sections are " + sectionKeys(current) + "."));
    if (section.text().equals(newText)) {
      throw new InvalidInputException("Section '" + sectionKey + "' of draft " + draftId
          + " already has this text; nothing to save.");
    }
    Instant now = now();
    ReviewDraft.Builder next = current.toBuilder()
        .note(current.note().withSection(section.withText(newText, List.of())))
        .addEdit(new SectionEdit(sectionKey, clinicianId, now, section.text(), newText, current.version() + 1));
    return write(tenant, current, ReviewState.IN_REVIEW, clinicianId, "SECTION_EDITED", sectionKey,
        AuditChain.sha256Hex(newText), next, OutboxChange.none(), now);
  }

  /**
   * Approves the current note. Records the approval and the intent to submit it to the EHR atomically (the outbox);
   * a {@link SubmissionWorker} writes it. Of concurrent approvals of the same version exactly one succeeds.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @param expectedVersion the version the clinician reviewed
   * @param clinicianId who approves
   * @return the approved note, with a stable {@link ApprovedNote#submissionKey()}
   * @throws VersionConflictException if the draft changed since {@code expectedVersion} (including another
   *     approval)
   * @throws IllegalTransitionException if the draft is not drafted or in review
   * @throws NotFoundException if the tenant has no such draft
   */
  public ApprovedNote approve(TenantContext tenant, String draftId, long expectedVersion, String clinicianId) {
    ReviewDraft current = current(tenant, draftId, expectedVersion);
    checkActor(clinicianId);
    current.state().checkMoveTo(ReviewState.APPROVED);
    Instant now = now();
    long approved = current.version() + 1;
    String key = "vn-" + AuditChain.sha256Hex(tenant.tenantId() + '\u0000' + draftId + '\u0000' + approved)
        .substring(0, 32);
    ReviewDraft.Builder next = current.toBuilder()
        .decision(clinicianId, now, approved, null)
        .submission(key, 0, null, null);
    ReviewDraft stored = write(tenant, current, ReviewState.APPROVED, clinicianId, "APPROVED", key,
        AuditChain.sha256Hex(current.note().toJson()), next, OutboxChange.enqueue(now), now);
    return toApproved(stored);
  }

  /**
   * Rejects the draft: it will never reach the EHR.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @param expectedVersion the version the caller read
   * @param clinicianId who rejects
   * @param reason why, for the record (kept on the draft; only its hash goes to the audit log)
   * @return the new draft
   * @throws VersionConflictException if the draft changed since {@code expectedVersion}
   * @throws IllegalTransitionException if the draft is not drafted or in review
   * @throws NotFoundException if the tenant has no such draft
   */
  public ReviewDraft reject(TenantContext tenant, String draftId, long expectedVersion, String clinicianId,
      String reason) {
    Objects.requireNonNull(reason, "reason");
    ReviewDraft current = current(tenant, draftId, expectedVersion);
    checkActor(clinicianId);
    current.state().checkMoveTo(ReviewState.REJECTED);
    Instant now = now();
    ReviewDraft.Builder next = current.toBuilder().decision(clinicianId, now, 0, reason);
    return write(tenant, current, ReviewState.REJECTED, clinicianId, "REJECTED", "",
        AuditChain.sha256Hex(reason), next, OutboxChange.none(), now);
  }

  /**
   * Puts a failed submission back in the outbox, due now, with a fresh attempt budget
   * ({@link ReviewState#SUBMISSION_FAILED} to {@link ReviewState#APPROVED}) — for a submission the worker parked
   * after a non-retriable error or too many attempts, once the cause is fixed.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @param expectedVersion the version the caller read
   * @param operatorId who requeues it
   * @return the new draft
   * @throws VersionConflictException if the draft changed since {@code expectedVersion}
   * @throws IllegalTransitionException if the draft is not {@link ReviewState#SUBMISSION_FAILED}
   * @throws NotFoundException if the tenant has no such draft
   */
  public ReviewDraft requeueSubmission(TenantContext tenant, String draftId, long expectedVersion,
      String operatorId) {
    ReviewDraft current = current(tenant, draftId, expectedVersion);
    checkActor(operatorId);
    if (current.state() != ReviewState.SUBMISSION_FAILED) {
      throw new IllegalTransitionException(current.state().name(), ReviewState.APPROVED.name());
    }
    Instant now = now();
    ReviewDraft.Builder next = current.toBuilder().submission(current.submissionKey().orElseThrow(), 0,
        current.submissionError().orElse(null), null);
    return write(tenant, current, ReviewState.APPROVED, operatorId, "SUBMISSION_REQUEUED",
        current.submissionKey().orElseThrow(), "", next, OutboxChange.reschedule(now), now);
  }

  /**
   * The approved note of a draft that has been approved (in any later state too), e.g. to show what was sent.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @return the approved note, identical to what {@link #approve} returned
   * @throws IllegalTransitionException if the draft was never approved (names its state and APPROVED)
   * @throws NotFoundException if the tenant has no such draft
   */
  public ApprovedNote approvedNote(TenantContext tenant, String draftId) {
    ReviewDraft d = get(tenant, draftId);
    if (d.approvedVersion() == 0) {
      throw new IllegalTransitionException(d.state().name(), ReviewState.APPROVED.name());
    }
    return toApproved(d);
  }

  /**
   * The audit events of one draft, oldest first.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @return its events
   * @throws NotFoundException if the tenant has no such draft
   */
  public List<AuditEvent> auditTrail(TenantContext tenant, String draftId) {
    get(tenant, draftId);
    return store.auditEvents(tenant, draftId);
  }

  /**
   * Verifies the tenant's whole audit chain. Cost: one read of the chain and one SHA-256 per event.
   *
   * @param tenant the tenant
   * @return the verification, naming any altered, removed or reordered event
   */
  public AuditVerification verifyAudit(TenantContext tenant) {
    return store.verifyAudit(Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Writes every (AI text, clinician text) pair of the tenant's drafts as JSON Lines: one object per edited section
   * with {@code tenant, draft_id, encounter_id, model_run_id, model_id, model_version, section, ai_text,
   * clinician_text, edits, edited_by, state}. The export holds clinical text: treat it like the notes themselves.
   *
   * @param tenant the tenant whose drafts to export (the only filter there is: no cross-tenant export)
   * @param out where to write (UTF-8 text); not closed
   * @return the number of lines written
   * @throws UncheckedIOException if writing fails
   */
  public int exportCorrections(TenantContext tenant, Writer out) {
    Objects.requireNonNull(out, "out");
    int lines = 0;
    try {
      for (ReviewDraft d : list(Objects.requireNonNull(tenant, "tenant"))) {
        for (String key : d.editedSections()) {
          out.write(CorrectionLine.of(d, key));
          out.write('\n');
          lines++;
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the corrections export after " + lines + " lines", e);
    }
    return lines;
  }

  // ---- submission steps, used by SubmissionWorker ----

  List<PendingSubmission> dueSubmissions(TenantContext tenant, int limit) {
    return store.dueSubmissions(tenant, now(), limit);
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  ReviewDraft beginSubmission(TenantContext tenant, ReviewDraft current, Instant leaseUntil) {
    ReviewDraft.Builder next = current.toBuilder().submission(current.submissionKey().orElseThrow(),
        current.submissionAttempts() + 1, current.submissionError().orElse(null), null);
    return write(tenant, current, ReviewState.SUBMITTED, WORKER_ACTOR, "SUBMISSION_STARTED",
        current.submissionKey().orElseThrow(), "", next, OutboxChange.reschedule(leaseUntil), now());
  }

  ReviewDraft confirmSubmission(TenantContext tenant, ReviewDraft current, String recordId) {
    ReviewDraft.Builder next = current.toBuilder().submission(current.submissionKey().orElseThrow(),
        current.submissionAttempts(), null, recordId);
    return write(tenant, current, ReviewState.CONFIRMED, WORKER_ACTOR, "SUBMISSION_CONFIRMED", recordId, "", next,
        OutboxChange.complete(), now());
  }

  ReviewDraft failSubmission(TenantContext tenant, ReviewDraft current, String errorCode, Instant retryAt) {
    ReviewDraft.Builder next = current.toBuilder().submission(current.submissionKey().orElseThrow(),
        current.submissionAttempts(), errorCode, null);
    return write(tenant, current, ReviewState.SUBMISSION_FAILED, WORKER_ACTOR, "SUBMISSION_FAILED", errorCode, "",
        next, retryAt == null ? OutboxChange.park() : OutboxChange.reschedule(retryAt), now());
  }

  static ApprovedNote toApproved(ReviewDraft d) {
    return new ApprovedNote(d.tenantId(), d.encounterId(), d.draftId(), d.approvedVersion(),
        d.patientRef().orElse(null), d.note(), d.decidedBy().orElseThrow(), d.decidedAt().orElseThrow(),
        d.submissionKey().orElseThrow(), d.modelId(), d.modelVersion(), d.documentTypeCode());
  }

  // ---- internals ----

  private ReviewDraft current(TenantContext tenant, String draftId, long expectedVersion) {
    ReviewDraft current = get(tenant, draftId);
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(expectedVersion, current.version());
    }
    return current;
  }

  private ReviewDraft write(TenantContext tenant, ReviewDraft current, ReviewState to, String actor, String action,
      String subject, String contentHash, ReviewDraft.Builder next, OutboxChange outbox) {
    return write(tenant, current, to, actor, action, subject, contentHash, next, outbox, now());
  }

  private ReviewDraft write(TenantContext tenant, ReviewDraft current, ReviewState to, String actor, String action,
      String subject, String contentHash, ReviewDraft.Builder next, OutboxChange outbox, Instant now) {
    current.state().checkMoveTo(to);
    long t0 = System.nanoTime();
    LogContext.Scope mdc = LogContext.bind(tenant.tenantId(), current.encounterId(), current.modelRunId());
    try {
      long version = current.version() + 1;
      ReviewDraft draft = next.state(to, version, now).build();
      AuditEntry event = new AuditEntry(tenant.tenantId(), current.draftId(), current.encounterId(), action, actor,
          now, current.state().name(), to.name(), current.version(), version, subject, contentHash);
      ReviewDraft stored = store.update(tenant, current.version(), draft, event, outbox);
      LOG.debug("Draft {} {} -> {} at v{} by {}", current.draftId(), current.state(), to, version, actor);
      ReviewEvents.emit(events, action, stored, actor, subject, t0);
      return stored;
    } finally {
      mdc.close();
    }
  }

  private static void checkActor(String actor) {
    Objects.requireNonNull(actor, "clinicianId");
    if (!ACTOR.matcher(actor).matches() || actor.startsWith("system:")) {
      throw new IllegalArgumentException("Clinician id must be 1-128 characters of letters, digits and . _ : @ / -"
          + " and not start with 'system:'; got " + actor.length() + " characters");
    }
  }

  private static String sectionKeys(ReviewDraft d) {
    StringBuilder sb = new StringBuilder();
    for (NoteSection s : d.note().sections()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(s.key());
    }
    return sb.toString();
  }

  /** Builds a {@link ReviewWorkflow}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private DraftStore store;
    private Clock clock;
    private final List<PipelineListener> listeners = new ArrayList<>();
    private boolean logEvents = true;

    private Builder() {}

    /**
     * Adds a listener that receives a {@link org.verinote.core.events.PipelineEvent} for every transition
     * (DRAFT_CREATED, REVIEW_STARTED, EDITED, APPROVED, REJECTED, SUBMITTED, CONFIRMED, SUBMISSION_FAILED) after it
     * is stored, synchronously; one that throws is logged once and skipped. Ids, versions and codes only.
     *
     * @param listener the listener
     * @return this
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(PipelineListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Whether transitions are logged by {@link PipelineListeners#logging()} (default {@code true}).
     *
     * @param enabled {@code false} to log nothing per transition
     * @return this
     */
    public Builder logEvents(boolean enabled) {
      this.logEvents = enabled;
      return this;
    }

    /**
     * Sets the store (required).
     *
     * @param store the store
     * @return this
     * @throws NullPointerException if {@code store} is null
     * @throws IllegalStateException if already set
     */
    public Builder store(DraftStore store) {
      Objects.requireNonNull(store, "store");
      if (this.store != null) {
        throw new IllegalStateException("store was already set");
      }
      this.store = store;
      return this;
    }

    /**
     * Sets the clock for timestamps (default: the UTC system clock).
     *
     * @param clock the clock
     * @return this
     * @throws NullPointerException if {@code clock} is null
     * @throws IllegalStateException if already set
     */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Builds the workflow.
     *
     * @return the workflow
     * @throws IllegalStateException if no store was set
     */
    public ReviewWorkflow build() {
      if (store == null) {
        throw new IllegalStateException("A review workflow needs a store: call store(DraftStore.inMemory()) or"
            + " store(DraftStore.postgres(dataSource))");
      }
      return new ReviewWorkflow(this);
    }
  }
}
