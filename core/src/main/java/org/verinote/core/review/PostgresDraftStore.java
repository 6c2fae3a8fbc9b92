package org.verinote.core.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.verinote.core.StructuredNote;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;

/**
 * {@link DraftStore#postgres(DataSource)}: plain JDBC ({@code java.sql} only — the host supplies the driver).
 *
 * <p>Every operation is one transaction that first runs {@code set_config('app.current_tenant', tenant, true)}, so
 * row-level security confines it to the tenant even where a query forgets the tenant filter (the queries keep the
 * filter anyway, to use the indexes). Optimistic locking is a conditional {@code UPDATE … WHERE version = ?}; the
 * audit chain is appended by {@link PostgresAudit} in the same transaction.
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

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

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
      PostgresAudit.append(c, created);
      return draft;
    });
  }

  /** Sets the columns from {@code state} on: state, version, timestamps, decision and submission. */
  private static int setMutable(PreparedStatement ps, int i, ReviewDraft d) throws SQLException {
    ps.setString(i++, d.note().toJson());
    ps.setString(i++, d.state().name());
    ps.setLong(i++, d.version());
    ps.setObject(i++, ts(d.createdAt()));
    ps.setObject(i++, ts(d.updatedAt()));
    ps.setString(i++, d.decidedBy().orElse(null));
    ps.setObject(i++, d.decidedAt().map(PostgresDraftStore::ts).orElse(null));
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
    OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
    return ReviewDraft.builder()
        .ids(rs.getString("tenant_id"), rs.getString("draft_id"), rs.getString("encounter_id"),
            rs.getString("model_run_id"))
        .patientRef(rs.getString("patient_ref"))
        .origin(rs.getString("document_type_code"), rs.getString("model_id"), rs.getString("model_version"))
        .aiDraft(StructuredNote.fromJson(rs.getString("ai_note")), rs.getString("raw_model_output"),
            DraftCodec.findingsFromJson(rs.getString("findings")))
        .note(StructuredNote.fromJson(rs.getString("note")))
        .state(ReviewState.valueOf(rs.getString("state")), rs.getLong("version"),
            instant(rs, "updated_at"))
        .createdAt(instant(rs, "created_at"))
        .decision(rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
            rs.getLong("approved_version"), rs.getString("rejection_reason"))
        .submission(rs.getString("submission_key"), rs.getInt("submission_attempts"),
            rs.getString("submission_error"), rs.getString("record_id"));
  }

  private static SectionEdit edit(ResultSet rs) throws SQLException {
    return new SectionEdit(rs.getString("section_key"), rs.getString("edited_by"),
        instant(rs, "edited_at"), rs.getString("previous_text"), rs.getString("new_text"),
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
      PostgresAudit.append(c, event);
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
      ps.setObject(6, ts(e.editedAt()));
      ps.setString(7, e.previousText());
      ps.setString(8, e.newText());
      ps.executeUpdate();
    }
  }

  private static void applyOutbox(Connection c, ReviewDraft d, OutboxChange change) throws SQLException {
    String sql;
    switch (change.kind()) {
      case ENQUEUE:
        sql = "INSERT INTO submission_outbox (submission_key, status, due_at, draft_version, tenant_id, draft_id)"
            + " VALUES (?, 'PENDING', ?, ?, ?, ?)";
        break;
      case RESCHEDULE:
        sql = "UPDATE submission_outbox SET status = 'PENDING', due_at = ?, draft_version = ?"
            + " WHERE tenant_id = ? AND draft_id = ?";
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
        ps.setObject(i++, ts(change.dueAt()));
        ps.setLong(i++, d.version());
      }
      ps.setString(i++, d.tenantId());
      ps.setString(i, d.draftId());
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("Draft " + d.draftId() + " has no outbox entry to " + change.kind());
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
      try (PreparedStatement ps = c.prepareStatement("SELECT draft_id, submission_key, due_at, draft_version FROM"
          + " submission_outbox WHERE tenant_id = ? AND status = 'PENDING' AND due_at <= ?"
          + " ORDER BY due_at, draft_id LIMIT ?")) {
        ps.setString(1, tenant.tenantId());
        ps.setObject(2, ts(now));
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new PendingSubmission(rs.getString(1), rs.getString(2), instant(rs, 3),
                rs.getLong(4)));
          }
        }
      }
      return List.copyOf(out);
    });
  }

  @Override
  public List<AuditEvent> auditEvents(TenantContext tenant) {
    return inTenant(tenant, "Reading the audit log", true, c -> PostgresAudit.read(c, tenant));
  }

  @Override
  public List<AuditEvent> auditEvents(TenantContext tenant, String draftId) {
    Objects.requireNonNull(draftId, "draftId");
    return inTenant(tenant, "Reading the audit log of draft " + draftId, true,
        c -> PostgresAudit.read(c, tenant, draftId));
  }

  @Override
  public AuditVerification verifyAudit(TenantContext tenant) {
    return inTenant(tenant, "Verifying the audit log", true, c -> {
      return PostgresAudit.verify(c, tenant);
    });
  }
}
