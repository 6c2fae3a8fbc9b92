package org.verinote.core.deid;

import java.util.Map;
import java.util.Objects;
import org.verinote.core.PatientContext;

/** The no-op de-identifier behind {@link DeIdentifier#disabled()}. */
final class DisabledDeIdentifier implements DeIdentifier {

  static final DisabledDeIdentifier INSTANCE = new DisabledDeIdentifier();

  private DisabledDeIdentifier() {}

  @Override
  public String id() {
    return "disabled";
  }

  @Override
  public boolean isActive() {
    return false;
  }

  @Override
  public PhiVault open(String encounterId, PatientContext context) {
    Objects.requireNonNull(encounterId, "encounterId");
    Objects.requireNonNull(context, "context");
    return Vault.INSTANCE;
  }

  @Override
  public String toString() {
    return "DeIdentifier[disabled]";
  }

  private static final class Vault implements PhiVault {
    static final Vault INSTANCE = new Vault();

    @Override
    public String deidentify(String text) {
      return Objects.requireNonNull(text, "text");
    }

    @Override
    public String restore(String text) {
      return Objects.requireNonNull(text, "text");
    }

    @Override
    public void checkEgress(String outbound) {
      Objects.requireNonNull(outbound, "outbound");
    }

    @Override
    public Map<String, Integer> replacementCounts() {
      return Map.of();
    }

    @Override
    public String toString() {
      return "PhiVault[disabled]";
    }
  }
}
