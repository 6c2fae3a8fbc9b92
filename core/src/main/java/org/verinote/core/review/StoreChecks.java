package org.verinote.core.review;

import java.util.Objects;
import org.verinote.core.NotFoundException;
import org.verinote.core.audit.AuditEntry;

/** Argument checks shared by the built-in stores: the SPI contract, enforced the same way in each. */
final class StoreChecks {

  private StoreChecks() {}

  static NotFoundException notFound(String draftId) {
    return new NotFoundException("No review draft '" + draftId + "' for this tenant.");
  }

  static void checkCreate(TenantContext tenant, ReviewDraft draft, AuditEntry created) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(created, "created");
    checkTenant(tenant, draft, created);
    if (draft.version() != 1 || created.toVersion() != 1) {
      throw new IllegalArgumentException("A new draft has version 1, got " + draft.version());
    }
  }

  static void checkUpdate(TenantContext tenant, long expectedVersion, ReviewDraft next, AuditEntry event,
      OutboxChange outbox) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(outbox, "outbox");
    checkTenant(tenant, next, event);
    if (next.version() != expectedVersion + 1 || event.toVersion() != next.version()) {
      throw new IllegalArgumentException("An update writes version " + (expectedVersion + 1) + ", got draft v"
          + next.version() + " and event v" + event.toVersion());
    }
    if (outbox.kind() == OutboxChange.Kind.ENQUEUE && next.submissionKey().isEmpty()) {
      throw new IllegalArgumentException("Enqueuing a submission needs a draft with a submission key");
    }
  }

  /** The AI note, raw output and earlier edits are immutable; edits only grow. */
  static void checkAppendOnly(ReviewDraft current, ReviewDraft next) {
    if (!current.aiNote().equals(next.aiNote()) || !current.rawModelOutput().equals(next.rawModelOutput())) {
      throw new IllegalArgumentException("Draft " + current.draftId() + ": the AI note and raw model output are"
          + " never overwritten");
    }
    if (next.edits().size() < current.edits().size()
        || !next.edits().subList(0, current.edits().size()).equals(current.edits())) {
      throw new IllegalArgumentException("Draft " + current.draftId() + ": edits are append-only");
    }
  }

  private static void checkTenant(TenantContext tenant, ReviewDraft draft, AuditEntry event) {
    if (!tenant.tenantId().equals(draft.tenantId()) || !tenant.tenantId().equals(event.tenantId())) {
      throw new IllegalArgumentException("Tenant context '" + tenant.tenantId() + "' does not match the draft's"
          + " tenant '" + draft.tenantId() + "' or the event's '" + event.tenantId() + "'");
    }
    if (!draft.draftId().equals(event.draftId())) {
      throw new IllegalArgumentException("The audit entry names draft " + event.draftId() + ", not "
          + draft.draftId());
    }
  }
}
