package org.verinote.core.events;

/**
 * Every state transition Verinote reports to a {@link PipelineListener}, with the stage it belongs to.
 *
 * <p>Structuring ({@code NoteStructurer.structure}) emits {@link #STRUCTURE_STARTED}, then one event per stage, and
 * always ends with exactly one terminal event: {@link #DRAFTED}, {@link #DEGRADED} or {@link #FAILED}. The review
 * workflow and the clinical record adapters emit the {@link Category#REVIEW} and {@link Category#SUBMISSION}
 * events.
 */
public enum EventType {
  /** {@code structure()} began; carries the transcript's turn and character counts. */
  STRUCTURE_STARTED(Category.STRUCTURE, "structure"),
  /** The transcript was de-identified; carries replacement counts. */
  DEIDENTIFIED(Category.STRUCTURE, "deidentify"),
  /** The prompt was built and the input guardrails ran; carries message and character counts. */
  PROMPT_BUILT(Category.STRUCTURE, "prompt"),
  /** The fail-closed egress check ran before a remote call; code {@code PASSED} or {@code REFUSED}. */
  EGRESS_CHECKED(Category.STRUCTURE, "egress-check"),
  /** A model call returned; carries the model ids, the finish reason as code, token and character counts. */
  MODEL_CALLED(Category.STRUCTURE, "model"),
  /** A model call threw; the code is the exception's simple class name. */
  MODEL_FAILED(Category.STRUCTURE, "model"),
  /** The model output was parsed; code {@code OK} or {@code UNPARSEABLE}. */
  PARSED(Category.STRUCTURE, "parse"),
  /** The output guardrails ran; the code is the chain outcome ({@code PASSED}, {@code FLAGGED}…). */
  GUARDED(Category.STRUCTURE, "guardrails"),
  /** Another attempt follows; the code says why ({@code UNPARSEABLE}, {@code GUARDRAIL}, {@code RETRIABLE_ERROR}). */
  REPROMPTED(Category.STRUCTURE, "structure"),
  /** Identifiers were restored into the accepted note and evidence linked. */
  RESTORED(Category.STRUCTURE, "restore"),
  /** Terminal: a draft note was produced. */
  DRAFTED(Category.STRUCTURE, "structure"),
  /** Terminal: a draft note was produced by a fallback model in degraded mode. */
  DEGRADED(Category.STRUCTURE, "structure"),
  /** Terminal: no note; the code is the {@code Failure.Code}. */
  FAILED(Category.STRUCTURE, "structure"),

  /** A review draft was created from a structuring result. */
  DRAFT_CREATED(Category.REVIEW, "review"),
  /** A clinician opened a draft for review. */
  REVIEW_STARTED(Category.REVIEW, "review"),
  /** A clinician edited a draft; carries the new version. */
  EDITED(Category.REVIEW, "review"),
  /** A clinician approved a draft. */
  APPROVED(Category.REVIEW, "review"),
  /** A clinician rejected a draft. */
  REJECTED(Category.REVIEW, "review"),
  /** The write of an approved note to the EHR began (the submission worker took its lease). */
  SUBMITTED(Category.SUBMISSION, "submit"),
  /** The EHR acknowledged the note (code {@code DUPLICATE} for an idempotent replay). */
  CONFIRMED(Category.SUBMISSION, "submit"),
  /** The EHR write failed; the code names the error (e.g. {@code AdapterException_status_503}, {@code INTERRUPTED}). */
  SUBMISSION_FAILED(Category.SUBMISSION, "submit"),
  /** An adapter wrote a note to the EHR (code {@code created} or {@code duplicate}; refs adapter and record id). */
  EHR_WRITTEN(Category.SUBMISSION, "ehr-write"),
  /** An adapter's write failed (code: the EHR status or exception kind, and whether it is retriable). */
  EHR_WRITE_FAILED(Category.SUBMISSION, "ehr-write");

  /** Which operation an event belongs to. */
  public enum Category {
    /** {@code NoteStructurer.structure}. */
    STRUCTURE,
    /** The review workflow. */
    REVIEW,
    /** EHR write-back. */
    SUBMISSION
  }

  private final Category category;
  private final String stage;

  EventType(Category category, String stage) {
    this.category = category;
    this.stage = stage;
  }

  /** @return the operation this event belongs to */
  public Category category() {
    return category;
  }

  /**
   * The pipeline stage, matching the keys of {@code Provenance.stageTimings()} where one exists: {@code deidentify},
   * {@code prompt}, {@code egress-check}, {@code model}, {@code parse}, {@code guardrails}, {@code restore}, and
   * {@code structure}, {@code review}, {@code submit} for the operation-level events.
   *
   * @return the stage name
   */
  public String stage() {
    return stage;
  }

  /** @return whether this event ends a {@code structure()} call ({@link #DRAFTED}, {@link #DEGRADED}, {@link #FAILED}) */
  public boolean isTerminal() {
    return this == DRAFTED || this == DEGRADED || this == FAILED;
  }

  /**
   * @return whether this event reports a failure ({@link #MODEL_FAILED}, {@link #FAILED}, {@link #SUBMISSION_FAILED},
   *     {@link #EHR_WRITE_FAILED})
   */
  public boolean isFailure() {
    return this == MODEL_FAILED || this == FAILED || this == SUBMISSION_FAILED || this == EHR_WRITE_FAILED;
  }
}
