package org.verinote.fhir.auth;

import java.util.Optional;

/** A fixed header (or none). */
final class StaticAuth implements AuthStrategy {

  static final StaticAuth NONE = new StaticAuth(Style.NONE, null);

  private final Style style;
  private final String header;

  StaticAuth(Style style, String header) {
    this.style = style;
    this.header = header;
  }

  @Override
  public Optional<String> authorization() {
    return Optional.ofNullable(header);
  }

  @Override
  public Style style() {
    return style;
  }

  @Override
  public String toString() {
    return "AuthStrategy[" + style + "]";
  }
}
