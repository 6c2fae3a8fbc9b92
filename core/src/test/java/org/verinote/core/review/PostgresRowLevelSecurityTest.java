package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.testkit.ReviewFixtures;

/**
 * Row-level security proven at the database: raw SQL as the application role, with no tenant filter, sees only the
 * rows of the tenant named in {@code app.current_tenant} — and nothing without it.
 */
class PostgresRowLevelSecurityTest {

  private static final List<String> TABLES =
      List.of("review_drafts", "review_edits", "audit_events", "audit_heads", "submission_outbox");
  private static final AtomicLong N = new AtomicLong();

  private EmbeddedPostgres pg;
  private TenantContext a;
  private TenantContext b;

  @BeforeEach
  void populateTwoTenants() {
    pg = EmbeddedPostgres.get();
    long n = N.incrementAndGet();
    a = TenantContext.of("rls-a-" + n + "-" + System.nanoTime());
    b = TenantContext.of("rls-b-" + n + "-" + System.nanoTime());
    ReviewWorkflow review = ReviewWorkflow.builder().store(PostgresStores.app()).build();
    for (TenantContext t : List.of(a, b)) {
      Encounter e = ReviewFixtures.encounter(t.tenantId(), "visit-1");
      ReviewDraft d = review.createDraft(t, e, ReviewFixtures.result(e, "run-1"));
      d = review.editSection(t, d.draftId(), 1, "dr-lee", "plan", "Rest.");
      review.approve(t, d.draftId(), d.version(), "dr-lee");
    }
  }

  private static List<String> tenantsOf(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      while (rs.next()) {
        out.add(rs.getString("tenant_id"));
      }
    }
    return out;
  }

  private static void setTenant(Connection c, TenantContext t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_tenant', ?, true)")) {
      ps.setString(1, t.tenantId());
      ps.executeQuery().close();
    }
  }

  @Test
  void selectStar_underTenantA_returnsOnlyTenantARows_inEveryTable() throws SQLException {
    try (Connection c = pg.app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, a);
      for (String table : TABLES) {
        assertThat(tenantsOf(c, table)).as(table).isNotEmpty().containsOnly(a.tenantId());
      }
      c.rollback();
    }
  }

  @Test
  void selectStar_withoutTenantSetting_returnsNoRows() throws SQLException {
    try (Connection c = pg.app().getConnection()) {
      for (String table : TABLES) {
        assertThat(tenantsOf(c, table)).as(table).isEmpty();
      }
    }
  }

  @Test
  void tenantSetting_isTransactionLocal_andGoneAfterCommit() throws SQLException {
    try (Connection c = pg.app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, a);
      assertThat(tenantsOf(c, "review_drafts")).isNotEmpty();
      c.commit();
      assertThat(tenantsOf(c, "review_drafts")).isEmpty();
      c.rollback();
    }
  }

  @Test
  void updateOfOtherTenantsRows_underTenantA_changesNothing() throws SQLException {
    try (Connection c = pg.app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, a);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE review_drafts SET state = 'CONFIRMED' WHERE tenant_id = ?")) {
        ps.setString(1, b.tenantId());
        assertThat(ps.executeUpdate()).isZero();
      }
      c.commit();
    }
    ReviewWorkflow review = ReviewWorkflow.builder().store(PostgresStores.app()).build();
    assertThat(review.list(b)).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(ReviewState.APPROVED));
  }

  @Test
  void insertForOtherTenant_underTenantA_isRejectedByThePolicy() throws SQLException {
    try (Connection c = pg.app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, a);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO audit_heads (tenant_id, seq, hash) VALUES (?, 0, 'x')")) {
        ps.setString(1, "rls-intruder-" + System.nanoTime());
        assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      c.rollback();
    }
  }

  @Test
  void appRole_cannotDeleteOrRewriteAuditEvents() throws SQLException {
    try (Connection c = pg.app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, a);
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_events"))
            .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
      }
      c.rollback();
      setTenant(c, a);
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_events SET actor = 'mallory'"))
            .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
      }
      c.rollback();
    }
  }

  @Test
  void aiTextAndRawOutput_cannotBeOverwritten_evenByTheOwner() throws SQLException {
    try (Connection c = pg.owner().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, a);
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeUpdate("UPDATE review_drafts SET raw_model_output = 'forged'"))
            .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
      }
      c.rollback();
    }
  }

  @Test
  void store_connectingAsOwnerOrSuperuser_isRefused() {
    assertThatThrownBy(() -> DraftStore.postgres(pg.owner()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bypasses row-level security");
    assertThatThrownBy(() -> DraftStore.postgres(pg.as("postgres")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bypasses row-level security");
  }
}
