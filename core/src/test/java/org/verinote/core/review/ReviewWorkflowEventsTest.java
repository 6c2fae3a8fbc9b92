package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.verinote.core.AdapterException;
import org.verinote.core.Encounter;
import org.verinote.core.PatientContext;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.Ref;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.testkit.ReviewFixtures;

class ReviewWorkflowEventsTest {

  private final List<PipelineEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> mdcDuringSubmit = new CopyOnWriteArrayList<>();
  private final ReviewWorkflow review = ReviewWorkflow.builder().store(DraftStore.inMemory())
      .listener(events::add).build();
  private final TenantContext tenant = TenantContext.of("clinic-a");

  private ClinicalRecordAdapter adapter(boolean fail) {
    return new ClinicalRecordAdapter() {
      @Override
      public String name() {
        return "test-ehr";
      }

      @Override
      public Optional<PatientContext> readPatient(String patientRef) {
        return Optional.empty();
      }

      @Override
      public Optional<EncounterContext> readEncounter(String encounterRef) {
        return Optional.empty();
      }

      @Override
      public SubmissionReceipt submit(ApprovedNote note) {
        mdcDuringSubmit.add(String.valueOf(MDC.get("encounter_id")));
        if (fail) {
          throw new AdapterException("EHR answered 503; retry later.", 503, true, null);
        }
        return new SubmissionReceipt("test-ehr", note.submissionKey(), "DocumentReference/77", false, Instant.now());
      }
    };
  }

  private ReviewDraft approved() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-9");
    ReviewDraft d = review.createDraft(tenant, e, ReviewFixtures.result(e, "run-9"));
    d = review.editSection(tenant, d.draftId(), d.version(), "dr-lee", "plan", "Fluids, rest, review in a week.");
    review.approve(tenant, d.draftId(), d.version(), "dr-lee");
    return review.get(tenant, d.draftId());
  }

  @Test
  void createEditApproveSubmit_emitsOneEventPerTransitionWithIdsAndVersions() {
    ReviewDraft d = approved();
    SubmissionWorker.builder().workflow(review).adapter(adapter(false)).build().drain(tenant);
    assertThat(events).extracting(PipelineEvent::type).containsExactly(EventType.DRAFT_CREATED, EventType.EDITED,
        EventType.APPROVED, EventType.SUBMITTED, EventType.CONFIRMED);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.tenantId()).isEqualTo("clinic-a");
      assertThat(e.encounterId()).isEqualTo("visit-9");
      assertThat(e.modelRunId()).contains("run-9");
      assertThat(e.ref(Ref.DRAFT_ID)).contains(d.draftId());
    });
    assertThat(events).extracting(e -> e.count(Count.DRAFT_VERSION)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(events.get(1).code()).isEqualTo("plan");
    assertThat(events.get(1).ref(Ref.ACTOR)).contains("dr-lee");
    assertThat(events.get(2).ref(Ref.SUBMISSION_KEY)).isEqualTo(d.submissionKey());
    assertThat(events.get(4).ref(Ref.RECORD_ID)).contains("DocumentReference/77");
    assertThat(mdcDuringSubmit).containsExactly("visit-9");
    assertThat(MDC.get("encounter_id")).isNull();
  }

  @Test
  void submitFails_emitsSubmissionFailedWithCodeAndAttempts() {
    approved();
    SubmissionWorker.builder().workflow(review).adapter(adapter(true)).build().drain(tenant);
    PipelineEvent failed = events.get(events.size() - 1);
    assertThat(failed.type()).isEqualTo(EventType.SUBMISSION_FAILED);
    assertThat(failed.code()).isEqualTo("AdapterException_status_503");
    assertThat(failed.count(Count.ATTEMPTS)).isEqualTo(1);
  }

  @Test
  void createDraft_idempotentReplay_emitsNoSecondDraftCreated() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-11");
    review.createDraft(tenant, e, ReviewFixtures.result(e, "run-11"));
    review.createDraft(tenant, e, ReviewFixtures.result(e, "run-11"));
    assertThat(events).extracting(PipelineEvent::type).containsExactly(EventType.DRAFT_CREATED);
  }

  @Test
  void reject_emitsRejectedAndMdcIsClearedAfterwards() {
    Encounter e = ReviewFixtures.encounter("clinic-a", "visit-10");
    ReviewDraft d = review.createDraft(tenant, e, ReviewFixtures.result(e, "run-10"));
    review.reject(tenant, d.draftId(), d.version(), "dr-lee", "Wrong patient.");
    assertThat(events).extracting(PipelineEvent::type).containsExactly(EventType.DRAFT_CREATED,
        EventType.REJECTED);
    assertThat(MDC.get("encounter_id")).isNull();
  }
}
