package org.verinote.core.deid;

import org.verinote.core.PatientContext;

/**
 * Replaces protected health information with reversible tokens before text reaches a model.
 *
 * <p>One {@link PhiVault} per encounter holds the token mapping; it never leaves the process. Implementations
 * must be thread-safe; vaults need not be.
 */
public interface DeIdentifier {

  /**
   * A stable id recorded in provenance, e.g. {@code "safe-harbor/1"}, {@code "disabled"}.
   *
   * @return the id
   */
  String id();

  /**
   * Whether this de-identifier actually removes identifiers. {@code false} only for
   * {@link #disabled()}: provenance records it, and the egress check then refuses remote models unless the host
   * explicitly allowed raw text.
   *
   * @return {@code true} for a real de-identifier
   */
  boolean isActive();

  /**
   * Opens the vault for one encounter. Identifiers in {@code context} are caught wherever they occur, whatever the
   * recognizers find.
   *
   * @param encounterId the encounter id (tokens are unique within it)
   * @param context what the EHR knows; {@link PatientContext#empty()} if nothing
   * @return a new vault
   * @throws NullPointerException if an argument is null
   */
  PhiVault open(String encounterId, PatientContext context);

  /**
   * A de-identifier that changes nothing. For trusted in-process models and tests only; provenance records that
   * de-identification was off.
   *
   * @return the disabled de-identifier
   */
  static DeIdentifier disabled() {
    return DisabledDeIdentifier.INSTANCE;
  }
}
