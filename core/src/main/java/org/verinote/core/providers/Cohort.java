package org.verinote.core.providers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.Predicate;
import org.verinote.core.Encounter;

/**
 * Which encounters get a candidate model version while the rest stay on the active one: a percentage of
 * encounters, chosen by a deterministic hash of tenant and encounter id (the same encounter always lands in the
 * same bucket, on every JVM, and raising the percentage only adds encounters), or a predicate of the encounter.
 *
 * <p>Immutable; thread-safe if the predicate is.
 */
public final class Cohort {

  private static final int BUCKETS = 10_000;

  private final String candidateVersion;
  private final double percent;
  private final Predicate<Encounter> predicate;
  private final String description;

  private Cohort(String candidateVersion, double percent, Predicate<Encounter> predicate, String description) {
    this.candidateVersion = Checks.notBlank(candidateVersion, "candidateVersion");
    this.percent = percent;
    this.predicate = predicate;
    this.description = description;
  }

  /**
   * A cohort of a percentage of encounters.
   *
   * @param candidateVersion the version the cohort gets
   * @param percent 0..100; resolution 0.01
   * @return the cohort
   * @throws IllegalArgumentException if out of range
   */
  public static Cohort percent(String candidateVersion, double percent) {
    if (!(percent >= 0.0 && percent <= 100.0)) {
      throw new IllegalArgumentException("percent must be in [0, 100], got " + percent);
    }
    return new Cohort(candidateVersion, percent, null, percent + "%");
  }

  /**
   * A cohort of the encounters a predicate accepts (a clinic, a template, a list of pilot clinicians).
   *
   * @param candidateVersion the version the cohort gets
   * @param description a short PHI-free description for logs, e.g. {@code "template=soap-cardiology"}
   * @param predicate which encounters belong
   * @return the cohort
   */
  public static Cohort matching(String candidateVersion, String description, Predicate<Encounter> predicate) {
    return new Cohort(candidateVersion, -1, Objects.requireNonNull(predicate, "predicate"),
        Checks.notBlank(description, "description"));
  }

  /** @return the version the cohort gets */
  public String candidateVersion() {
    return candidateVersion;
  }

  /**
   * Whether the encounter belongs to the cohort.
   *
   * @param encounter the encounter
   * @return true if it gets the candidate version
   */
  public boolean includes(Encounter encounter) {
    Objects.requireNonNull(encounter, "encounter");
    if (predicate != null) {
      return predicate.test(encounter);
    }
    return bucket(encounter.tenantId(), encounter.encounterId()) < Math.round(percent * (BUCKETS / 100.0));
  }

  /**
   * The encounter's stable bucket in 0..9999: the first 8 bytes of SHA-256(tenant, NUL, encounter id), unsigned,
   * modulo 10,000.
   */
  static int bucket(String tenantId, String encounterId) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(tenantId.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      byte[] d = md.digest(encounterId.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (d[i] & 0xFF);
      }
      return (int) Long.remainderUnsigned(v, BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "Cohort[" + candidateVersion + " for " + description + "]";
  }
}
