package org.verinote.core;

/**
 * The requested object does not exist for the caller's tenant. A draft of another tenant is reported exactly like
 * a draft that does not exist, so that tenants cannot probe each other's ids.
 */
public final class NotFoundException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was looked for, by id; never PHI
   */
  public NotFoundException(String message) {
    super(message, null);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
