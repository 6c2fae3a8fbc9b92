package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.Failure;
import org.verinote.core.InvalidInputException;
import org.verinote.core.StructuringResult;
import org.verinote.core.testkit.CountingRecordAdapter;
import org.verinote.core.testkit.ReviewFixtures;

/** Bad input to the workflow, its builders and the worker's builder: typed errors with clear messages. */
class ReviewWorkflowMisuseTest {

  private final ReviewWorkflow review = ReviewWorkflow.builder().store(DraftStore.inMemory()).build();
  private final TenantContext clinic = TenantContext.of("clinic-a");

  @Test
  void createDraft_fromFailedResult_throwsInvalidInputNamingTheCode() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-1");
    StructuringResult failed = StructuringResult.failed(e, new Failure(Failure.Code.MODEL_UNAVAILABLE, "x"), List.of(),
        ReviewFixtures.result(e, "run-1").provenance());
    assertThatThrownBy(() -> review.createDraft(clinic, e, failed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Encounter 'visit-1' failed to structure (" + Failure.Code.MODEL_UNAVAILABLE.name()
            + "); there is no note to review. Fix the cause and structure it again.");
  }

  @Test
  void createDraft_forAnotherTenantsEncounter_isRefused() {
    Encounter e = ReviewFixtures.encounter("hospital-b", "visit-1");
    assertThatThrownBy(() -> review.createDraft(clinic, e, ReviewFixtures.result(e, "run-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not match");
    assertThat(review.list(clinic)).isEmpty();
  }

  @Test
  void createDraft_resultOfAnotherEncounter_isRefused() {
    Encounter e1 = ReviewFixtures.encounter("clinic-a", "visit-1");
    Encounter e2 = ReviewFixtures.encounter("clinic-a", "visit-2");
    assertThatThrownBy(() -> review.createDraft(clinic, e1, ReviewFixtures.result(e2, "run-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The result is for encounter 'visit-2', not 'visit-1'");
  }

  @Test
  void editSection_withUnchangedText_throwsInvalidInput() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-1");
    ReviewDraft d = review.createDraft(clinic, e, ReviewFixtures.result(e, "run-1"));
    assertThatThrownBy(() -> review.editSection(clinic, d.draftId(), 1, "dr-lee", "plan", "Fluids and rest."))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Section 'plan' of draft " + d.draftId() + " already has this text; nothing to save.");
  }

  @Test
  void approve_byBlankOrSystemActor_isRefused() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-1");
    ReviewDraft d = review.createDraft(clinic, e, ReviewFixtures.result(e, "run-1"));
    assertThatThrownBy(() -> review.approve(clinic, d.draftId(), 1, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Clinician id must be");
    assertThatThrownBy(() -> review.approve(clinic, d.draftId(), 1, "system:submission-worker"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not start with 'system:'");
    assertThat(review.get(clinic, d.draftId()).state()).isEqualTo(ReviewState.DRAFTED);
  }

  @Test
  void tenantContext_withInvalidId_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> TenantContext.of("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("got 0 characters");
    assertThatThrownBy(() -> TenantContext.of("a b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("a b");
  }

  @Test
  void builders_refuseDoubleSetAndMissingParts() {
    assertThatThrownBy(() -> ReviewWorkflow.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("A review workflow needs a store");
    assertThatThrownBy(() -> ReviewWorkflow.builder().store(DraftStore.inMemory()).store(DraftStore.inMemory()))
        .isInstanceOf(IllegalStateException.class).hasMessage("store was already set");
    assertThatThrownBy(() -> SubmissionWorker.builder().workflow(review).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SubmissionWorker.builder().lease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lease must be positive, got PT0S");
    assertThatThrownBy(() -> SubmissionWorker.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    SubmissionWorker.Builder b = SubmissionWorker.builder().workflow(review).adapter(new CountingRecordAdapter());
    assertThat(b.build()).isNotSameAs(b.build());
  }

  @Test
  void toString_ofDraftAndEdit_printsIdsAndSizesOnly() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-1");
    ReviewDraft d = review.createDraft(clinic, e, ReviewFixtures.result(e, "run-1"));
    d = review.editSection(clinic, d.draftId(), 1, "dr-lee", "plan", "Secret clinical text.");
    assertThat(d.toString()).contains(d.draftId(), "IN_REVIEW@v2").doesNotContain("Secret", "Fluids");
    assertThat(d.edits().get(0).toString()).doesNotContain("Secret", "Fluids").contains("plan", "dr-lee");
  }
}
