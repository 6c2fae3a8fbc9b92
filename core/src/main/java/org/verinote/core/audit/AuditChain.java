package org.verinote.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The SHA-256 hash chain that makes an audit log tamper-evident.
 *
 * <p>Each event's hash covers its predecessor's hash, its own sequence number and every field of its entry, in a
 * length-prefixed canonical encoding (so no two different entries encode alike). Changing any field of any event,
 * removing an event or reordering events breaks the chain at that event, and {@link #verify} names it. A store also
 * records the chain's head (last sequence number and hash), so that removing events from the end is detected too.
 *
 * <p>Stateless and thread-safe. Cost: one SHA-256 over a few hundred bytes per event.
 */
public final class AuditChain {

  /** The "previous hash" of the first event of every chain: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /**
   * Links an entry after the current head of a chain.
   *
   * @param head the chain's last event, or {@code null} if the chain is empty
   * @param entry the entry to append
   * @return the new event, {@code head.seq() + 1}
   * @throws NullPointerException if {@code entry} is null
   * @throws IllegalArgumentException if the entry's tenant differs from the head's
   */
  public static AuditEvent link(AuditEvent head, AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (head != null && !head.entry().tenantId().equals(entry.tenantId())) {
      throw new IllegalArgumentException("Audit chains are per tenant: cannot link an entry of tenant '"
          + entry.tenantId() + "' after tenant '" + head.entry().tenantId() + "'");
    }
    long seq = head == null ? 1 : head.seq() + 1;
    String previous = head == null ? GENESIS : head.hash();
    return new AuditEvent(seq, entry, previous, hash(previous, seq, entry));
  }

  /**
   * Computes an event's hash.
   *
   * @param previousHash the predecessor's hash, or {@link #GENESIS}
   * @param seq the event's sequence number
   * @param entry the event's content
   * @return lowercase hex SHA-256
   */
  public static String hash(String previousHash, long seq, AuditEntry entry) {
    MessageDigest md = sha256();
    update(md, previousHash);
    update(md, Long.toString(seq));
    update(md, entry.tenantId());
    update(md, entry.draftId());
    update(md, entry.encounterId());
    update(md, entry.action());
    update(md, entry.actor());
    update(md, entry.at().toString());
    update(md, entry.fromState());
    update(md, entry.toState());
    update(md, Long.toString(entry.fromVersion()));
    update(md, Long.toString(entry.toVersion()));
    update(md, entry.subject());
    update(md, entry.contentHash());
    return HEX.formatHex(md.digest());
  }

  /**
   * SHA-256 of a text, for {@link AuditEntry#contentHash()}: lets an auditor prove which text an event concerned
   * without the log holding the text.
   *
   * @param text the text
   * @return lowercase hex SHA-256 of its UTF-8 bytes
   */
  public static String sha256Hex(String text) {
    return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Verifies a tenant's chain against its recorded head.
   *
   * @param events the events as stored, in ascending sequence order
   * @param headSeq the sequence number the store recorded as the chain's last, 0 if empty
   * @param headHash the hash the store recorded as the chain's last, {@link #GENESIS} if empty
   * @return every problem found, each naming the event; empty problems if the chain is intact
   */
  public static AuditVerification verify(List<AuditEvent> events, long headSeq, String headHash) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(headHash, "headHash");
    List<AuditProblem> problems = new ArrayList<>();
    long expectedSeq = 1;
    String previousHash = GENESIS;
    for (AuditEvent e : events) {
      for (long missing = expectedSeq; missing < e.seq(); missing++) {
        problems.add(new AuditProblem(missing, AuditProblem.Kind.MISSING,
            "Audit event #" + missing + " is missing (removed from the log)."));
      }
      String recomputed = hash(e.previousHash(), e.seq(), e.entry());
      if (!recomputed.equals(e.hash())) {
        problems.add(new AuditProblem(e.seq(), AuditProblem.Kind.ALTERED, "Audit event #" + e.seq() + " ("
            + e.entry().action() + " of draft " + e.entry().draftId() + ") was altered: its content no longer"
            + " matches its hash."));
      } else if (!e.previousHash().equals(previousHash)) {
        problems.add(new AuditProblem(e.seq(), AuditProblem.Kind.BROKEN_LINK, "Audit event #" + e.seq() + " ("
            + e.entry().action() + " of draft " + e.entry().draftId() + ") does not follow the event before it:"
            + " events were reordered, removed or rewritten."));
      }
      previousHash = e.hash();
      expectedSeq = Math.max(expectedSeq, e.seq() + 1);
    }
    for (long missing = expectedSeq; missing <= headSeq; missing++) {
      problems.add(new AuditProblem(missing, AuditProblem.Kind.MISSING,
          "Audit event #" + missing + " is missing (the log ends before its recorded head #" + headSeq + ")."));
    }
    if (expectedSeq - 1 > headSeq) {
      problems.add(new AuditProblem(headSeq + 1, AuditProblem.Kind.BROKEN_LINK, "Audit event #" + (headSeq + 1)
          + " lies beyond the recorded head #" + headSeq + ": events were added outside the store."));
    } else if (expectedSeq - 1 == headSeq && !previousHash.equals(headHash)) {
      problems.add(new AuditProblem(headSeq, AuditProblem.Kind.BROKEN_LINK, "Audit event #" + headSeq
          + " does not match the recorded head hash: the log was rewritten."));
    }
    return new AuditVerification(events.size(), problems);
  }

  private static void update(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    md.update((byte) (b.length >>> 24));
    md.update((byte) (b.length >>> 16));
    md.update((byte) (b.length >>> 8));
    md.update((byte) b.length);
    md.update(b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must support SHA-256", e);
    }
  }
}
