package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * 1,000 approval races: for every draft, several reviewers approve the same version at the same instant (released
 * together by a barrier). Exactly one wins each race; every loser gets {@link VersionConflictException}; the audit
 * chain holds exactly one approval per draft and verifies.
 */
public abstract class ApprovalRaceContract {

  static final int RACES = 1000;
  static final int BATCH = 8;

  /** @return the store under test */
  protected abstract DraftStore newStore();

  /** @return reviewers per race */
  protected int contenders() {
    return 2;
  }

  @Test
  void thousandConcurrentApprovalRaces_haveExactlyOneWinnerEach() throws Exception {
    CountingStore store = new CountingStore(newStore());
    ReviewWorkflow review = ReviewWorkflow.builder().store(store).build();
    TenantContext tenant = TenantContext.of("race-" + System.nanoTime());
    int k = contenders();
    ExecutorService pool = Executors.newFixedThreadPool(BATCH * k);
    long started = System.nanoTime();
    int[] winners = new int[RACES];
    int[] losers = new int[RACES];
    try {
      List<Future<ReviewDraft>> created = new ArrayList<>();
      for (int i = 0; i < RACES; i++) {
        int n = i;
        created.add(pool.submit(() -> {
          Encounter e = ReviewFixtures.encounter(tenant.tenantId(), "visit-" + n);
          return review.createDraft(tenant, e, ReviewFixtures.result(e, "run-" + n));
        }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<ReviewDraft> f : created) {
        ids.add(f.get().draftId());
      }
      for (int from = 0; from < RACES; from += BATCH) {
        int to = Math.min(RACES, from + BATCH);
        CyclicBarrier go = new CyclicBarrier((to - from) * k);
        List<Future<Boolean>> attempts = new ArrayList<>();
        List<Integer> race = new ArrayList<>();
        for (int i = from; i < to; i++) {
          for (int r = 0; r < k; r++) {
            String id = ids.get(i);
            String clinician = "dr-" + r;
            race.add(i);
            attempts.add(pool.submit(() -> {
              go.await();
              try {
                review.approve(tenant, id, 1, clinician);
                return true;
              } catch (VersionConflictException e) {
                return false;
              }
            }));
          }
        }
        for (int j = 0; j < attempts.size(); j++) {
          if (attempts.get(j).get()) {
            winners[race.get(j)]++;
          } else {
            losers[race.get(j)]++;
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    for (int i = 0; i < RACES; i++) {
      assertThat(winners[i]).as("winners of race %d", i).isEqualTo(1);
      assertThat(losers[i]).as("losers of race %d", i).isEqualTo(k - 1);
    }
    List<AuditEvent> events = store.auditEvents(tenant);
    assertThat(events.stream().filter(e -> e.entry().action().equals("APPROVED")).count()).isEqualTo(RACES);
    AuditVerification v = store.verifyAudit(tenant);
    assertThat(v.intact()).isTrue();
    assertThat(v.eventsChecked()).isEqualTo(2 * RACES);
    assertThat(store.dueSubmissions(tenant, Instant.now().plusSeconds(60), 2 * RACES)).hasSize(RACES);
    System.out.printf("%s: %d races x %d reviewers in %d ms; %d losers refused by the store's conditional write,"
        + " %d by the pre-check%n", getClass().getSimpleName(), RACES, k, millis, store.storeConflicts.get(),
        RACES * (k - 1) - store.storeConflicts.get());
  }

  /** Counts version conflicts raised by the store itself (the race reached the database). */
  static final class CountingStore implements DraftStore {
    final DraftStore delegate;
    final AtomicInteger storeConflicts = new AtomicInteger();

    CountingStore(DraftStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public ReviewDraft create(TenantContext tenant, ReviewDraft draft, AuditEntry created) {
      return delegate.create(tenant, draft, created);
    }

    @Override
    public Optional<ReviewDraft> find(TenantContext tenant, String draftId) {
      return delegate.find(tenant, draftId);
    }

    @Override
    public List<ReviewDraft> list(TenantContext tenant) {
      return delegate.list(tenant);
    }

    @Override
    public ReviewDraft update(TenantContext tenant, long expectedVersion, ReviewDraft next, AuditEntry event,
        OutboxChange outbox) {
      try {
        return delegate.update(tenant, expectedVersion, next, event, outbox);
      } catch (VersionConflictException e) {
        storeConflicts.incrementAndGet();
        throw e;
      }
    }

    @Override
    public List<PendingSubmission> dueSubmissions(TenantContext tenant, Instant now, int limit) {
      return delegate.dueSubmissions(tenant, now, limit);
    }

    @Override
    public List<AuditEvent> auditEvents(TenantContext tenant) {
      return delegate.auditEvents(tenant);
    }

    @Override
    public AuditVerification verifyAudit(TenantContext tenant) {
      return delegate.verifyAudit(tenant);
    }
  }
}
