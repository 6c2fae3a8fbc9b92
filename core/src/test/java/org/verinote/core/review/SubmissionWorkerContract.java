package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.Encounter;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.testkit.CountingRecordAdapter;
import org.verinote.core.testkit.MutableClock;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * The outbox and {@link SubmissionWorker} on a {@link DraftStore}: exactly-once effect across crashes, retries with
 * backoff, parking, and competing workers. "Crashing" means dropping a workflow/worker instance mid-way and starting
 * new ones on the same store, as a restarted process would.
 */
public abstract class SubmissionWorkerContract {

  private static final AtomicLong TENANTS = new AtomicLong();
  private static final Duration LEASE = Duration.ofMinutes(5);

  protected DraftStore store;
  private MutableClock clock;
  private TenantContext tenant;
  private CountingRecordAdapter ehr;

  /** @return the store (may be shared: every test uses its own tenant) */
  protected abstract DraftStore newStore();

  @BeforeEach
  void setUpWorker() {
    store = newStore();
    clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    tenant = TenantContext.of("worker-" + TENANTS.incrementAndGet() + "-" + System.nanoTime());
    ehr = new CountingRecordAdapter();
  }

  private ReviewWorkflow workflow() {
    return ReviewWorkflow.builder().store(store).clock(clock).build();
  }

  private SubmissionWorker worker(ReviewWorkflow w) {
    return SubmissionWorker.builder().workflow(w).adapter(ehr).lease(LEASE).backoff(Duration.ofSeconds(10))
        .maxAttempts(3).build();
  }

  private ApprovedNote approved(ReviewWorkflow w, String encounterId) {
    Encounter e = ReviewFixtures.encounter(tenant.tenantId(), encounterId);
    ReviewDraft d = w.createDraft(tenant, e, ReviewFixtures.result(e, "run-" + encounterId));
    return w.approve(tenant, d.draftId(), d.version(), "dr-lee");
  }

