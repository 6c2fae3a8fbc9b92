package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.IllegalTransitionException;
import org.verinote.core.InvalidInputException;
import org.verinote.core.NotFoundException;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * The contract every {@link DraftStore} meets, exercised through {@link ReviewWorkflow}. Extend it and implement
 * {@link #newStore()}; each test gets a fresh tenant id, so a store may be shared across tests.
 */
public abstract class DraftStoreContract {

  private static final AtomicLong TENANTS = new AtomicLong();

  protected DraftStore store;
  protected ReviewWorkflow review;
  protected TenantContext tenant;
  protected TenantContext other;

  /**
   * A store for one test. May be shared between tests: every test uses its own tenants.
   *
   * @return the store
   */
  protected abstract DraftStore newStore();

  @BeforeEach
  void setUpContract() {
    store = newStore();
    review = ReviewWorkflow.builder().store(store).build();
    long n = TENANTS.incrementAndGet();
    tenant = TenantContext.of("clinic-" + n + "-" + System.nanoTime());
    other = TenantContext.of("hospital-" + n + "-" + System.nanoTime());
  }

  protected ReviewDraft draft(TenantContext t, String encounterId) {
    Encounter e = ReviewFixtures.encounter(t.tenantId(), encounterId);
    return review.createDraft(t, e, ReviewFixtures.result(e, "run-" + encounterId));
  }

  @Test
  void createDraft_fromResult_keepsAiNoteRawOutputAndFindingsAtVersion1() {
    ReviewDraft d = draft(tenant, "visit-1");
    assertThat(d.state()).isEqualTo(ReviewState.DRAFTED);
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.rawModelOutput()).isEqualTo(ReviewFixtures.RAW_OUTPUT);
    assertThat(d.aiNote()).isEqualTo(d.note());
    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.sectionKey()).isEqualTo("assessment"));
    assertThat(d.patientRef()).contains("Patient/visit-1");
    assertThat(d.documentTypeCode()).isEqualTo("11506-3");
    ReviewDraft read = review.get(tenant, d.draftId());
    assertThat(read.note()).isEqualTo(d.note());
    assertThat(read.findings()).isEqualTo(d.findings());
    assertThat(read.createdAt()).isEqualTo(d.createdAt());
  }

  @Test
  void createDraft_sameEncounterAndRunTwice_returnsExistingDraft() {
    ReviewDraft first = draft(tenant, "visit-1");
    ReviewDraft edited = review.editSection(tenant, first.draftId(), 1, "dr-lee", "plan", "Rest.");
    ReviewDraft again = draft(tenant, "visit-1");
    assertThat(again.draftId()).isEqualTo(first.draftId());
    assertThat(again.version()).isEqualTo(edited.version());
    assertThat(review.list(tenant)).hasSize(1);
    assertThat(review.auditTrail(tenant, first.draftId())).hasSize(2);
  }

  @Test
  void createDraft_concurrentDuplicates_storeOneDraftAndOneEvent() throws Exception {
    Encounter e = ReviewFixtures.encounter(tenant.tenantId(), "visit-1");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(8);
    List<java.util.concurrent.Future<ReviewDraft>> all = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(() -> {
          go.await();
          return review.createDraft(tenant, e, ReviewFixtures.result(e, "run-1"));
        }));
      }
      for (java.util.concurrent.Future<ReviewDraft> f : all) {
        assertThat(f.get().version()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(review.list(tenant)).hasSize(1);
    assertThat(store.auditEvents(tenant)).hasSize(1);
  }

  @Test
  void createDraft_sameEncounterNewRun_createsSecondDraft() {
    Encounter e = ReviewFixtures.encounter(tenant.tenantId(), "visit-1");
    ReviewDraft a = review.createDraft(tenant, e, ReviewFixtures.result(e, "run-a"));
    ReviewDraft b = review.createDraft(tenant, e, ReviewFixtures.result(e, "run-b"));
    assertThat(a.draftId()).isNotEqualTo(b.draftId());
    assertThat(review.list(tenant)).extracting(ReviewDraft::draftId).containsExactly(a.draftId(), b.draftId());
  }

  @Test
  void editSection_recordsEditorTimesAndBothTexts_andKeepsAiText() {
    ReviewDraft d = draft(tenant, "visit-1");
    ReviewDraft e1 = review.editSection(tenant, d.draftId(), 1, "dr-lee", "plan", "Amoxicillin 500 mg.");
    ReviewDraft e2 = review.editSection(tenant, d.draftId(), 2, "dr-kim", "plan", "Amoxicillin 500 mg tid.");
    ReviewDraft read = review.get(tenant, d.draftId());
    assertThat(e1.state()).isEqualTo(ReviewState.IN_REVIEW);
    assertThat(read.version()).isEqualTo(3);
    assertThat(read.aiNote().section("plan").orElseThrow().text()).isEqualTo("Fluids and rest.");
    assertThat(read.note().section("plan").orElseThrow().text()).isEqualTo("Amoxicillin 500 mg tid.");
    assertThat(read.rawModelOutput()).isEqualTo(ReviewFixtures.RAW_OUTPUT);
    assertThat(read.edits()).hasSize(2);
    SectionEdit first = read.edits().get(0);
    assertThat(first.sectionKey()).isEqualTo("plan");
    assertThat(first.editedBy()).isEqualTo("dr-lee");
    assertThat(first.previousText()).isEqualTo("Fluids and rest.");
    assertThat(first.newText()).isEqualTo("Amoxicillin 500 mg.");
    assertThat(first.version()).isEqualTo(2);
    assertThat(read.edits().get(1).previousText()).isEqualTo("Amoxicillin 500 mg.");
    assertThat(read.edits().get(1).editedBy()).isEqualTo("dr-kim");
    assertThat(read.edits()).isEqualTo(e2.edits());
    assertThat(read.editedSections()).containsExactly("plan");
    assertThat(read.isEdited("assessment")).isFalse();
    assertThat(read.findings()).isEqualTo(d.findings());
  }

  @Test
  void editSection_unknownSection_throwsInvalidInputNamingSections() {
    ReviewDraft d = draft(tenant, "visit-1");
    assertThatThrownBy(() -> review.editSection(tenant, d.draftId(), 1, "dr-lee", "diet", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Draft " + d.draftId() + " has no section with the requested key (4 characters); its sections"
            + " are subjective, objective, assessment, plan.");
    assertThat(review.get(tenant, d.draftId()).version()).isEqualTo(1);
  }

  @Test
  void editSection_withStaleVersion_throwsVersionConflictAndWritesNothing() {
    ReviewDraft d = draft(tenant, "visit-1");
    review.editSection(tenant, d.draftId(), 1, "dr-lee", "plan", "Rest.");
    assertThatThrownBy(() -> review.editSection(tenant, d.draftId(), 1, "dr-kim", "plan", "Fluids."))
        .isInstanceOf(VersionConflictException.class)
        .hasMessage("Version conflict: expected 1, got 2. The draft was changed by another request; refresh and"
            + " retry.");
    assertThat(review.get(tenant, d.draftId()).note().section("plan").orElseThrow().text()).isEqualTo("Rest.");
  }

  @Test
  void approve_returnsApprovedNoteWithCurrentTextAndStableKey() {
    ReviewDraft d = draft(tenant, "visit-1");
    d = review.editSection(tenant, d.draftId(), d.version(), "dr-lee", "plan", "Rest.");
    ApprovedNote a = review.approve(tenant, d.draftId(), d.version(), "dr-lee");
    assertThat(a.tenantId()).isEqualTo(tenant.tenantId());
    assertThat(a.draftId()).isEqualTo(d.draftId());
    assertThat(a.draftVersion()).isEqualTo(3);
    assertThat(a.note().section("plan").orElseThrow().text()).isEqualTo("Rest.");
    assertThat(a.approvedBy()).isEqualTo("dr-lee");
    assertThat(a.patientRef()).contains("Patient/visit-1");
    assertThat(a.submissionKey()).startsWith("vn-").hasSize(35);
    ApprovedNote again = review.approvedNote(tenant, d.draftId());
    assertThat(again.submissionKey()).isEqualTo(a.submissionKey());
    assertThat(again.approvedAt()).isEqualTo(a.approvedAt());
    assertThat(review.get(tenant, d.draftId()).state()).isEqualTo(ReviewState.APPROVED);
  }

  @Test
  void approve_withStaleVersion_throwsVersionConflict() {
    ReviewDraft d = draft(tenant, "visit-1");
    review.approve(tenant, d.draftId(), 1, "dr-lee");
    assertThatThrownBy(() -> review.approve(tenant, d.draftId(), 1, "dr-kim"))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.expected()).isEqualTo(1);
          assertThat(e.actual()).isEqualTo(2);
        });
    assertThat(review.get(tenant, d.draftId()).decidedBy()).contains("dr-lee");
  }

  @Test
  void editSection_afterApproval_throwsIllegalTransitionNamingBothStates() {
    ReviewDraft d = draft(tenant, "visit-1");
    review.approve(tenant, d.draftId(), 1, "dr-lee");
    assertThatThrownBy(() -> review.editSection(tenant, d.draftId(), 2, "dr-lee", "plan", "Rest."))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("Illegal transition: a draft in state APPROVED cannot move to IN_REVIEW.");
  }

  @Test
  void reject_thenApprove_throwsIllegalTransition() {
    ReviewDraft d = draft(tenant, "visit-1");
    ReviewDraft r = review.reject(tenant, d.draftId(), 1, "dr-lee", "wrong patient");
    assertThat(r.state()).isEqualTo(ReviewState.REJECTED);
    assertThat(r.rejectionReason()).contains("wrong patient");
    assertThatThrownBy(() -> review.approve(tenant, d.draftId(), 2, "dr-lee"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("Illegal transition: a draft in state REJECTED cannot move to APPROVED.");
    assertThatThrownBy(() -> review.approvedNote(tenant, d.draftId()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void everyWrite_appendsOneChainedAuditEventWithVersions() {
    ReviewDraft d = draft(tenant, "visit-1");
    d = review.startReview(tenant, d.draftId(), 1, "dr-lee");
    d = review.editSection(tenant, d.draftId(), d.version(), "dr-lee", "plan", "Rest.");
    review.approve(tenant, d.draftId(), d.version(), "dr-lee");
    List<AuditEvent> trail = review.auditTrail(tenant, d.draftId());
    assertThat(trail).extracting(e -> e.entry().action())
        .containsExactly("DRAFT_CREATED", "REVIEW_STARTED", "SECTION_EDITED", "APPROVED");
    assertThat(trail).extracting(e -> e.entry().toVersion()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(trail).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(trail.get(2).entry().subject()).isEqualTo("plan");
    assertThat(trail.get(2).entry().contentHash()).hasSize(64).doesNotContain("Rest");
    assertThat(trail.get(1).previousHash()).isEqualTo(trail.get(0).hash());
    assertThat(review.verifyAudit(tenant).intact()).isTrue();
    assertThat(review.verifyAudit(tenant).eventsChecked()).isEqualTo(4);
  }

  // ---- tenant isolation: every API with the wrong tenant is "not found" ----

  @Test
  void everyApi_withOtherTenant_throwsNotFoundAndChangesNothing() {
    ReviewDraft d = draft(tenant, "visit-1");
    String id = d.draftId();
    String msg = "No review draft '" + id + "' for this tenant.";
    assertThatThrownBy(() -> review.get(other, id)).isInstanceOf(NotFoundException.class).hasMessage(msg);
    assertThatThrownBy(() -> review.startReview(other, id, 1, "dr-x")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> review.editSection(other, id, 1, "dr-x", "plan", "x"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> review.approve(other, id, 1, "dr-x")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> review.reject(other, id, 1, "dr-x", "r")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> review.approvedNote(other, id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> review.auditTrail(other, id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> review.requeueSubmission(other, id, 1, "ops-x")).isInstanceOf(NotFoundException.class);
    assertThat(review.list(other)).isEmpty();
    assertThat(store.find(other, id)).isEmpty();
    assertThat(store.auditEvents(other)).isEmpty();
    assertThat(review.verifyAudit(other).eventsChecked()).isZero();
    assertThat(store.dueSubmissions(other, Instant.now().plusSeconds(3600), 10)).isEmpty();
    StringWriter out = new StringWriter();
    assertThat(review.exportCorrections(other, out)).isZero();
    assertThat(review.get(tenant, id).version()).isEqualTo(1);
    assertThat(review.verifyAudit(tenant).eventsChecked()).isEqualTo(1);
  }

  @Test
  void approve_ofOtherTenantsDraftAfterItsApproval_isNotFoundNotConflict() {
    ReviewDraft d = draft(tenant, "visit-1");
    review.approve(tenant, d.draftId(), 1, "dr-lee");
    assertThatThrownBy(() -> review.approve(other, d.draftId(), 2, "dr-x")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void sameEncounterAndRun_inTwoTenants_areTwoIndependentDrafts() {
    ReviewDraft a = draft(tenant, "visit-1");
    ReviewDraft b = draft(other, "visit-1");
    assertThat(a.draftId()).isNotEqualTo(b.draftId());
    review.editSection(other, b.draftId(), 1, "dr-x", "plan", "Other.");
    assertThat(review.get(tenant, a.draftId()).version()).isEqualTo(1);
    assertThat(review.verifyAudit(tenant).eventsChecked()).isEqualTo(1);
    assertThat(review.verifyAudit(other).eventsChecked()).isEqualTo(2);
  }

  // ---- outbox ----

  @Test
  void approve_enqueuesOneDueSubmission_withTheNotesKey() {
    ReviewDraft d = draft(tenant, "visit-1");
    draft(tenant, "visit-2");
    ApprovedNote a = review.approve(tenant, d.draftId(), 1, "dr-lee");
    List<PendingSubmission> due = store.dueSubmissions(tenant, Instant.now().plusSeconds(1), 10);
    assertThat(due).singleElement().satisfies(p -> {
      assertThat(p.draftId()).isEqualTo(d.draftId());
      assertThat(p.submissionKey()).isEqualTo(a.submissionKey());
    });
  }

  // ---- corrections ----

  @Test
  void exportCorrections_writesOneLinePerEditedSection_forTheTenantOnly() {
    ReviewDraft d = draft(tenant, "visit-1");
    d = review.editSection(tenant, d.draftId(), 1, "dr-lee", "plan", "Rest.");
    d = review.editSection(tenant, d.draftId(), 2, "dr-lee", "plan", "Rest and fluids.");
    review.editSection(tenant, d.draftId(), 3, "dr-kim", "assessment", "Asthma.");
    draft(tenant, "visit-2");
    ReviewDraft o = draft(other, "visit-9");
    review.editSection(other, o.draftId(), 1, "dr-x", "plan", "Other tenant text.");
    StringWriter out = new StringWriter();
    int n = review.exportCorrections(tenant, out);
    assertThat(n).isEqualTo(2);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("\"section\":\"plan\"", "\"ai_text\":\"Fluids and rest.\"",
        "\"clinician_text\":\"Rest and fluids.\"", "\"edits\":2", "\"edited_by\":\"dr-lee\"",
        "\"tenant\":\"" + tenant.tenantId() + "\"");
    assertThat(lines[1]).contains("\"section\":\"assessment\"", "\"ai_text\":\"Viral bronchitis.\"",
        "\"clinician_text\":\"Asthma.\"", "\"edited_by\":\"dr-kim\"");
    assertThat(out.toString()).doesNotContain("Other tenant text.");
  }
}
