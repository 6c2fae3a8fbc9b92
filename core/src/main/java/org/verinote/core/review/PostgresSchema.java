package org.verinote.core.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.audit.AuditChain;

/**
 * Creates and upgrades the PostgreSQL schema of {@link DraftStore#postgres(DataSource)}: versioned SQL migrations
 * shipped in the jar ({@code org/verinote/core/review/db/V<n>__<name>.sql}), recorded with their SHA-256 in
 * {@code verinote_schema_history}, applied each in its own transaction under an advisory lock (so several instances
 * starting together apply each migration once). Then grants the application role exactly what the store needs:
 * {@code SELECT, INSERT, UPDATE} on drafts, outbox and audit heads; {@code SELECT, INSERT} on edits and audit events;
 * no {@code DELETE} anywhere.
 *
 * <p>Run it as the schema owner (a migration/admin role), not as the application role. Thread-safe; idempotent.
 */
public final class PostgresSchema {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSchema.class);
  private static final List<String> MIGRATIONS = List.of("V1__review_schema.sql", "V2__outbox_draft_version.sql");
  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final long LOCK_KEY = 0x7665726e6f7465L;

  private PostgresSchema() {}

  /**
   * Applies every migration not yet applied, checks the applied ones are unchanged, and grants the application role.
   *
   * @param ownerDataSource connections as the role that owns (or will own) the tables
   * @param appRole the existing role the application connects as: not a superuser, no {@code BYPASSRLS}, not the
   *     owner; lower-case letters, digits and underscores
   * @return the versions applied by this call, possibly empty
   * @throws IllegalArgumentException if the role name is invalid, the role does not exist, or it could bypass
   *     row-level security
   * @throws IllegalStateException if an applied migration's checksum differs from the jar's
   * @throws java.io.UncheckedIOException if a migration cannot be read from the jar
   * @throws org.verinote.core.StoreException if the database refuses a statement
   */
  public static List<Integer> migrate(DataSource ownerDataSource, String appRole) {
    Objects.requireNonNull(ownerDataSource, "ownerDataSource");
    Objects.requireNonNull(appRole, "appRole");
    if (!ROLE.matcher(appRole).matches()) {
      throw new IllegalArgumentException("Application role must be 1-63 lower-case letters, digits or"
          + " underscores, starting with a letter or underscore; got " + appRole.length() + " characters");
    }
    List<Integer> applied = new ArrayList<>();
    try (Connection c = ownerDataSource.getConnection()) {
      c.setAutoCommit(false);
      checkAppRole(c, appRole);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS verinote_schema_history (version integer PRIMARY KEY,"
            + " name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      }
      c.commit();
      for (String file : MIGRATIONS) {
        int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
        String sql = read(file);
        String checksum = AuditChain.sha256Hex(sql);
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        }
        Map<Integer, String> done = history(c);
        if (done.containsKey(version)) {
          if (!done.get(version).equals(checksum)) {
            c.rollback();
            throw new IllegalStateException("Migration " + file + " was changed after it was applied (checksum "
                + done.get(version).substring(0, 12) + " in the database, " + checksum.substring(0, 12)
                + " in the jar). Restore the original file; add changes as a new migration.");
          }
          c.commit();
          continue;
        }
        try (Statement s = c.createStatement()) {
          s.execute(sql);
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO verinote_schema_history (version, name, checksum) VALUES (?, ?, ?)")) {
          ps.setInt(1, version);
          ps.setString(2, file);
          ps.setString(3, checksum);
          ps.executeUpdate();
        }
        c.commit();
        applied.add(version);
        LOG.info("Applied review schema migration {}", file);
      }
      grant(c, appRole);
      c.commit();
    } catch (SQLException e) {
      throw Jdbc.failure("Review schema migration", e);
    }
    return List.copyOf(applied);
  }

  private static void checkAppRole(Connection c, String appRole) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT rolsuper, rolbypassrls, rolname = current_user FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, appRole);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("Role '" + appRole + "' does not exist. Create it first, e.g."
              + " CREATE ROLE " + appRole + " LOGIN PASSWORD '...' NOSUPERUSER NOBYPASSRLS;");
        }
        if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)) {
          throw new IllegalArgumentException("Role '" + appRole + "' would bypass row-level security (it is a"
              + " superuser, has BYPASSRLS, or is the owner running this migration). Use a separate plain role.");
        }
      }
    }
  }

  private static void grant(Connection c, String role) throws SQLException {
    String schema;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      schema = rs.getString(1);
    }
    try (Statement s = c.createStatement()) {
      String q = '"' + role + '"';
      s.execute("GRANT USAGE ON SCHEMA \"" + schema.replace("\"", "\"\"") + "\" TO " + q);
      s.execute("GRANT SELECT, INSERT, UPDATE ON review_drafts, submission_outbox, audit_heads TO " + q);
      s.execute("GRANT SELECT, INSERT ON review_edits, audit_events TO " + q);
    }
  }

  private static Map<Integer, String> history(Connection c) throws SQLException {
    Map<Integer, String> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM verinote_schema_history")) {
      while (rs.next()) {
        out.put(rs.getInt(1), rs.getString(2));
      }
    }
    return out;
  }

  private static String read(String file) {
    try (InputStream in = PostgresSchema.class.getResourceAsStream("db/" + file)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("Migration db/" + file + " is missing from the jar"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read migration " + file, e);
    }
  }
}
