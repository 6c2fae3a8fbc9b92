package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The migration runner: idempotent, checksum-guarded, and refusing roles that would bypass RLS. */
class PostgresSchemaTest {

  private final EmbeddedPostgres pg = EmbeddedPostgres.get();

  @Test
  void migrate_again_appliesNothing() {
    assertThat(PostgresSchema.migrate(pg.owner(), EmbeddedPostgres.APP_ROLE)).isEmpty();
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
