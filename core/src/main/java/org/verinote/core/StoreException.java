package org.verinote.core;

/**
 * A review store (a database) could not be read or written: the connection failed, a statement was refused, a
 * transaction was aborted. {@link #isRetriable()} is {@code true} for connection failures and for transactions the
 * database aborted because of concurrency (serialization failures, deadlocks), which succeed when repeated.
 *
 * <p>The message names the operation and the SQLState, never clinical text.
 */
public final class StoreException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final boolean retriable;

  /**
   * Creates the exception.
   *
   * @param message what failed, with ids only
   * @param sqlState the SQLState of the database error, or {@code null}
   * @param retriable whether repeating the operation may succeed
   * @param cause the underlying error
   */
  public StoreException(String message, String sqlState, boolean retriable, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.retriable = retriable;
  }

  /**
   * The SQLState of the database error.
   *
   * @return the state, or {@code null} if there was none
   */
  public String sqlState() {
    return sqlState;
  }

  @Override
  public boolean isRetriable() {
    return retriable;
  }
}
