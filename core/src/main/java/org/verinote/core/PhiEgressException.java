package org.verinote.core;

/**
 * The egress check found protected health information in text about to leave for a model, and refused to send
 * it (fail closed). Nothing was sent.
 *
 * <p>The message names the identifier types and counts that were found, never the identifiers themselves. Not
 * retriable: the same text fails the same way; fix the de-identification configuration or the patient context.
 */
public final class PhiEgressException extends VerinoteException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the types and counts found, e.g. "2 PATIENT_NAME, 1 PHONE"; never the values
   */
  public PhiEgressException(String message) {
    super(message, null);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }
}
