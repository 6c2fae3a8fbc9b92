package org.verinote.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What one audit event says: which draft moved how, by whom and when. Ids, states, versions and hashes only —
 * never clinical text ({@link #contentHash()} is the SHA-256 of the text an event concerns, if any).
 *
 * <p>Immutable. Becomes an {@link AuditEvent} once a store links it into the tenant's chain with
 * {@link AuditChain#link(AuditEvent, AuditEntry)}.
 *
 * @param tenantId the tenant
 * @param draftId the review draft
 * @param encounterId the encounter the draft documents
 * @param action what happened, e.g. {@code DRAFT_CREATED}, {@code SECTION_EDITED}, {@code APPROVED}
 * @param actor who did it: a clinician id, or a system component such as {@code system:submission-worker}
 * @param at when, truncated to microseconds (the precision stores keep)
 * @param fromState the draft state before, or empty for a creation
 * @param toState the draft state after
 * @param fromVersion the draft version before, 0 for a creation
 * @param toVersion the draft version after
 * @param subject what inside the draft the event concerns (a section key), or empty
 * @param contentHash lowercase hex SHA-256 of the content the event concerns (new section text), or empty
 */
public record AuditEntry(String tenantId, String draftId, String encounterId, String action, String actor,
    Instant at, String fromState, String toState, long fromVersion, long toVersion, String subject,
    String contentHash) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code toVersion <= fromVersion} or {@code at} has sub-microsecond digits
   */
  public AuditEntry {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(draftId, "draftId");
    Objects.requireNonNull(encounterId, "encounterId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fromState, "fromState");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(contentHash, "contentHash");
    if (toVersion <= fromVersion) {
      throw new IllegalArgumentException(
          "An audit entry must increase the version, got " + fromVersion + " -> " + toVersion);
    }
    if (at.getNano() % 1000 != 0) {
      throw new IllegalArgumentException("Audit time must be truncated to microseconds, got " + at);
    }
  }
}
