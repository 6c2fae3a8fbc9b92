package org.verinote.fhir.hl7;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;

/**
 * Escapes every delimiter in a value, always. HAPI's default keeps a backslash that looks like the start of a
 * formatting sequence ({@code \Z…\}, {@code \H\}…), which would turn note text containing backslashes into
 * formatting commands or drop it; clinical text is data, so nothing in it may be read as markup. Unescaping is
 * HAPI's.
 */
final class StrictEscaping implements Escaping {

  private final DefaultEscaping standard = new DefaultEscaping();

  @Override
  public String escape(String text, EncodingCharacters enc) {
    if (text == null) {
      return null;
    }
    char esc = enc.getEscapeCharacter();
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == esc) {
        sb.append(esc).append('E').append(esc);
      } else if (c == enc.getFieldSeparator()) {
        sb.append(esc).append('F').append(esc);
      } else if (c == enc.getComponentSeparator()) {
        sb.append(esc).append('S').append(esc);
      } else if (c == enc.getSubcomponentSeparator()) {
        sb.append(esc).append('T').append(esc);
      } else if (c == enc.getRepetitionSeparator()) {
        sb.append(esc).append('R').append(esc);
      } else if (c == '\r') {
        sb.append(esc).append("X0D").append(esc);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public String unescape(String text, EncodingCharacters enc) {
    return standard.unescape(text, enc);
  }
}
