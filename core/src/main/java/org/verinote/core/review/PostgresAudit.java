package org.verinote.core.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.verinote.core.StoreException;
import org.verinote.core.audit.AuditChain;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;

/**
 * The audit chain in PostgreSQL ({@code audit_events}, {@code audit_heads}), used inside the store's transactions.
 * Appending locks the tenant's head row ({@code FOR UPDATE}) — always after the draft row, in the same order for
 * every writer, so there are no deadlocks — and writes to different drafts of a tenant serialise only here.
 */
final class PostgresAudit {

  private PostgresAudit() {}

  /** The tenant's recorded chain head. */
  private record Head(long seq, String hash) {}

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** Links the entry after the tenant's head, holding the head row's lock until commit. */
  static void append(Connection c, AuditEntry entry) throws SQLException {
    String lock = "SELECT seq, hash FROM audit_heads WHERE tenant_id = ? FOR UPDATE";
    Optional<Head> head = queryHead(c, lock, entry.tenantId());
    if (head.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_heads (tenant_id, seq, hash)"
          + " VALUES (?, 0, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, entry.tenantId());
        ps.setString(2, AuditChain.GENESIS);
        ps.executeUpdate();
      }
      head = queryHead(c, lock, entry.tenantId());
    }
    long seq = head.orElseThrow().seq() + 1;
    String previous = head.orElseThrow().hash();
    String hash = AuditChain.hash(previous, seq, entry);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (tenant_id, seq, draft_id,"
        + " encounter_id, action, actor, at, from_state, to_state, from_version, to_version, subject, content_hash,"
        + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, entry.tenantId());
      ps.setLong(2, seq);
      ps.setString(3, entry.draftId());
      ps.setString(4, entry.encounterId());
      ps.setString(5, entry.action());
      ps.setString(6, entry.actor());
      ps.setObject(7, ts(entry.at()));
      ps.setString(8, entry.fromState());
      ps.setString(9, entry.toState());
      ps.setLong(10, entry.fromVersion());
      ps.setLong(11, entry.toVersion());
      ps.setString(12, entry.subject());
      ps.setString(13, entry.contentHash());
      ps.setString(14, previous);
      ps.setString(15, hash);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE audit_heads SET seq = ?, hash = ? WHERE tenant_id = ?")) {
      ps.setLong(1, seq);
      ps.setString(2, hash);
      ps.setString(3, entry.tenantId());
      ps.executeUpdate();
    }
  }

  private static Optional<Head> queryHead(Connection c, String sql, String tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  static List<AuditEvent> read(Connection c, TenantContext tenant) throws SQLException {
    return read(c, tenant, null);
  }

  /** The tenant's events, or one draft's if {@code draftId} is not null, in sequence order. */
  static List<AuditEvent> read(Connection c, TenantContext tenant, String draftId) throws SQLException {
    List<AuditEvent> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, draft_id, encounter_id, action, actor, at,"
        + " from_state, to_state, from_version, to_version, subject, content_hash, previous_hash, hash"
        + " FROM audit_events WHERE tenant_id = ?" + (draftId == null ? "" : " AND draft_id = ?")
        + " ORDER BY seq")) {
      ps.setString(1, tenant.tenantId());
      if (draftId != null) {
        ps.setString(2, draftId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AuditEntry e = new AuditEntry(tenant.tenantId(), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8), rs.getLong(9),
              rs.getLong(10), rs.getString(11), rs.getString(12));
          out.add(new AuditEvent(rs.getLong(1), e, rs.getString(13), rs.getString(14)));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new StoreException("An audit row of tenant " + tenant.tenantId() + " is malformed: " + e.getMessage(),
          null, false, e);
    }
    return List.copyOf(out);
  }

  static AuditVerification verify(Connection c, TenantContext tenant) throws SQLException {
    List<AuditEvent> events = read(c, tenant);
    Head head = queryHead(c, "SELECT seq, hash FROM audit_heads WHERE tenant_id = ?", tenant.tenantId())
        .orElse(new Head(0, AuditChain.GENESIS));
    return AuditChain.verify(events, head.seq(), head.hash());
  }
}
