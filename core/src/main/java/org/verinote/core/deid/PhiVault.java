package org.verinote.core.deid;

import java.util.Map;
import org.verinote.core.PhiEgressException;

/**
 * The per-encounter mapping between tokens and the identifiers they replace.
 *
 * <p>Created by {@link DeIdentifier#open}; lives only in memory for the duration of one structuring call. Not
 * required to be thread-safe. {@link #toString()} prints counts only.
 */
public interface PhiVault {

  /**
   * Replaces identifiers in {@code text} with tokens, reusing the token of an entity seen before in this vault.
   *
   * @param text text that may hold PHI
   * @return the de-identified text
   * @throws NullPointerException if {@code text} is null
   */
  String deidentify(String text);

  /**
   * Replaces tokens this vault issued with the original identifiers, tolerating what models do to tokens (dropped
   * brackets, changed case, a token split across lines). Token-like strings this vault did not issue are left as
   * they are.
   *
   * @param text model output
   * @return the restored text
   * @throws NullPointerException if {@code text} is null
   */
  String restore(String text);

  /**
   * The fail-closed egress check: an independent scan of outbound text for every identifier this vault knows and
   * every high-confidence recognizer hit.
   *
   * @param outbound the exact text about to leave the process
   * @throws PhiEgressException if any identifier remains; the message has types and counts only
   */
  void checkEgress(String outbound);

  /**
   * How many identifiers were replaced so far, by type (e.g. {@code PATIENT -> 3, DATE -> 2}).
   *
   * @return an unmodifiable snapshot
   */
  Map<String, Integer> replacementCounts();
}
