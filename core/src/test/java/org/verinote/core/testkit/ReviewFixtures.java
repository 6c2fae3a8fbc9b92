package org.verinote.core.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.verinote.core.Attempt;
import org.verinote.core.Encounter;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Provenance;
import org.verinote.core.Severity;
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
 * Fixtures for review tests: a SOAP encounter, a drafted {@link StructuringResult} for it (without running a model),
 * and — for adapter tests — a genuinely approved {@link ApprovedNote} made through the real {@link ReviewWorkflow}.
 *
 * {@snippet :
 * ApprovedNote note = ReviewFixtures.approvedNote("clinic-a", "visit-7");
 * receipt = adapter.submit(note);
 * }
 */
public final class ReviewFixtures {

  /** The raw model output every fixture result carries. */
  public static final String RAW_OUTPUT = "{\"subjective\": \"Cough for three days.\", \"objective\": \"\","
      + " \"assessment\": \"Viral bronchitis.\", \"plan\": \"Fluids and rest.\"}";

  private ReviewFixtures() {}

  /**
   * A SOAP encounter with a short transcript and a patient reference.
   *
   * @param tenantId the tenant
   * @param encounterId the encounter id
   * @return the encounter
   */
  public static Encounter encounter(String tenantId, String encounterId) {
    return Encounter.builder()
        .tenantId(tenantId)
        .encounterId(encounterId)
        .patientRef("Patient/" + encounterId)
        .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] a cough for three days ."))
        .template(NoteTemplate.soap())
        .build();
  }

  /**
   * A drafted result for an encounter, as if a model had answered {@link #RAW_OUTPUT}, with one warning finding on
   * the assessment.
   *
   * @param encounter the encounter
   * @param modelRunId the model run id
   * @return the result
   */
  public static StructuringResult result(Encounter encounter, String modelRunId) {
    StructuredNote note = StructuredNote.of("soap", "1", List.of(
        new NoteSection("subjective", "Subjective", "Cough for three days.", List.of()),
        new NoteSection("objective", "Objective", "", List.of()),
        new NoteSection("assessment", "Assessment", "Viral bronchitis.", List.of()),
        new NoteSection("plan", "Plan", "Fluids and rest.", List.of())));
    Provenance p = Provenance.builder()
        .modelRunId(modelRunId)
        .model("scripted", "1")
        .prompt("SMALL_LOCAL", "1")
        .template("soap", "1")
        .deidentifier("disabled", false)
        .attempt(new Attempt(1, "scripted", "1", Attempt.Outcome.ACCEPTED, RAW_OUTPUT, "", "", Duration.ofMillis(5),
            10, 20))
        .build();
    List<Finding> findings = List.of(Finding.of("numeric-grounding", "UNSUPPORTED_CLAIM", Severity.WARNING,
        "claim has weak transcript support").at("assessment", null));
    return StructuringResult.drafted(encounter, Status.DRAFTED, note, findings, Map.of(), p);
  }

  /**
   * A note approved through a fresh in-memory {@link ReviewWorkflow}: drafted, the plan edited by {@code dr-lee},
   * approved by {@code dr-lee}.
   *
   * @param tenantId the tenant
   * @param encounterId the encounter id
   * @return the approved note
   */
  public static ApprovedNote approvedNote(String tenantId, String encounterId) {
    ReviewWorkflow review = ReviewWorkflow.builder().store(DraftStore.inMemory()).build();
    TenantContext tenant = TenantContext.of(tenantId);
    Encounter e = encounter(tenantId, encounterId);
    ReviewDraft d = review.createDraft(tenant, e, result(e, "run-" + encounterId));
    d = review.editSection(tenant, d.draftId(), d.version(), "dr-lee", "plan", "Fluids, rest, review in 1 week.");
    return review.approve(tenant, d.draftId(), d.version(), "dr-lee");
  }
}
