package org.verinote.otel.leak;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verinote.core.PatientContext;
import org.verinote.core.PhiEgressException;
import org.verinote.core.deid.DeIdentifier;
import org.verinote.core.deid.PhiVault;

/**
 * A test de-identifier that replaces the identifiers the EHR supplied (names, MRN, phones, emails, birth date,
 * address) with tokens. The {@code leaky} variant "misses" phone numbers so that the egress check refuses.
 */
final class KnownIdentifierDeIdentifier implements DeIdentifier {

  private final boolean leaky;

  KnownIdentifierDeIdentifier(boolean leaky) {
    this.leaky = leaky;
  }

  @Override
  public String id() {
    return leaky ? "test-known-leaky/1" : "test-known/1";
  }

  @Override
  public boolean isActive() {
    return true;
  }

  @Override
  public PhiVault open(String encounterId, PatientContext c) {
    Map<String, String> byValue = new LinkedHashMap<>();
    c.givenNames().forEach(v -> byValue.put(v, "PATIENT"));
    c.familyName().ifPresent(v -> byValue.put(v, "PATIENT"));
    c.mrn().ifPresent(v -> byValue.put(v, "MRN"));
    c.phones().forEach(v -> byValue.put(v, "PHONE"));
    c.emails().forEach(v -> byValue.put(v, "EMAIL"));
    c.addressLines().forEach(v -> byValue.put(v, "ADDRESS"));
    c.birthDate().ifPresent(d -> {
      byValue.put(d.toString(), "DATE");
      byValue.put(d.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), "DATE");
    });
    return new Vault(byValue, leaky);
  }

  private static final class Vault implements PhiVault {
    private final Map<String, String> typeByValue;
    private final Map<String, String> tokenByValue = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final boolean leaky;

    Vault(Map<String, String> typeByValue, boolean leaky) {
      this.typeByValue = typeByValue;
      this.leaky = leaky;
    }

    @Override
    public String deidentify(String text) {
      String out = text;
      for (Map.Entry<String, String> e : typeByValue.entrySet()) {
        if ((leaky && e.getValue().equals("PHONE")) || !out.contains(e.getKey())) {
          continue;
        }
        String token = tokenByValue.computeIfAbsent(e.getKey(),
            k -> "[" + e.getValue() + "_" + (tokenByValue.size() + 1) + "]");
        counts.merge(e.getValue(), 1, Integer::sum);
        out = out.replace(e.getKey(), token);
      }
      return out;
    }

    @Override
    public String restore(String text) {
      String out = text;
      for (Map.Entry<String, String> e : tokenByValue.entrySet()) {
        out = out.replace(e.getValue(), e.getKey());
      }
      return out;
    }

    @Override
    public void checkEgress(String outbound) {
      List<String> types = new ArrayList<>();
      for (Map.Entry<String, String> e : typeByValue.entrySet()) {
        if (outbound.contains(e.getKey())) {
          types.add(e.getValue());
        }
      }
      if (!types.isEmpty()) {
        throw new PhiEgressException("Egress refused: " + types.size() + " identifier(s) of type(s) " + types
            + " remain in the outbound text; nothing was sent.");
      }
    }

    @Override
    public Map<String, Integer> replacementCounts() {
      return Map.copyOf(counts);
    }

    @Override
    public String toString() {
      return "Vault[identifiers=" + typeByValue.size() + "]";
    }
  }
}
