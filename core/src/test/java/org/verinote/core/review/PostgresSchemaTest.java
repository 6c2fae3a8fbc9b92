package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.verinote.core.audit.AuditChain;

/** The migration runner: idempotent, checksum-guarded, and refusing roles that would bypass RLS. */
class PostgresSchemaTest {

  private final EmbeddedPostgres pg = EmbeddedPostgres.get();

  @Test
  void migrate_again_appliesNothing() {
    assertThat(PostgresSchema.migrate(pg.owner(), EmbeddedPostgres.APP_ROLE)).isEmpty();
  }

  @Test
  void migrate_fromV1WithPendingSubmission_backfillsDraftVersionDespiteForcedRls() throws Exception {
    DataSource owner = pg.newDatabase("upgrade_" + System.nanoTime() % 1_000_000);
    String v1;
    try (InputStream in = PostgresSchema.class.getResourceAsStream("db/V1__review_schema.sql")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("CREATE TABLE verinote_schema_history (version integer PRIMARY KEY, name text NOT NULL,"
          + " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      s.execute(v1);
      s.execute("INSERT INTO verinote_schema_history (version, name, checksum) VALUES (1, 'V1__review_schema.sql', '"
          + AuditChain.sha256Hex(v1) + "')");
      s.execute("SELECT set_config('app.current_tenant', 'clinic-a', true)");
      s.execute("INSERT INTO review_drafts (tenant_id, draft_id, encounter_id, model_run_id, document_type_code,"
          + " model_id, model_version, ai_note, raw_model_output, findings, note, state, version, created_at,"
          + " updated_at, submission_key) VALUES ('clinic-a', 'dr-1', 'visit-1', 'run-1', '11506-3', 'm', '1', '{}',"
          + " '', '[]', '{}', 'APPROVED', 4, now(), now(), 'vn-1')");
      s.execute("INSERT INTO submission_outbox (tenant_id, draft_id, submission_key, status, due_at)"
          + " VALUES ('clinic-a', 'dr-1', 'vn-1', 'PENDING', now())");
      c.commit();
    }
    assertThat(PostgresSchema.migrate(owner, EmbeddedPostgres.APP_ROLE)).containsExactly(2);
    try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SELECT set_config('app.current_tenant', 'clinic-a', true)");
      try (ResultSet rs = s.executeQuery("SELECT draft_version FROM submission_outbox")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(4);
      }
      c.commit();
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM submission_outbox")) {
        rs.next();
        assertThat(rs.getLong(1)).as("FORCE ROW LEVEL SECURITY is back on for the owner").isZero();
      }
    }
  }

  @Test
  void migrate_withChangedAppliedMigration_refusesNamingTheFile() throws SQLException {
    try (Connection c = pg.owner().getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE verinote_schema_history SET checksum = 'f00' || checksum WHERE version = 1");
    }
    try {
      assertThatThrownBy(() -> PostgresSchema.migrate(pg.owner(), EmbeddedPostgres.APP_ROLE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Migration V1__review_schema.sql was changed after it was applied");
    } finally {
      try (Connection c = pg.owner().getConnection(); Statement s = c.createStatement()) {
        s.execute("UPDATE verinote_schema_history SET checksum = substr(checksum, 4) WHERE version = 1");
      }
    }
    assertThat(PostgresSchema.migrate(pg.owner(), EmbeddedPostgres.APP_ROLE)).isEmpty();
  }

  @Test
  void migrate_forMissingRole_explainsHowToCreateIt() {
    assertThatThrownBy(() -> PostgresSchema.migrate(pg.owner(), "no_such_role"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Role 'no_such_role' does not exist. Create it first");
  }

  @Test
  void migrate_forSuperuserOrOwnerRole_isRefused() {
    assertThatThrownBy(() -> PostgresSchema.migrate(pg.owner(), "postgres"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would bypass row-level security");
    assertThatThrownBy(() -> PostgresSchema.migrate(pg.owner(), "verinote_owner"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would bypass row-level security");
  }

  @Test
  void migrate_withInvalidRoleName_isRefusedBeforeTouchingTheDatabase() {
    assertThatThrownBy(() -> PostgresSchema.migrate(pg.owner(), "app\"; DROP TABLE x; --"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Application role must be");
  }
}
