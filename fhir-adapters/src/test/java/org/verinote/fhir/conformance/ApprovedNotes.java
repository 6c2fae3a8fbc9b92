package org.verinote.fhir.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.Attempt;
import org.verinote.core.Encounter;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Provenance;
import org.verinote.core.SectionSpec;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.review.ApprovedNote;
import org.verinote.core.review.DraftStore;
import org.verinote.core.review.ReviewDraft;
import org.verinote.core.review.ReviewWorkflow;
import org.verinote.core.review.TenantContext;

/**
 * Makes {@link ApprovedNote}s for adapter tests the only way there is: through the real review workflow (in-memory
 * store) — drafted, reviewed, approved by a clinician. No reflection, no test-only constructor.
 *
 * {@snippet :
 * ApprovedNote note = ApprovedNotes.approve("enc-7", "Patient/pt-1", NoteTemplate.soap());
 * }
 */
public final class ApprovedNotes {

  /** The approving clinician's id in every note made here. */
  public static final String CLINICIAN = "dr-lee";
  /** The model id recorded in every note made here. */
  public static final String MODEL_ID = "scripted-model";
  /** The model version recorded in every note made here. */
  public static final String MODEL_VERSION = "2026.1";

  private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

  private ApprovedNotes() {}

  /**
   * A SOAP progress note for an encounter and patient, tenant {@code tenant-a}.
   *
   * @param encounterId the EHR encounter id
   * @param patientRef the EHR patient reference, or null
   * @return the approved note
   */
  public static ApprovedNote approve(String encounterId, String patientRef) {
    return approve(encounterId, patientRef, NoteTemplate.soap());
  }

  /**
   * A note for an encounter and patient following a template (its LOINC code becomes the document type). Every
   * call drafts a new model run, so every note has its own submission key; submit the same instance twice to test
   * idempotency.
   *
   * @param encounterId the EHR encounter id
   * @param patientRef the EHR patient reference, or null
   * @param template the template
   * @return the approved note
   */
  public static ApprovedNote approve(String encounterId, String patientRef, NoteTemplate template) {
    List<NoteSection> sections = new ArrayList<>();
    for (SectionSpec s : template.sections()) {
      sections.add(new NoteSection(s.key(), s.title(), s.title() + ": documented findings for "
          + s.key().replace('_', ' ') + ".", List.of()));
    }
    return approve(encounterId, patientRef, template, sections);
  }

  /**
   * A SOAP note whose subjective section holds {@code text} verbatim (the other sections empty): for property
   * tests of rendering and escaping.
   *
   * @param encounterId the EHR encounter id
   * @param patientRef the EHR patient reference
   * @param text any text
   * @return the approved note
   */
  public static ApprovedNote approveWithText(String encounterId, String patientRef, String text) {
    List<NoteSection> sections = new ArrayList<>();
    for (SectionSpec s : NoteTemplate.soap().sections()) {
      sections.add(new NoteSection(s.key(), s.title(), s.key().equals("subjective") ? text : "", List.of()));
    }
    return approve(encounterId, patientRef, NoteTemplate.soap(), sections);
  }

  private static ApprovedNote approve(String encounterId, String patientRef, NoteTemplate template,
      List<NoteSection> sections) {
    Objects.requireNonNull(encounterId, "encounterId");
    ReviewWorkflow review = ReviewWorkflow.builder().store(DraftStore.inMemory()).build();
    TenantContext tenant = TenantContext.of("tenant-a");
    Encounter.Builder eb = Encounter.builder()
        .tenantId("tenant-a")
        .encounterId(encounterId)
        .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] a cough for three days ."))
        .template(template);
    if (patientRef != null) {
      eb.patientRef(patientRef);
    }
    Encounter e = eb.build();
    StructuredNote note = StructuredNote.of(template.id(), template.version(), sections);
    Provenance p = Provenance.builder()
        .modelRunId("run-" + encounterId + "-" + RUNS.incrementAndGet())
        .model(MODEL_ID, MODEL_VERSION)
        .prompt("SMALL_LOCAL", "1")
        .template(template.id(), template.version())
        .deidentifier("disabled", false)
        .attempt(new Attempt(1, MODEL_ID, MODEL_VERSION, Attempt.Outcome.ACCEPTED, note.toJson(), "", "",
            Duration.ofMillis(5), 10, 20))
        .build();
    StructuringResult result = StructuringResult.drafted(e, Status.DRAFTED, note, List.of(), Map.of(), p);
    ReviewDraft d = review.createDraft(tenant, e, result);
    d = review.startReview(tenant, d.draftId(), d.version(), CLINICIAN);
    return review.approve(tenant, d.draftId(), d.version(), CLINICIAN);
  }
}
