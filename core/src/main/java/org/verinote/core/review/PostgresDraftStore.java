package org.verinote.core.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.verinote.core.NotFoundException;
import org.verinote.core.StoreException;
import org.verinote.core.StructuredNote;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditChain;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;

/**
 * {@link DraftStore#postgres(DataSource)}: plain JDBC ({@code java.sql} only — the host supplies the driver).
 *
 * <p>Every operation is one transaction that first runs {@code set_config('app.current_tenant', tenant, true)}, so
 * row-level security confines it to the tenant even where a query forgets the tenant filter (the queries keep the
 * filter anyway, to use the indexes). Optimistic locking is a conditional {@code UPDATE … WHERE version = ?}; the
 * audit chain is appended under a row lock on the tenant's {@code audit_heads} row, taken after the draft row, so
 * writes to different drafts of a tenant serialise only for the append.
 */
final class PostgresDraftStore implements DraftStore {

  private static final String DRAFT_COLUMNS = "tenant_id, draft_id, encounter_id, model_run_id, patient_ref,"
      + " document_type_code, model_id, model_version, ai_note, raw_model_output, findings, note, state, version,"
      + " created_at, updated_at, decided_by, decided_at, approved_version, rejection_reason, submission_key,"
      + " submission_attempts, submission_error, record_id";

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  PostgresDraftStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    checkRole();
  }

  /** Refuses a connection that row-level security would not confine. */
  private void checkRole() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT r.rolsuper, r.rolbypassrls,"
            + " COALESCE((SELECT t.tableowner = current_user FROM pg_tables t WHERE t.tablename = 'review_drafts'"
            + " AND t.schemaname = current_schema()), false),"
            + " EXISTS (SELECT 1 FROM pg_tables t WHERE t.tablename = 'review_drafts'"
            + " AND t.schemaname = current_schema())"
            + " FROM pg_roles r WHERE r.rolname = current_user");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (!rs.getBoolean(4)) {
        throw new IllegalStateException("The review schema is missing: run PostgresSchema.migrate(ownerDataSource,"
            + " appRole) first.");
      }
      if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)) {
        throw new IllegalStateException("The data source connects as a role that bypasses row-level security"
            + " (superuser, BYPASSRLS or table owner). Connect as the application role granted by"
            + " PostgresSchema.migrate.");
      }
    } catch (SQLException e) {
      throw Jdbc.failure("Checking the review store's database role", e);
    }
  }

  private <T> T inTenant(TenantContext tenant, String operation, boolean readOnly, Work<T> work) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      if (readOnly) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      } else {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      try {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.current_tenant', ?, true)")) {
          ps.setString(1, tenant.tenantId());
          ps.executeQuery().close();
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Jdbc.failure(operation, e);
    }
  }

  @Override
  public ReviewDraft create(TenantContext tenant, ReviewDraft draft, AuditEntry created) {
    StoreChecks.checkCreate(tenant, draft, created);
    return inTenant(tenant, "Creating review draft " + draft.draftId(), false, c -> {
      int inserted;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_drafts (" + DRAFT_COLUMNS + ") VALUES"
          + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        int i = 1;
        ps.setString(i++, draft.tenantId());
        ps.setString(i++, draft.draftId());
        ps.setString(i++, draft.encounterId());
        ps.setString(i++, draft.modelRunId());
        ps.setString(i++, draft.patientRef().orElse(null));
        ps.setString(i++, draft.documentTypeCode());
        ps.setString(i++, draft.modelId());
        ps.setString(i++, draft.modelVersion());
        ps.setString(i++, draft.aiNote().toJson());
        ps.setString(i++, draft.rawModelOutput());
        ps.setString(i++, DraftCodec.findingsToJson(draft.findings()));
        i = setMutable(ps, i, draft);
        inserted = ps.executeUpdate();
      }
      if (inserted == 0) {
        try (PreparedStatement ps = c.prepareStatement("SELECT draft_id FROM review_drafts WHERE tenant_id = ?"
            + " AND encounter_id = ? AND model_run_id = ?")) {
          ps.setString(1, tenant.tenantId());
          ps.setString(2, draft.encounterId());
          ps.setString(3, draft.modelRunId());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException("Draft id " + draft.draftId() + " already exists for another run");
            }
            return read(c, tenant, rs.getString(1)).orElseThrow();
          }
        }
      }
      appendAudit(c, created);
      return draft;
    });
  }

  /** Sets the columns from {@code state} on: state, version, timestamps, decision and submission. */
  private static int setMutable(PreparedStatement ps, int i, ReviewDraft d) throws SQLException {
    ps.setString(i++, d.note().toJson());
    ps.setString(i++, d.state().name());
    ps.setLong(i++, d.version());
    ps.setTimestamp(i++, Timestamp.from(d.createdAt()));
    ps.setTimestamp(i++, Timestamp.from(d.updatedAt()));
    ps.setString(i++, d.decidedBy().orElse(null));
    ps.setTimestamp(i++, d.decidedAt().map(Timestamp::from).orElse(null));
    ps.setLong(i++, d.approvedVersion());
    ps.setString(i++, d.rejectionReason().orElse(null));
    ps.setString(i++, d.submissionKey().orElse(null));
    ps.setInt(i++, d.submissionAttempts());
    ps.setString(i++, d.submissionError().orElse(null));
    ps.setString(i++, d.recordId().orElse(null));
    return i;
  }

  @Override
  public Optional<ReviewDraft> find(TenantContext tenant, String draftId) {
    Objects.requireNonNull(draftId, "draftId");
    return inTenant(tenant, "Reading review draft " + draftId, true, c -> read(c, tenant, draftId));
  }

  private static Optional<ReviewDraft> read(Connection c, TenantContext tenant, String draftId) throws SQLException {
    ReviewDraft.Builder b;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + DRAFT_COLUMNS + " FROM review_drafts"
        + " WHERE tenant_id = ? AND draft_id = ?")) {
      ps.setString(1, tenant.tenantId());
      ps.setString(2, draftId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        b = row(rs);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT draft_id, version, section_key, edited_by, edited_at,"
        + " previous_text, new_text FROM review_edits WHERE tenant_id = ? AND draft_id = ? ORDER BY version")) {
      ps.setString(1, tenant.tenantId());
      ps.setString(2, draftId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          b.addEdit(edit(rs));
        }
      }
    }
    return Optional.of(b.build());
  }

  private static ReviewDraft.Builder row(ResultSet rs) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return ReviewDraft.builder()
        .ids(rs.getString("tenant_id"), rs.getString("draft_id"), rs.getString("encounter_id"),
            rs.getString("model_run_id"))
        .patientRef(rs.getString("patient_ref"))
        .origin(rs.getString("document_type_code"), rs.getString("model_id"), rs.getString("model_version"))
        .aiDraft(StructuredNote.fromJson(rs.getString("ai_note")), rs.getString("raw_model_output"),
            DraftCodec.findingsFromJson(rs.getString("findings")))
        .note(StructuredNote.fromJson(rs.getString("note")))
        .state(ReviewState.valueOf(rs.getString("state")), rs.getLong("version"),
            rs.getTimestamp("updated_at").toInstant())
        .createdAt(rs.getTimestamp("created_at").toInstant())
        .decision(rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
            rs.getLong("approved_version"), rs.getString("rejection_reason"))
        .submission(rs.getString("submission_key"), rs.getInt("submission_attempts"),
            rs.getString("submission_error"), rs.getString("record_id"));
  }

  private static SectionEdit edit(ResultSet rs) throws SQLException {
    return new SectionEdit(rs.getString("section_key"), rs.getString("edited_by"),
        rs.getTimestamp("edited_at").toInstant(), rs.getString("previous_text"), rs.getString("new_text"),
        rs.getLong("version"));
  }

  @Override
  public List<ReviewDraft> list(TenantContext tenant) {
    return inTenant(tenant, "Listing review drafts", true, c -> {
      Map<String, ReviewDraft.Builder> builders = new HashMap<>();
      List<String> order = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DRAFT_COLUMNS + " FROM review_drafts"
          + " WHERE tenant_id = ? ORDER BY created_at, draft_id")) {
        ps.setString(1, tenant.tenantId());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            builders.put(rs.getString("draft_id"), row(rs));
            order.add(rs.getString("draft_id"));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT draft_id, version, section_key, edited_by, edited_at,"
          + " previous_text, new_text FROM review_edits WHERE tenant_id = ? ORDER BY draft_id, version")) {
        ps.setString(1, tenant.tenantId());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ReviewDraft.Builder b = builders.get(rs.getString("draft_id"));
            if (b != null) {
              b.addEdit(edit(rs));
            }
          }
        }
      }
      List<ReviewDraft> out = new ArrayList<>(order.size());
      for (String id : order) {
        out.add(builders.get(id).build());
      }
      return List.copyOf(out);
    });
  }

  @Override
  public ReviewDraft update(TenantContext tenant, long expectedVersion, ReviewDraft next, AuditEntry event,
      OutboxChange outbox) {
    StoreChecks.checkUpdate(tenant, expectedVersion, next, event, outbox);
    return inTenant(tenant, "Updating review draft " + next.draftId(), false, c -> {
      int updated;
      try (PreparedStatement ps = c.prepareStatement("UPDATE review_drafts SET note = ?, state = ?, version = ?,"
          + " created_at = ?, updated_at = ?, decided_by = ?, decided_at = ?, approved_version = ?,"
          + " rejection_reason = ?, submission_key = ?, submission_attempts = ?, submission_error = ?,"
          + " record_id = ? WHERE tenant_id = ? AND draft_id = ? AND version = ?")) {
        int i = setMutable(ps, 1, next);
        ps.setString(i++, tenant.tenantId());
        ps.setString(i++, next.draftId());
        ps.setLong(i, expectedVersion);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT version FROM review_drafts WHERE tenant_id = ? AND draft_id = ?")) {
          ps.setString(1, tenant.tenantId());
          ps.setString(2, next.draftId());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw StoreChecks.notFound(next.draftId());
            }
            throw new VersionConflictException(expectedVersion, rs.getLong(1));
          }
        }
      }
      for (SectionEdit e : next.edits()) {
        if (e.version() > expectedVersion) {
          insertEdit(c, next, e);
        }
      }
      applyOutbox(c, next, outbox);
      appendAudit(c, event);
      return next;
    });
  }

  private static void insertEdit(Connection c, ReviewDraft d, SectionEdit e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_edits (tenant_id, draft_id, version,"
        + " section_key, edited_by, edited_at, previous_text, new_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, d.tenantId());
      ps.setString(2, d.draftId());
      ps.setLong(3, e.version());
      ps.setString(4, e.sectionKey());
      ps.setString(5, e.editedBy());
      ps.setTimestamp(6, Timestamp.from(e.editedAt()));
      ps.setString(7, e.previousText());
      ps.setString(8, e.newText());
      ps.executeUpdate();
    }
  }

  private static void applyOutbox(Connection c, ReviewDraft d, OutboxChange change) throws SQLException {
    String sql;
    switch (change.kind()) {
      case ENQUEUE:
        sql = "INSERT INTO submission_outbox (submission_key, status, due_at, tenant_id, draft_id)"
            + " VALUES (?, 'PENDING', ?, ?, ?)";
        break;
      case RESCHEDULE:
        sql = "UPDATE submission_outbox SET status = 'PENDING', due_at = ? WHERE tenant_id = ? AND draft_id = ?";
        break;
      case COMPLETE:
        sql = "UPDATE submission_outbox SET status = 'DONE' WHERE tenant_id = ? AND draft_id = ?";
        break;
      case PARK:
        sql = "UPDATE submission_outbox SET status = 'PARKED' WHERE tenant_id = ? AND draft_id = ?";
        break;
      default:
        return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (change.kind() == OutboxChange.Kind.ENQUEUE) {
        ps.setString(i++, d.submissionKey().orElseThrow());
      }
      if (change.dueAt() != null) {
        ps.setTimestamp(i++, Timestamp.from(change.dueAt()));
      }
      ps.setString(i++, d.tenantId());
      ps.setString(i, d.draftId());
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("Draft " + d.draftId() + " has no outbox entry to " + change.kind());
      }
    }
  }

  /** Links the entry after the tenant's head, holding the head row's lock until commit. */
  private static void appendAudit(Connection c, AuditEntry entry) throws SQLException {
    long seq;
    String previous;
    String lock = "SELECT seq, hash FROM audit_heads WHERE tenant_id = ? FOR UPDATE";
    Optional<Object[]> head = queryHead(c, lock, entry.tenantId());
    if (head.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_heads (tenant_id, seq, hash)"
          + " VALUES (?, 0, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, entry.tenantId());
        ps.setString(2, AuditChain.GENESIS);
        ps.executeUpdate();
      }
      head = queryHead(c, lock, entry.tenantId());
    }
    seq = (Long) head.orElseThrow()[0] + 1;
    previous = (String) head.orElseThrow()[1];
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
      ps.setTimestamp(7, Timestamp.from(entry.at()));
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

  private static Optional<Object[]> queryHead(Connection c, String sql, String tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Object[] {rs.getLong(1), rs.getString(2)}) : Optional.empty();
      }
    }
  }

  @Override
  public List<PendingSubmission> dueSubmissions(TenantContext tenant, Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return inTenant(tenant, "Reading due submissions", true, c -> {
      List<PendingSubmission> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT draft_id, submission_key, due_at FROM"
          + " submission_outbox WHERE tenant_id = ? AND status = 'PENDING' AND due_at <= ?"
          + " ORDER BY due_at, draft_id LIMIT ?")) {
        ps.setString(1, tenant.tenantId());
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new PendingSubmission(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
          }
        }
      }
      return List.copyOf(out);
    });
  }

  @Override
  public List<AuditEvent> auditEvents(TenantContext tenant) {
    return inTenant(tenant, "Reading the audit log", true, c -> readAudit(c, tenant));
  }

  private static List<AuditEvent> readAudit(Connection c, TenantContext tenant) throws SQLException {
    List<AuditEvent> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, draft_id, encounter_id, action, actor, at,"
        + " from_state, to_state, from_version, to_version, subject, content_hash, previous_hash, hash"
        + " FROM audit_events WHERE tenant_id = ? ORDER BY seq")) {
      ps.setString(1, tenant.tenantId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AuditEntry e = new AuditEntry(tenant.tenantId(), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getLong(9),
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

  @Override
  public AuditVerification verifyAudit(TenantContext tenant) {
    return inTenant(tenant, "Verifying the audit log", true, c -> {
      List<AuditEvent> events = readAudit(c, tenant);
      Optional<Object[]> head = queryHead(c, "SELECT seq, hash FROM audit_heads WHERE tenant_id = ?",
          tenant.tenantId());
      return AuditChain.verify(events, head.map(h -> (Long) h[0]).orElse(0L),
          head.map(h -> (String) h[1]).orElse(AuditChain.GENESIS));
    });
  }
}
