package org.verinote.core;

/**
 * A mutating review call named a version that is no longer current: another request changed the draft first
 * (optimistic locking).
 *
 * <p>Message: {@code "Version conflict: expected 5, got 6. The draft was changed by another request; refresh and
 * retry."} Not retriable as is: read the draft again, then retry with the new version.
 */
public final class VersionConflictException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long actual;

  /**
   * Creates the exception.
   *
   * @param expected the version the caller sent
   * @param actual the version the store holds
   */
  public VersionConflictException(long expected, long actual) {
    super("Version conflict: expected " + expected + ", got " + actual
        + ". The draft was changed by another request; refresh and retry.", null);
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * The version the caller sent.
   *
   * @return the expected version
   */
  public long expected() {
    return expected;
  }

  /**
   * The version the store holds.
   *
   * @return the actual, current version
   */
  public long actual() {
    return actual;
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
