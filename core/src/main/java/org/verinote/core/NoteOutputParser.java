package org.verinote.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns real model output into a {@link StructuredNote}: code fences, prose around the JSON, trailing commas,
 * single quotes, truncated JSON, nested objects and arrays where a string was asked for, section keys spelled as
 * titles or abbreviations, and Markdown headings instead of JSON. Stateless and thread-safe.
 */
final class NoteOutputParser {

  static final String LAYER = "output-parser";

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private static final Pattern HEADING =
      Pattern.compile("(?m)^\\s{0,3}(?:#{1,6}\\s*|\\*\\*)?([A-Za-z][A-Za-z &/()-]{1,60}?)(?:\\*\\*)?\\s*:?\\s*$");

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("cc", "chief_complaint"), Map.entry("chief_complaints", "chief_complaint"),
      Map.entry("hpi", "history_of_present_illness"), Map.entry("history", "history_of_present_illness"),
      Map.entry("history_of_present_illness_hpi", "history_of_present_illness"),
      Map.entry("ros", "review_of_systems"), Map.entry("exam", "physical_exam"),
      Map.entry("physical_examination", "physical_exam"), Map.entry("pe", "physical_exam"),
      Map.entry("result", "results"), Map.entry("labs", "results"), Map.entry("findings", "results"),
      Map.entry("assessment_plan", "assessment_and_plan"), Map.entry("a_p", "assessment_and_plan"),
      Map.entry("ap", "assessment_and_plan"), Map.entry("a_and_p", "assessment_and_plan"), Map.entry("impression_and_plan", "assessment_and_plan"),
      Map.entry("s", "subjective"), Map.entry("o", "objective"), Map.entry("a", "assessment"),
      Map.entry("p", "plan"), Map.entry("impression", "assessment"));

  private NoteOutputParser() {}

  /** The parse outcome: a note with findings, or a failure message (no PHI). */
  record Parsed(StructuredNote note, List<Finding> findings, String failure) {
    boolean ok() {
      return note != null;
    }
  }

  static Parsed parse(String raw, NoteTemplate template) {
    if (raw == null || raw.isBlank()) {
      return new Parsed(null, List.of(), "The model returned empty output.");
    }
    List<Finding> findings = new ArrayList<>();
    JsonNode json = extractJson(raw, findings);
    Map<String, String> bySection = new LinkedHashMap<>();
    if (json != null && json.isObject()) {
      JsonNode root = json;
      JsonNode nested = firstPresent(json, "sections", "note", "soap", "output");
      if (nested != null && (nested.isObject() || nested.isArray())) {
        root = nested;
      }
      if (root.isArray()) {
        for (JsonNode item : root) {
          if (item.isObject()) {
            JsonNode k = firstPresent(item, "key", "section", "title", "name");
            JsonNode t = firstPresent(item, "text", "content", "value", "body");
            if (k != null && t != null) {
              assign(template, k.asText(), flatten(t), bySection, findings);
            }
          }
        }
      } else {
        for (Map.Entry<String, JsonNode> e : root.properties()) {
          assign(template, e.getKey(), flatten(e.getValue()), bySection, findings);
        }
      }
    } else {
      parseHeadings(raw, template, bySection, findings);
    }
    if (bySection.isEmpty()) {
      return new Parsed(null, findings, json == null
          ? "The model output is neither JSON nor a note with section headings (" + raw.length() + " characters)."
          : "The model output is JSON but has none of the template's " + template.sections().size()
              + " sections.");
    }
    List<NoteSection> sections = new ArrayList<>();
    for (SectionSpec s : template.sections()) {
      String text = bySection.getOrDefault(s.key(), "");
      if (!bySection.containsKey(s.key())) {
        findings.add(Finding.of(LAYER, "MISSING_SECTION", Severity.INFO,
            "The model output had no '" + s.key() + "' section; it is left empty.").at(s.key(), null));
      }
      String deduped = Repetition.collapse(text.strip());
      if (deduped.length() < text.strip().length()) {
        findings.add(Finding.of(LAYER, "REPEATED_TEXT", Severity.WARNING, "The model repeated itself in '"
            + s.key() + "'; " + (text.strip().length() - deduped.length()) + " repeated characters were removed.")
            .at(s.key(), null));
      }
      sections.add(new NoteSection(s.key(), s.title(), deduped, List.of()));
    }
    return new Parsed(StructuredNote.of(template.id(), template.version(), sections), findings, null);
  }

  private static JsonNode firstPresent(JsonNode n, String... names) {
    for (String name : names) {
      JsonNode v = n.get(name);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return null;
  }

  private static void assign(NoteTemplate template, String rawKey, String text, Map<String, String> out,
      List<Finding> findings) {
    String key = matchKey(template, rawKey);
    if (key == null) {
      findings.add(Finding.of(LAYER, "UNKNOWN_SECTION", Severity.WARNING, "The model output had a section the"
          + " template does not know (" + text.length() + " characters); it is kept only in the raw output."));
      return;
    }
    out.merge(key, text, (a, b) -> a.isBlank() ? b : b.isBlank() ? a : a + "\n" + b);
  }

  static String matchKey(NoteTemplate template, String rawKey) {
    String k = rawKey.strip().toLowerCase(Locale.ROOT).replace("&", "_and_").replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    for (SectionSpec s : template.sections()) {
      String title = s.title().toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "_");
      if (s.key().equals(k) || title.equals(k)) {
        return s.key();
      }
    }
    String alias = ALIASES.get(k);
    if (alias == null && k.startsWith("assessment") && k.contains("plan")) {
      alias = "assessment_and_plan";
    }
    if (alias != null && template.section(alias).isPresent()) {
      return alias;
    }
    return null;
  }

  /** Flattens any JSON value to readable text: objects become "Key: value." lines, arrays one item per line. */
  static String flatten(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    StringBuilder sb = new StringBuilder();
    if (v.isArray()) {
      for (JsonNode item : v) {
        String t = flatten(item).strip();
        if (!t.isEmpty()) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(t);
        }
      }
      return sb.toString();
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String t = flatten(e.getValue()).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      String label = e.getKey().replace('_', ' ').strip();
      if (!label.isEmpty()) {
        label = Character.toUpperCase(label.charAt(0)) + label.substring(1);
      }
      sb.append(label).append(": ").append(t);
      if (!t.endsWith(".")) {
        sb.append('.');
      }
    }
    return sb.toString();
  }

  private static JsonNode extractJson(String raw, List<Finding> findings) {
    String s = raw;
    int fence = s.indexOf("```");
    if (fence >= 0) {
      int nl = s.indexOf('\n', fence);
      int close = nl < 0 ? -1 : s.indexOf("```", nl);
      s = nl < 0 ? s : close < 0 ? s.substring(nl + 1) : s.substring(nl + 1, close);
    }
    int start = s.indexOf('{');
    if (start < 0) {
      return null;
    }
    int end = s.lastIndexOf('}');
    if (end > start) {
      JsonNode n = tryRead(s.substring(start, end + 1));
      if (n != null) {
        return n;
      }
    }
    String repaired = repairTruncated(s.substring(start));
    JsonNode n = tryRead(repaired);
    if (n != null) {
      findings.add(Finding.of(LAYER, "TRUNCATED_OUTPUT", Severity.WARNING,
          "The model output was cut off; the last section may be incomplete."));
    }
    return n;
  }

  private static JsonNode tryRead(String s) {
    try {
      return LENIENT.readTree(s);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /** Closes an open string and every open bracket of JSON that was cut off. Linear time. */
  static String repairTruncated(String s) {
    StringBuilder stack = new StringBuilder();
    boolean inString = false;
    boolean escape = false;
    char quote = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '{' || c == '[') {
        stack.append(c);
      } else if ((c == '}' || c == ']') && stack.length() > 0) {
        stack.setLength(stack.length() - 1);
      }
    }
    StringBuilder out = new StringBuilder(s);
    if (escape) {
      out.setLength(out.length() - 1);
    }
    if (inString) {
      out.append(quote);
    }
    String trimmed = out.toString().stripTrailing();
    out.setLength(0);
    out.append(trimmed);
    // a dangling key without value: "key": → "key": ""
    if (trimmed.endsWith(":")) {
      out.append("\"\"");
    }
    for (int i = stack.length() - 1; i >= 0; i--) {
      out.append(stack.charAt(i) == '{' ? '}' : ']');
    }
    return out.toString();
  }

  private static void parseHeadings(String raw, NoteTemplate template, Map<String, String> out,
      List<Finding> findings) {
    Matcher m = HEADING.matcher(raw);
    String currentKey = null;
    int bodyStart = 0;
    while (m.find()) {
      String key = matchKey(template, m.group(1));
      if (key == null) {
        continue;
      }
      if (currentKey != null) {
        assign(template, currentKey, raw.substring(bodyStart, m.start()).strip(), out, findings);
      }
      currentKey = key;
      bodyStart = m.end();
    }
    if (currentKey != null) {
      assign(template, currentKey, raw.substring(bodyStart).strip(), out, findings);
    }
  }
}