  @Test
  void drain_afterApproval_submitsOnceAndConfirms() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    SubmissionWorker.Result r = worker(w).drain(tenant);
    assertThat(r).isEqualTo(new SubmissionWorker.Result(1, 0, 0));
    ReviewDraft d = w.get(tenant, a.draftId());
    assertThat(d.state()).isEqualTo(ReviewState.CONFIRMED);
    assertThat(d.recordId()).contains("DocumentReference/1");
    assertThat(d.submissionAttempts()).isEqualTo(1);
    assertThat(worker(w).drain(tenant)).isEqualTo(new SubmissionWorker.Result(0, 0, 0));
    assertThat(ehr.calls()).isEqualTo(1);
    assertThat(w.auditTrail(tenant, a.draftId())).extracting(e -> e.entry().action())
        .containsExactly("DRAFT_CREATED", "APPROVED", "SUBMISSION_STARTED", "SUBMISSION_CONFIRMED");
    assertThat(w.verifyAudit(tenant).intact()).isTrue();
  }

  @Test
  void drain_ofOtherTenant_submitsNothing() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    TenantContext other = TenantContext.of("other-" + System.nanoTime());
    assertThat(worker(w).drain(other)).isEqualTo(new SubmissionWorker.Result(0, 0, 0));
    assertThat(ehr.calls()).isZero();
    assertThat(w.get(tenant, a.draftId()).state()).isEqualTo(ReviewState.APPROVED);
  }

  @Test
  void crashAfterApproval_beforeSubmission_newProcessSubmitsExactlyOnce() {
    ApprovedNote a = approved(workflow(), "visit-1");
    // the process dies here: nothing but the store survives
    ReviewWorkflow restarted = workflow();
    assertThat(worker(restarted).drain(tenant).confirmed()).isEqualTo(1);
    assertThat(worker(workflow()).drain(tenant).confirmed()).isZero();
    assertThat(ehr.calls()).isEqualTo(1);
    assertThat(ehr.records()).isEqualTo(1);
    assertThat(ehr.holds(a.submissionKey())).isTrue();
    assertThat(restarted.get(tenant, a.draftId()).state()).isEqualTo(ReviewState.CONFIRMED);
  }

  @Test
  void crashAfterLeaseBeforeAdapterCall_isRetriedOnceTheLeaseExpires() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    w.beginSubmission(tenant, w.get(tenant, a.draftId()), w.now().plus(LEASE));
    // the worker dies holding the lease
    assertThat(worker(workflow()).drain(tenant)).isEqualTo(new SubmissionWorker.Result(0, 0, 0));
    clock.advance(LEASE.plusSeconds(1));
    assertThat(worker(workflow()).drain(tenant).confirmed()).isEqualTo(1);
    assertThat(ehr.calls()).isEqualTo(1);
    ReviewDraft d = w.get(tenant, a.draftId());
    assertThat(d.state()).isEqualTo(ReviewState.CONFIRMED);
    assertThat(d.submissionAttempts()).isEqualTo(2);
    assertThat(w.auditTrail(tenant, a.draftId())).extracting(e -> e.entry().action()).containsExactly(
        "DRAFT_CREATED", "APPROVED", "SUBMISSION_STARTED", "SUBMISSION_FAILED", "SUBMISSION_STARTED",
        "SUBMISSION_CONFIRMED");
    assertThat(w.auditTrail(tenant, a.draftId()).get(3).entry().subject()).isEqualTo("INTERRUPTED");
  }

  @Test
  void crashAfterEhrWriteBeforeConfirm_resubmitsWithSameKey_ehrHoldsOneRecord() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    ReviewDraft leased = w.beginSubmission(tenant, w.get(tenant, a.draftId()), w.now().plus(LEASE));
    ehr.submit(ReviewWorkflow.toApproved(leased));
    // the worker dies after the EHR wrote, before it recorded the receipt
    clock.advance(LEASE.plusSeconds(1));
    assertThat(worker(workflow()).drain(tenant).confirmed()).isEqualTo(1);
    assertThat(ehr.calls()).isEqualTo(2);
    assertThat(ehr.records()).isEqualTo(1);
    assertThat(w.get(tenant, a.draftId()).recordId()).contains("DocumentReference/1");
  }

  @Test
  void retriableFailure_isRetriedAfterBackoff_thenConfirmed() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    ehr.failNext(new AdapterException("EHR unavailable", 503, true, null));
    assertThat(worker(w).drain(tenant)).isEqualTo(new SubmissionWorker.Result(0, 1, 0));
    ReviewDraft failed = w.get(tenant, a.draftId());
    assertThat(failed.state()).isEqualTo(ReviewState.SUBMISSION_FAILED);
    assertThat(failed.submissionError()).contains("AdapterException status=503");
    assertThat(worker(w).drain(tenant)).isEqualTo(new SubmissionWorker.Result(0, 0, 0));
    clock.advance(Duration.ofSeconds(10));
    assertThat(worker(w).drain(tenant).confirmed()).isEqualTo(1);
    ReviewDraft done = w.get(tenant, a.draftId());
    assertThat(done.state()).isEqualTo(ReviewState.CONFIRMED);
    assertThat(done.submissionError()).isEmpty();
    assertThat(ehr.records()).isEqualTo(1);
  }

  @Test
  void nonRetriableFailure_isParked() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    ehr.failNext(new AdapterException("Bad request", 400, false, null));
    assertThat(worker(w).drain(tenant).failed()).isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    assertThat(worker(w).drain(tenant)).isEqualTo(new SubmissionWorker.Result(0, 0, 0));
    assertThat(w.get(tenant, a.draftId()).state()).isEqualTo(ReviewState.SUBMISSION_FAILED);
    assertThat(ehr.calls()).isEqualTo(1);
  }

  @Test
  void parkedSubmission_requeuedByAPerson_isSubmittedWithTheSameKey() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    ehr.failNext(new AdapterException("Bad request", 400, false, null));
    worker(w).drain(tenant);
    ReviewDraft parked = w.get(tenant, a.draftId());
    ReviewDraft requeued = w.requeueSubmission(tenant, a.draftId(), parked.version(), "ops-kim");
    assertThat(requeued.state()).isEqualTo(ReviewState.APPROVED);
    assertThat(requeued.submissionAttempts()).isZero();
    assertThat(worker(w).drain(tenant).confirmed()).isEqualTo(1);
    assertThat(ehr.holds(a.submissionKey())).isTrue();
    assertThat(w.auditTrail(tenant, a.draftId())).extracting(e -> e.entry().action()).containsSubsequence(
        "SUBMISSION_FAILED", "SUBMISSION_REQUEUED", "SUBMISSION_STARTED", "SUBMISSION_CONFIRMED");
  }

  @Test
  void requeue_ofConfirmedSubmission_isAnIllegalTransition() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    worker(w).drain(tenant);
    long v = w.get(tenant, a.draftId()).version();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> w.requeueSubmission(tenant, a.draftId(), v, "ops-kim"))
        .isInstanceOf(org.verinote.core.IllegalTransitionException.class)
        .hasMessage("Illegal transition: a draft in state CONFIRMED cannot move to APPROVED.");
  }

  @Test
  void retriableFailures_beyondMaxAttempts_areParked() {
    ReviewWorkflow w = workflow();
    ApprovedNote a = approved(w, "visit-1");
    for (int i = 0; i < 3; i++) {
      ehr.failNext(new AdapterException("timeout", 504, true, null));
    }
    for (int i = 0; i < 5; i++) {
      worker(w).drain(tenant);
      clock.advance(Duration.ofMinutes(10));
    }
    assertThat(ehr.calls()).isEqualTo(3);
    assertThat(w.get(tenant, a.draftId()).submissionAttempts()).isEqualTo(3);
    assertThat(w.get(tenant, a.draftId()).state()).isEqualTo(ReviewState.SUBMISSION_FAILED);
  }

  @Test
  void competingWorkers_submitEveryNoteExactlyOnce() throws Exception {
    ReviewWorkflow w = workflow();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(approved(w, "visit-" + i).submissionKey());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SubmissionWorker.Result>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> worker(workflow()).drain(tenant)));
      }
      int confirmed = 0;
      for (Future<SubmissionWorker.Result> f : results) {
        confirmed += f.get().confirmed();
      }
      assertThat(confirmed).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ehr.calls()).isEqualTo(40);
    assertThat(ehr.records()).isEqualTo(40);
    assertThat(keys).allSatisfy(k -> assertThat(ehr.holds(k)).isTrue());
    assertThat(w.verifyAudit(tenant).intact()).isTrue();
    List<AuditEvent> all = store.auditEvents(tenant);
    assertThat(all).hasSize(40 * 4);
  }
}
