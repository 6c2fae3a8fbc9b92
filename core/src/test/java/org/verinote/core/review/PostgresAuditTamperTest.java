package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.audit.AuditProblem;
import org.verinote.core.audit.AuditVerification;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * Someone with direct database access (the table owner — the application role may not update or delete audit rows)
 * tampers with one audit row; {@link ReviewWorkflow#verifyAudit} names it.
 */
class PostgresAuditTamperTest {

  private ReviewWorkflow review;
  private TenantContext tenant;

  @BeforeEach
  void fiveEvents() {
    review = ReviewWorkflow.builder().store(PostgresStores.app()).build();
    tenant = TenantContext.of("tamper-" + System.nanoTime());
    Encounter e = ReviewFixtures.encounter(tenant.tenantId(), "visit-1");
    ReviewDraft d = review.createDraft(tenant, e, ReviewFixtures.result(e, "run-1"));
    d = review.editSection(tenant, d.draftId(), 1, "dr-lee", "plan", "Rest.");
    d = review.editSection(tenant, d.draftId(), 2, "dr-lee", "plan", "Rest and fluids.");
    d = review.editSection(tenant, d.draftId(), 3, "dr-kim", "assessment", "Asthma.");
    review.approve(tenant, d.draftId(), d.version(), "dr-kim");
    assertThat(review.verifyAudit(tenant).intact()).isTrue();
  }

  private void asOwner(String sql, Object... args) throws SQLException {
    try (Connection c = EmbeddedPostgres.get().owner().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_tenant', ?, true)")) {
        ps.setString(1, tenant.tenantId());
        ps.executeQuery().close();
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        assertThat(ps.executeUpdate()).isPositive();
      }
      c.commit();
    }
  }

  @Test
  void alteredActor_inOneRow_isNamedAsAltered() throws SQLException {
    asOwner("UPDATE audit_events SET actor = 'dr-mallory' WHERE tenant_id = ? AND seq = 3", tenant.tenantId());
    AuditVerification v = review.verifyAudit(tenant);
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).singleElement().satisfies(p -> {
      assertThat(p.seq()).isEqualTo(3);
      assertThat(p.kind()).isEqualTo(AuditProblem.Kind.ALTERED);
      assertThat(p.message()).startsWith("Audit event #3 (SECTION_EDITED of draft dr-");
    });
  }

  @Test
  void alteredVersion_isNamedAsAltered() throws SQLException {
    asOwner("UPDATE audit_events SET to_version = 99 WHERE tenant_id = ? AND seq = 5", tenant.tenantId());
    assertThat(review.verifyAudit(tenant).problems()).extracting(AuditProblem::seq, AuditProblem::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, AuditProblem.Kind.ALTERED));
  }

  @Test
  void deletedRow_isNamedAsMissing() throws SQLException {
    asOwner("DELETE FROM audit_events WHERE tenant_id = ? AND seq = 2", tenant.tenantId());
    AuditVerification v = review.verifyAudit(tenant);
    assertThat(v.problems()).extracting(AuditProblem::seq, AuditProblem::kind).contains(
        org.assertj.core.groups.Tuple.tuple(2L, AuditProblem.Kind.MISSING),
        org.assertj.core.groups.Tuple.tuple(3L, AuditProblem.Kind.BROKEN_LINK));
  }

  @Test
  void deletedLastRow_isCaughtByTheHead() throws SQLException {
    asOwner("DELETE FROM audit_events WHERE tenant_id = ? AND seq = 5", tenant.tenantId());
    assertThat(review.verifyAudit(tenant).problems()).extracting(AuditProblem::seq, AuditProblem::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, AuditProblem.Kind.MISSING));
  }

  @Test
  void swappedRows_areNamed() throws SQLException {
    asOwner("UPDATE audit_events SET seq = 1000 WHERE tenant_id = ? AND seq = 2", tenant.tenantId());
    asOwner("UPDATE audit_events SET seq = 2 WHERE tenant_id = ? AND seq = 3", tenant.tenantId());
    asOwner("UPDATE audit_events SET seq = 3 WHERE tenant_id = ? AND seq = 1000", tenant.tenantId());
    assertThat(review.verifyAudit(tenant).problems()).extracting(AuditProblem::seq).contains(2L, 3L);
  }
}
