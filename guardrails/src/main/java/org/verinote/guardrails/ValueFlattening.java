package org.verinote.guardrails;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Value flattening: a section whose text is a JSON fragment (an object, an array, a quoted string — what models
 * produce when they nest where a string was asked for) becomes prose: {@code {"medications": ["a", "b"]}} →
 * "Medications: a; b." Keys become labels ("blood_pressure" → "Blood pressure"), arrays become "; "-separated
 * lists, nesting becomes sentences. One {@link Severity#INFO} finding ({@code VALUE_FLATTENED}) per flattened
 * section, spanning the original text. Text that is not JSON is left alone. Nothing is dropped: every scalar of
 * the fragment is in the result.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValueFlattening implements Guardrail {

  /** The layer name. */
  public static final String NAME = "value-flattening";

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .build();

  private ValueFlattening() {}

  /** @return the layer (it has no options) */
  public static ValueFlattening create() {
    return new ValueFlattening();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    List<NoteSection> out = Layers.copy(context.note());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      NoteSection s = out.get(i);
      String t = s.text().strip();
      if (t.length() < 2 || !(t.startsWith("{") || t.startsWith("[") || (t.startsWith("\"") && t.endsWith("\"")))) {
        continue;
      }
      JsonNode node;
      try {
        node = LENIENT.readTree(t);
      } catch (JsonProcessingException e) {
        continue;
      }
      if (node == null || node.isMissingNode()) {
        continue;
      }
      String flat = flatten(node, true).strip();
      if (!flat.isEmpty() && !flat.endsWith(".")) {
        flat = flat + ".";
      }
      out.set(i, s.withText(flat, s.evidence()));
      findings.add(Finding.of(NAME, "VALUE_FLATTENED", Severity.INFO,
          "Section text was a JSON fragment; it was flattened to prose with every value kept.")
          .at(s.key(), new Span(0, s.text().length())));
    }
    return Layers.verdict(context.note(), out, findings, Map.of());
  }

  static String flatten(JsonNode n, boolean top) {
    if (n.isValueNode()) {
      return n.asText().strip();
    }
    List<String> parts = new ArrayList<>();
    if (n.isArray()) {
      for (JsonNode e : n) {
        String f = flatten(e, false);
        if (!f.isEmpty()) {
          parts.add(stripEnd(f));
        }
      }
      return String.join(top ? ". " : "; ", parts);
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String v = flatten(e.getValue(), false);
      if (v.isEmpty()) {
        continue;
      }
      String label = label(e.getKey());
      parts.add(label.isEmpty() || isGenericKey(e.getKey()) ? stripEnd(v) : label + ": " + stripEnd(v));
    }
    return String.join(". ", parts);
  }

  private static boolean isGenericKey(String k) {
    String l = k.toLowerCase(java.util.Locale.ROOT);
    return l.equals("text") || l.equals("value") || l.equals("content") || l.equals("description");
  }

  private static String stripEnd(String s) {
    String r = s.strip();
    while (r.endsWith(".")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  private static String label(String key) {
    String s = key.replace('_', ' ').replace('-', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").strip();
    if (s.isEmpty()) {
      return s;
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ValueFlattening[]";
  }
}
