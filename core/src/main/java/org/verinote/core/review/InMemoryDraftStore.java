package org.verinote.core.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.verinote.core.VersionConflictException;
import org.verinote.core.audit.AuditChain;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;

/** {@link DraftStore#inMemory()}: one partition per tenant, each guarded by its own monitor. */
final class InMemoryDraftStore implements DraftStore {

  /** One tenant's data. Guarded by itself. */
  private static final class Partition {
    final Map<String, ReviewDraft> drafts = new LinkedHashMap<>();
    final Map<String, String> byRun = new HashMap<>();
    final List<AuditEvent> audit = new ArrayList<>();
    final Map<String, Outbox> outbox = new LinkedHashMap<>();
  }

  private static final class Outbox {
    final String submissionKey;
    Instant dueAt;
    long draftVersion;
    boolean open = true;

    Outbox(String submissionKey, Instant dueAt, long draftVersion) {
      this.submissionKey = submissionKey;
      this.dueAt = dueAt;
      this.draftVersion = draftVersion;
    }
  }

  private final Map<String, Partition> partitions = new HashMap<>();

  /** The tenant's partition, created on its first write. */
  private Partition partition(TenantContext tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (partitions) {
      return partitions.computeIfAbsent(tenant.tenantId(), k -> new Partition());
    }
  }

  /** The tenant's partition for a read; a fresh empty one (not kept) if the tenant never wrote. */
  private Partition readPartition(TenantContext tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (partitions) {
      Partition p = partitions.get(tenant.tenantId());
      return p == null ? new Partition() : p;
    }
  }

  @Override
  public ReviewDraft create(TenantContext tenant, ReviewDraft draft, AuditEntry created) {
    StoreChecks.checkCreate(tenant, draft, created);
    Partition p = partition(tenant);
    synchronized (p) {
      String runKey = draft.encounterId() + '\u0000' + draft.modelRunId();
      String existing = p.byRun.get(runKey);
      if (existing != null) {
        return p.drafts.get(existing);
      }
      if (p.drafts.containsKey(draft.draftId())) {
        throw new IllegalStateException("Draft id " + draft.draftId() + " already exists for another run");
      }
      p.drafts.put(draft.draftId(), draft);
      p.byRun.put(runKey, draft.draftId());
      p.audit.add(AuditChain.link(p.audit.isEmpty() ? null : p.audit.get(p.audit.size() - 1), created));
      return draft;
    }
  }

  @Override
  public Optional<ReviewDraft> find(TenantContext tenant, String draftId) {
    Objects.requireNonNull(draftId, "draftId");
    Partition p = readPartition(tenant);
    synchronized (p) {
      return Optional.ofNullable(p.drafts.get(draftId));
    }
  }

  @Override
  public List<ReviewDraft> list(TenantContext tenant) {
    Partition p = readPartition(tenant);
    synchronized (p) {
      List<ReviewDraft> out = new ArrayList<>(p.drafts.values());
      out.sort(Comparator.comparing(ReviewDraft::createdAt).thenComparing(ReviewDraft::draftId));
      return List.copyOf(out);
    }
  }

  @Override
  public ReviewDraft update(TenantContext tenant, long expectedVersion, ReviewDraft next, AuditEntry event,
      OutboxChange outbox) {
    StoreChecks.checkUpdate(tenant, expectedVersion, next, event, outbox);
    Partition p = partition(tenant);
    synchronized (p) {
      ReviewDraft current = p.drafts.get(next.draftId());
      if (current == null) {
        throw StoreChecks.notFound(next.draftId());
      }
      if (current.version() != expectedVersion) {
        throw new VersionConflictException(expectedVersion, current.version());
      }
      StoreChecks.checkAppendOnly(current, next);
      switch (outbox.kind()) {
        case ENQUEUE:
          p.outbox.put(next.draftId(), new Outbox(next.submissionKey().orElseThrow(), outbox.dueAt(),
              next.version()));
          break;
        case RESCHEDULE:
          Outbox o = outboxOf(p, next.draftId());
          o.dueAt = outbox.dueAt();
          o.draftVersion = next.version();
          o.open = true;
          break;
        case COMPLETE:
        case PARK:
          outboxOf(p, next.draftId()).open = false;
          break;
        default:
          break;
      }
      p.drafts.put(next.draftId(), next);
      p.audit.add(AuditChain.link(p.audit.isEmpty() ? null : p.audit.get(p.audit.size() - 1), event));
      return next;
    }
  }

  private static Outbox outboxOf(Partition p, String draftId) {
    Outbox o = p.outbox.get(draftId);
    if (o == null) {
      throw new IllegalStateException("Draft " + draftId + " has no outbox entry");
    }
    return o;
  }

  @Override
  public List<PendingSubmission> dueSubmissions(TenantContext tenant, Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    Partition p = readPartition(tenant);
    synchronized (p) {
      List<PendingSubmission> due = new ArrayList<>();
      for (Map.Entry<String, Outbox> e : p.outbox.entrySet()) {
        Outbox o = e.getValue();
        if (o.open && !o.dueAt.isAfter(now)) {
          due.add(new PendingSubmission(e.getKey(), o.submissionKey, o.dueAt, o.draftVersion));
        }
      }
      due.sort(Comparator.comparing(PendingSubmission::dueAt).thenComparing(PendingSubmission::draftId));
      return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }
  }

  @Override
  public List<AuditEvent> auditEvents(TenantContext tenant) {
    Partition p = readPartition(tenant);
    synchronized (p) {
      return List.copyOf(p.audit);
    }
  }

  @Override
  public AuditVerification verifyAudit(TenantContext tenant) {
    Partition p = readPartition(tenant);
    synchronized (p) {
      AuditEvent head = p.audit.isEmpty() ? null : p.audit.get(p.audit.size() - 1);
      return AuditChain.verify(List.copyOf(p.audit), head == null ? 0 : head.seq(),
          head == null ? AuditChain.GENESIS : head.hash());
    }
  }
}
