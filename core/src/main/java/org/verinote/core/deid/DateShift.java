package org.verinote.core.deid;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.verinote.core.PatientContext;

/**
 * The per-patient date offset: HMAC-SHA256 of the patient's identity under the host's secret, mapped to
 * {@code [-maxDays, -1] ∪ [1, maxDays]}. The same patient gets the same offset in every encounter, so intervals
 * between dates hold across visits; without the secret the offset cannot be recovered.
 */
final class DateShift {

  private final byte[] secret;
  private final int maxDays;

  DateShift(byte[] secret, int maxDays) {
    this.secret = secret.clone();
    this.maxDays = maxDays;
  }

  int maxDays() {
    return maxDays;
  }

  int offsetDays(String encounterId, PatientContext c) {
    StringBuilder identity = new StringBuilder();
    c.familyName().ifPresent(f -> identity.append(KnownIdentifiers.lower(f)));
    identity.append('|');
    c.givenNames().forEach(g -> identity.append(KnownIdentifiers.lower(g)).append(' '));
    identity.append('|');
    c.birthDate().ifPresent(identity::append);
    identity.append('|');
    c.mrn().ifPresent(identity::append);
    if (identity.length() == 3) {
      identity.append("encounter:").append(encounterId);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] h = mac.doFinal(identity.toString().getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      int magnitude = (int) Math.floorMod(v, (long) maxDays) + 1;
      return (h[8] & 1) == 0 ? magnitude : -magnitude;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** The shifted text of a date, or null if it cannot be shifted (then a token is used). */
  static String shift(DateValue value, int offsetDays) {
    LocalDate d = value.toLocalDate(2000);
    if (d == null) {
      return null;
    }
    // "January 2009" and "8/87" carry no day: the first of the month is shifted and written month-year again
    return DateRecognizer.format(value, d.plusDays(offsetDays));
  }

  @Override
  public String toString() {
    return "DateShift[maxDays=" + maxDays + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateShift s && s.maxDays == maxDays && Arrays.equals(s.secret, secret);
  }

  @Override
  public int hashCode() {
    return 31 * maxDays + Arrays.hashCode(secret);
  }
}
