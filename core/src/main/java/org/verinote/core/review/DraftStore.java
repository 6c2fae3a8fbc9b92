package org.verinote.core.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.verinote.core.NotFoundException;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;

/**
 * Persistence for review drafts, their audit chain and the submission outbox (SPI).
 *
 * <p>Every method takes the {@link TenantContext} and sees only that tenant's data: a draft of another tenant is
 * absent ({@link Optional#empty()}, {@link NotFoundException}), never "forbidden". There is no tenant-less query.
 * Writes are atomic: the draft, its audit event (linked into the tenant's hash chain with
 * {@link org.verinote.core.audit.AuditChain#link}) and its outbox change commit together or not at all.
 *
 * <p>Implementations must be thread-safe. Built-ins: {@link #inMemory()} and {@link #postgres(DataSource)}. A new
 * implementation proves itself by extending the contract tests in core's test-jar
 * ({@code org.verinote.core.review.DraftStoreContract}).
 */
public interface DraftStore {

  /**
   * An in-memory store, for tests and single-process hosts that need no durability. Cheap; holds everything on the
   * heap.
   *
   * @return a new, empty store
   */
  static DraftStore inMemory() {
    return new InMemoryDraftStore();
  }

  /**
   * A PostgreSQL store using plain JDBC. The schema must exist ({@link PostgresSchema#migrate}); the data source must
   * connect as the application role — not the table owner, not a superuser, no {@code BYPASSRLS} — so that
   * row-level security applies. The store sets {@code app.current_tenant} per transaction. Checks the role once,
   * here.
   *
   * @param dataSource connections as the application role; the host supplies the PostgreSQL driver and pool
   * @return the store
   * @throws NullPointerException if {@code dataSource} is null
   * @throws IllegalStateException if the schema is missing or the role would bypass row-level security
   * @throws org.verinote.core.StoreException if the database cannot be reached
   */
  static DraftStore postgres(DataSource dataSource) {
    return new PostgresDraftStore(dataSource);
  }

  /**
   * Inserts a new draft (version 1) and its creation event, unless the tenant already has a draft for the same
   * encounter id and model run id — then nothing is written and the existing draft is returned (idempotent
   * structuring).
   *
   * @param tenant the tenant; must match {@code draft.tenantId()}
   * @param draft the new draft
   * @param created its creation audit entry
   * @return the stored draft: the new one, or the one that already existed
   */
  ReviewDraft create(TenantContext tenant, ReviewDraft draft, AuditEntry created);

  /**
   * Reads a draft.
   *
   * @param tenant the tenant
   * @param draftId the draft id
   * @return the draft, or empty if the tenant has no such draft
   */
  Optional<ReviewDraft> find(TenantContext tenant, String draftId);

  /**
   * Reads the tenant's drafts, oldest first.
   *
   * @param tenant the tenant
   * @return the drafts
   */
  List<ReviewDraft> list(TenantContext tenant);

  /**
   * Replaces a draft if its stored version is {@code expectedVersion}, appends the audit event and applies the
   * outbox change — atomically. New entries of {@code next.edits()} are appended; earlier edits, the AI note and the
   * raw model output are never overwritten.
   *
   * @param tenant the tenant
   * @param expectedVersion the version the caller read
   * @param next the new draft, version {@code expectedVersion + 1}
   * @param event the audit entry
   * @param outbox the outbox change
   * @return the stored draft
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   * @throws NotFoundException if the tenant has no such draft
   */
  ReviewDraft update(TenantContext tenant, long expectedVersion, ReviewDraft next, AuditEntry event,
      OutboxChange outbox);

  /**
   * Reads the outbox entries that are due.
   *
   * @param tenant the tenant
   * @param now the current time
   * @param limit the maximum number to return
   * @return due entries, oldest due first
   */
  List<PendingSubmission> dueSubmissions(TenantContext tenant, Instant now, int limit);

  /**
   * Reads the tenant's audit chain.
   *
   * @param tenant the tenant
   * @return every event, in sequence order
   */
  List<AuditEvent> auditEvents(TenantContext tenant);

  /**
   * Reads the audit events of one draft. The default filters {@link #auditEvents(TenantContext)}; stores with an
   * index override it.
   *
   * @param tenant the tenant
   * @param draftId the draft
   * @return the draft's events in sequence order; empty if the tenant has no such draft
   */
  default List<AuditEvent> auditEvents(TenantContext tenant, String draftId) {
    Objects.requireNonNull(draftId, "draftId");
    List<AuditEvent> out = new ArrayList<>();
    for (AuditEvent e : auditEvents(tenant)) {
      if (e.entry().draftId().equals(draftId)) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Verifies the tenant's audit chain against its recorded head with
   * {@link org.verinote.core.audit.AuditChain#verify}.
   *
   * @param tenant the tenant
   * @return the verification, naming every altered, removed or reordered event
   */
  AuditVerification verifyAudit(TenantContext tenant);
}
