package org.verinote.core.record;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the EHR says about an encounter: its reference, its patient, its period and status.
 *
 * @param encounterRef the EHR's encounter reference, e.g. {@code Encounter/7}
 * @param patientRef the EHR's patient reference, or {@code null}
 * @param start when it started, or {@code null}
 * @param end when it ended, or {@code null}
 * @param status the EHR's status code (e.g. {@code finished}), or {@code null}
 */
public record EncounterContext(String encounterRef, String patientRef, Instant start, Instant end, String status) {

  /**
   * Validates.
   *
   * @throws NullPointerException if {@code encounterRef} is null
   */
  public EncounterContext {
    Objects.requireNonNull(encounterRef, "encounterRef");
  }

  /** @return the patient reference, if known */
  public Optional<String> patient() {
    return Optional.ofNullable(patientRef);
  }

  /** @return references and status; the encounter's dates are PHI, so only their presence is shown */
  @Override
  public String toString() {
    return "EncounterContext[" + encounterRef + ", patient=" + patientRef + ", start=" + (start != null) + ", end="
        + (end != null) + ", status=" + status + "]";
  }
}
