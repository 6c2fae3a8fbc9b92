package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.verinote.core.Encounter;
import org.verinote.core.NotFoundException;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * Whatever tenant A has done to its draft, every API called by tenant B with A's draft id answers "not found" —
 * and leaves A's draft and audit chain exactly as they were.
 */
class CrossTenantProperties {

  enum Api { GET, START, EDIT, APPROVE, REJECT, REQUEUE, APPROVED_NOTE, AUDIT_TRAIL }

  @Provide
  Arbitrary<List<Api>> apis() {
    return Arbitraries.of(Api.class).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 200)
  void otherTenant_isAlwaysNotFound_inMemory(@ForAll("apis") List<Api> apis,
      @ForAll @IntRange(min = 0, max = 3) int progress) {
    check(DraftStore.inMemory(), apis, progress);
  }

  @Property(tries = 25)
  void otherTenant_isAlwaysNotFound_postgres(@ForAll("apis") List<Api> apis,
      @ForAll @IntRange(min = 0, max = 3) int progress) {
    check(PostgresStores.app(), apis, progress);
  }

  private static void check(DraftStore store, List<Api> apis, int progress) {
    ReviewWorkflow review = ReviewWorkflow.builder().store(store).build();
    TenantContext a = TenantContext.of("xa-" + System.nanoTime());
    TenantContext b = TenantContext.of("xb-" + System.nanoTime());
    Encounter e = ReviewFixtures.encounter(a.tenantId(), "visit-1");
    ReviewDraft d = review.createDraft(a, e, ReviewFixtures.result(e, "run-1"));
    if (progress >= 1) {
      d = review.editSection(a, d.draftId(), d.version(), "dr-a", "plan", "Rest.");
    }
    if (progress == 2) {
      review.approve(a, d.draftId(), d.version(), "dr-a");
      d = review.get(a, d.draftId());
    }
    if (progress == 3) {
      d = review.reject(a, d.draftId(), d.version(), "dr-a", "x");
    }
    String id = d.draftId();
    long v = d.version();
    for (Api api : apis) {
      assertThatThrownBy(() -> call(review, b, api, id, v)).as(api.name()).isInstanceOf(NotFoundException.class);
    }
    assertThat(review.get(a, id).version()).isEqualTo(v);
    assertThat(review.verifyAudit(a).eventsChecked()).isEqualTo((int) v);
    assertThat(review.list(b)).isEmpty();
    assertThat(store.auditEvents(b)).isEmpty();
  }

  private static Object call(ReviewWorkflow review, TenantContext t, Api api, String id, long v) {
    switch (api) {
      case GET:
        return review.get(t, id);
      case START:
        return review.startReview(t, id, v, "dr-b");
      case EDIT:
        return review.editSection(t, id, v, "dr-b", "plan", "Intrusion.");
      case APPROVE:
        return review.approve(t, id, v, "dr-b");
      case REJECT:
        return review.reject(t, id, v, "dr-b", "x");
      case REQUEUE:
        return review.requeueSubmission(t, id, v, "ops-b");
      case APPROVED_NOTE:
        return review.approvedNote(t, id);
      default:
        return review.auditTrail(t, id);
    }
  }
}
