package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verinote.core.Encounter;
import org.verinote.core.IllegalTransitionException;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * Random interleavings of edit / approve / reject / refresh by three reviewers, each acting on the version they last
 * saw (so most writes race against someone else's). After the random part every reviewer refreshes and approves the
 * same version at once. Invariants: exactly one decision wins; no successful edit is lost; every successful write
 * produced exactly the next version; the audit chain holds one event per write and verifies.
 */
class ReviewInterleavingProperties {

  private static final String[] SECTIONS = {"subjective", "assessment", "plan"};
  private static final int REVIEWERS = 3;

  enum Kind { EDIT, APPROVE, REJECT, REFRESH }

  record Op(int reviewer, Kind kind, int section) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.EDIT)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.APPROVE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.REJECT)),
        net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.REFRESH)));
    Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, REVIEWERS - 1), kinds,
        Arbitraries.integers().between(0, SECTIONS.length - 1)).as(Op::new);
    return op.list().ofMinSize(0).ofMaxSize(40);
  }

  @Property(tries = 300)
  void interleavings_inMemory(@ForAll("ops") List<Op> ops) {
    run(DraftStore.inMemory(), ops);
  }

  @Property(tries = 40)
  void interleavings_postgres(@ForAll("ops") List<Op> ops) {
    run(PostgresStores.app(), ops);
  }

  private static void run(DraftStore store, List<Op> ops) {
    ReviewWorkflow review = ReviewWorkflow.builder().store(store).build();
    TenantContext tenant = TenantContext.of("prop-" + System.nanoTime());
    Encounter e = ReviewFixtures.encounter(tenant.tenantId(), "visit-1");
    ReviewDraft d = review.createDraft(tenant, e, ReviewFixtures.result(e, "run-1"));
    String id = d.draftId();
    long[] seen = new long[REVIEWERS];
    java.util.Arrays.fill(seen, 1);
    List<SectionEdit> succeededEdits = new ArrayList<>();
    long lastVersion = 1;
    int decisions = 0;
    int texts = 0;
    for (Op op : ops) {
      String clinician = "dr-" + op.reviewer();
      try {
        ReviewDraft after;
        switch (op.kind()) {
          case REFRESH:
            seen[op.reviewer()] = review.get(tenant, id).version();
            continue;
          case EDIT:
            after = review.editSection(tenant, id, seen[op.reviewer()], clinician, SECTIONS[op.section()],
                "text " + (++texts));
            succeededEdits.add(after.edits().get(after.edits().size() - 1));
            break;
          case APPROVE:
            ApprovedNote a = review.approve(tenant, id, seen[op.reviewer()], clinician);
            after = review.get(tenant, id);
            assertThat(a.draftVersion()).isEqualTo(after.version());
            decisions++;
            break;
          default:
            after = review.reject(tenant, id, seen[op.reviewer()], clinician, "not usable");
            decisions++;
            break;
        }
        assertThat(after.version()).isEqualTo(lastVersion + 1);
        lastVersion = after.version();
        seen[op.reviewer()] = lastVersion;
      } catch (VersionConflictException conflict) {
        assertThat(conflict.expected()).isEqualTo(seen[op.reviewer()]);
        assertThat(conflict.actual()).isEqualTo(lastVersion);
        seen[op.reviewer()] = conflict.actual();
      } catch (IllegalTransitionException decided) {
        assertThat(decisions).isEqualTo(1);
      }
    }
    if (decisions == 0) {
      long v = review.get(tenant, id).version();
      for (int r = 0; r < REVIEWERS; r++) {
        try {
          review.approve(tenant, id, v, "dr-" + r);
          decisions++;
          lastVersion++;
        } catch (VersionConflictException lost) {
          assertThat(lost.actual()).isEqualTo(v + 1);
        }
      }
    }
    assertThat(decisions).isEqualTo(1);

    ReviewDraft end = review.get(tenant, id);
    assertThat(end.state()).isIn(ReviewState.APPROVED, ReviewState.REJECTED);
    assertThat(end.version()).isEqualTo(lastVersion).isEqualTo(1 + succeededEdits.size() + 1);
    assertThat(end.edits()).isEqualTo(succeededEdits);
    for (String key : SECTIONS) {
      String expected = end.aiNote().section(key).orElseThrow().text();
      for (SectionEdit se : succeededEdits) {
        if (se.sectionKey().equals(key)) {
          expected = se.newText();
        }
      }
      assertThat(end.note().section(key).orElseThrow().text()).isEqualTo(expected);
    }
    List<AuditEvent> events = store.auditEvents(tenant);
    assertThat(events).extracting(ev -> ev.entry().toVersion())
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, end.version()).boxed().toList());
    AuditVerification v = review.verifyAudit(tenant);
    assertThat(v.intact()).isTrue();
    assertThat(v.eventsChecked()).isEqualTo((int) end.version());
  }
}
