package org.verinote.fhir.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Scripted faults for {@link FhirTestServer}: answer the next matching requests with an error status before the
 * server sees them, or stall after a create has been stored (the client times out although the write happened).
 * Thread-safe.
 */
public final class FaultPlan {

  private record Immediate(String method, String type, int status) {}

  private record Stall(String type, Duration duration) {}

  private final Deque<Immediate> immediate = new ArrayDeque<>();
  private final Deque<Stall> stalls = new ArrayDeque<>();
  private volatile String requiredBearer;

  /**
   * Answers the next {@code times} requests of this method and resource type with {@code status} and an
   * OperationOutcome.
   *
   * @param method e.g. {@code POST}
   * @param type e.g. {@code DocumentReference}
   * @param status the HTTP status
   * @param times how many requests
   * @return this plan
   */
  public synchronized FaultPlan respond(String method, String type, int status, int times) {
    for (int i = 0; i < times; i++) {
      immediate.add(new Immediate(method, type, status));
    }
    return this;
  }

  /**
   * After the next create of this type is stored, sleeps before answering.
   *
   * @param type the resource type
   * @param duration how long
   * @return this plan
   */
  public synchronized FaultPlan stallAfterStore(String type, Duration duration) {
    stalls.add(new Stall(type, duration));
    return this;
  }

  /**
   * Requires {@code Authorization: Bearer token} on every request (401 otherwise); null turns the check off.
   *
   * @param token the token
   * @return this plan
   */
  public FaultPlan requireBearer(String token) {
    this.requiredBearer = token;
    return this;
  }

  /** Forgets every scripted fault. */
  public synchronized void clear() {
    immediate.clear();
    stalls.clear();
    requiredBearer = null;
  }

  String requiredBearer() {
    return requiredBearer;
  }

  synchronized int takeImmediate(String method, String type) {
    for (Iterator<Immediate> it = immediate.iterator(); it.hasNext(); ) {
      Immediate f = it.next();
      if (f.method().equalsIgnoreCase(method) && f.type().equals(type)) {
        it.remove();
        return f.status();
      }
    }
    return 0;
  }

  void afterStore(String type) {
    Duration d = null;
    synchronized (this) {
      for (Iterator<Stall> it = stalls.iterator(); it.hasNext(); ) {
        Stall s = it.next();
        if (s.type().equals(type)) {
          it.remove();
          d = s.duration();
          break;
        }
      }
    }
    if (d != null) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
