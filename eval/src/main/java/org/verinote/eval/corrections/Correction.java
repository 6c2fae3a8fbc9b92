package org.verinote.eval.corrections;

import java.util.Objects;

/**
 * One clinician correction exported by the review workflow: the AI draft of a section and what the clinician signed.
 * One JSON object per line in the corrections file (see {@link Corrections}).
 *
 * @param tenantId the tenant
 * @param encounterId the encounter
 * @param section the template section key, e.g. {@code assessment_and_plan}
 * @param aiText the AI draft text of the section
 * @param clinicianText the text the clinician approved
 */
public record Correction(String tenantId, String encounterId, String section, String aiText, String clinicianText) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public Correction {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(encounterId, "encounterId");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(aiText, "aiText");
    Objects.requireNonNull(clinicianText, "clinicianText");
  }

  /** @return {@code tenant/encounter/section}, the case id used in runs */
  public String caseId() {
    return tenantId + "/" + encounterId + "/" + section;
  }

  /** @return whether the clinician changed the text (ignoring surrounding whitespace) */
  public boolean edited() {
    return !aiText.strip().equals(clinicianText.strip());
  }

  @Override
  public String toString() {
    return "Correction[" + caseId() + ", aiChars=" + aiText.length() + ", clinicianChars=" + clinicianText.length()
        + "]";
  }
}
