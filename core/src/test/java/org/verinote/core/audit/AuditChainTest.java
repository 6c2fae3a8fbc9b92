package org.verinote.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

  private static AuditEntry entry(long v) {
    return new AuditEntry("clinic-a", "dr-1", "visit-1", v == 1 ? "DRAFT_CREATED" : "SECTION_EDITED", "dr-lee",
        T0.plusSeconds(v), v == 1 ? "" : "IN_REVIEW", "IN_REVIEW", v - 1, v, "plan", AuditChain.sha256Hex("t" + v));
  }

  private static List<AuditEvent> chain(int n) {
    List<AuditEvent> out = new ArrayList<>();
    AuditEvent head = null;
    for (int i = 1; i <= n; i++) {
      head = AuditChain.link(head, entry(i));
      out.add(head);
    }
    return out;
  }

  private static AuditVerification verify(List<AuditEvent> events, List<AuditEvent> original) {
    AuditEvent head = original.get(original.size() - 1);
    return AuditChain.verify(events, head.seq(), head.hash());
  }

  @Test
  void verify_untouchedChain_isIntact() {
    List<AuditEvent> c = chain(5);
    AuditVerification v = verify(c, c);
    assertThat(v.intact()).isTrue();
    assertThat(v.eventsChecked()).isEqualTo(5);
    assertThat(c.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(c.get(3).previousHash()).isEqualTo(c.get(2).hash());
  }

  @Test
  void verify_alteredActor_namesThatEventAsAltered() {
    List<AuditEvent> c = new ArrayList<>(chain(5));
    AuditEvent e = c.get(2);
    AuditEntry x = e.entry();
    c.set(2, new AuditEvent(e.seq(), new AuditEntry(x.tenantId(), x.draftId(), x.encounterId(), x.action(),
        "mallory", x.at(), x.fromState(), x.toState(), x.fromVersion(), x.toVersion(), x.subject(),
        x.contentHash()), e.previousHash(), e.hash()));
    AuditVerification v = verify(c, chain(5));
    assertThat(v.problems()).singleElement().satisfies(p -> {
      assertThat(p.seq()).isEqualTo(3);
      assertThat(p.kind()).isEqualTo(AuditProblem.Kind.ALTERED);
      assertThat(p.message()).isEqualTo("Audit event #3 (SECTION_EDITED of draft dr-1) was altered: its content"
          + " no longer matches its hash.");
    });
  }

  @Test
  void verify_alteredAndRehashedEvent_breaksTheNextLink() {
    List<AuditEvent> c = new ArrayList<>(chain(5));
    AuditEvent e = c.get(1);
    AuditEntry x = e.entry();
    AuditEntry forged = new AuditEntry(x.tenantId(), x.draftId(), x.encounterId(), x.action(), "mallory", x.at(),
        x.fromState(), x.toState(), x.fromVersion(), x.toVersion(), x.subject(), x.contentHash());
    c.set(1, new AuditEvent(2, forged, e.previousHash(), AuditChain.hash(e.previousHash(), 2, forged)));
    assertThat(verify(c, chain(5)).problems()).singleElement().satisfies(p -> {
      assertThat(p.seq()).isEqualTo(3);
      assertThat(p.kind()).isEqualTo(AuditProblem.Kind.BROKEN_LINK);
    });
  }

  @Test
  void verify_removedEvent_namesItMissing() {
    List<AuditEvent> c = new ArrayList<>(chain(5));
    c.remove(3);
    AuditVerification v = verify(c, chain(5));
    assertThat(v.problems()).extracting(AuditProblem::seq, AuditProblem::kind)
        .contains(org.assertj.core.groups.Tuple.tuple(4L, AuditProblem.Kind.MISSING),
            org.assertj.core.groups.Tuple.tuple(5L, AuditProblem.Kind.BROKEN_LINK));
  }

  @Test
  void verify_removedLastEvent_isCaughtByTheHead() {
    List<AuditEvent> full = chain(5);
    AuditVerification v = verify(full.subList(0, 4), full);
    assertThat(v.problems()).singleElement().satisfies(p -> {
      assertThat(p.seq()).isEqualTo(5);
      assertThat(p.kind()).isEqualTo(AuditProblem.Kind.MISSING);
    });
  }

  @Test
  void verify_swappedEvents_namesBoth() {
    List<AuditEvent> full = chain(5);
    List<AuditEvent> c = new ArrayList<>(full);
    AuditEvent a = c.get(1);
    AuditEvent b = c.get(2);
    c.set(1, new AuditEvent(2, b.entry(), b.previousHash(), b.hash()));
    c.set(2, new AuditEvent(3, a.entry(), a.previousHash(), a.hash()));
    assertThat(verify(c, full).problems()).extracting(AuditProblem::seq).contains(2L, 3L);
  }

  @Test
  void link_entryOfOtherTenant_isRefused() {
    AuditEvent head = AuditChain.link(null, entry(1));
    AuditEntry x = entry(2);
    AuditEntry foreign = new AuditEntry("hospital-b", x.draftId(), x.encounterId(), x.action(), x.actor(), x.at(),
        x.fromState(), x.toState(), 1, 2, x.subject(), x.contentHash());
    assertThatThrownBy(() -> AuditChain.link(head, foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per tenant");
  }

  @Test
  void entry_withNanosecondTime_isRefused() {
    assertThatThrownBy(() -> new AuditEntry("t", "d", "e", "A", "x", Instant.parse("2026-01-01T00:00:00.000000001Z"),
        "", "DRAFTED", 0, 1, "", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
