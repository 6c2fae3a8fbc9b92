package org.verinote.core.audit;

import java.util.Objects;

/**
 * One link of a tenant's audit chain: an {@link AuditEntry} with its position and hashes.
 *
 * <p>{@code hash = SHA-256(previousHash ‖ canonical(seq, entry))}, see {@link AuditChain}. Immutable.
 *
 * @param seq the position in the tenant's chain, from 1, without gaps
 * @param entry what happened
 * @param previousHash the hash of event {@code seq - 1}, or {@link AuditChain#GENESIS} for the first event
 * @param hash this event's hash, lowercase hex
 */
public record AuditEvent(long seq, AuditEntry entry, String previousHash, String hash) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code seq < 1}
   */
  public AuditEvent {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    if (seq < 1) {
      throw new IllegalArgumentException("Audit sequence numbers start at 1, got " + seq);
    }
  }
}
