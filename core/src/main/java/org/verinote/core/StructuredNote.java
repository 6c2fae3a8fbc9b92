package org.verinote.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A clinical note laid out by a {@link NoteTemplate}: its sections in template order, each with text and evidence.
 *
 * <p>Immutable and thread-safe. Renders to Markdown ({@link #toMarkdown()}) and plain text
 * ({@link #toPlainText()}), and round-trips through JSON ({@link #toJson()}, {@link #fromJson(String)}).
 * {@link #toString()} prints the template and sizes only.
 */
public final class StructuredNote {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String templateId;
  private final String templateVersion;
  private final List<NoteSection> sections;

  private StructuredNote(String templateId, String templateVersion, List<NoteSection> sections) {
    this.templateId = templateId;
    this.templateVersion = templateVersion;
    this.sections = sections;
  }

  /**
   * Creates a note from sections.
   *
   * @param templateId the template's id
   * @param templateVersion the template's version
   * @param sections the sections in order
   * @return the note
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if two sections share a key
   */
  public static StructuredNote of(String templateId, String templateVersion, List<NoteSection> sections) {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(templateVersion, "templateVersion");
    List<NoteSection> copy = List.copyOf(Objects.requireNonNull(sections, "sections"));
    for (int i = 0; i < copy.size(); i++) {
      for (int j = i + 1; j < copy.size(); j++) {
        if (copy.get(i).key().equals(copy.get(j).key())) {
          throw new IllegalArgumentException("Duplicate section key '" + copy.get(i).key() + "'");
        }
      }
    }
    return new StructuredNote(templateId, templateVersion, copy);
  }

  /**
   * An empty note for a template: every section present with empty text.
   *
   * @param template the template
   * @return the note
   */
  public static StructuredNote empty(NoteTemplate template) {
    List<NoteSection> s = new ArrayList<>();
    for (SectionSpec spec : template.sections()) {
      s.add(new NoteSection(spec.key(), spec.title(), "", List.of()));
    }
    return new StructuredNote(template.id(), template.version(), List.copyOf(s));
  }

  /** @return the id of the template the note follows */
  public String templateId() {
    return templateId;
  }

  /** @return the version of the template the note follows */
  public String templateVersion() {
    return templateVersion;
  }

  /** @return the sections in order */
  public List<NoteSection> sections() {
    return sections;
  }

  /**
   * Finds a section by key.
   *
   * @param key the section key
   * @return the section, or empty
   */
  public Optional<NoteSection> section(String key) {
    for (NoteSection s : sections) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * A copy with one section replaced (matched by key).
   *
   * @param section the new section
   * @return the new note
   * @throws IllegalArgumentException if the note has no section with that key
   */
  public StructuredNote withSection(NoteSection section) {
    Objects.requireNonNull(section, "section");
    List<NoteSection> out = new ArrayList<>(sections.size());
    boolean found = false;
    for (NoteSection s : sections) {
      if (s.key().equals(section.key())) {
        out.add(section);
        found = true;
      } else {
        out.add(s);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("Note has no section '" + section.key() + "'");
    }
    return new StructuredNote(templateId, templateVersion, List.copyOf(out));
  }

  /**
   * Whether every section is empty.
   *
   * @return {@code true} if the note has no text
   */
  public boolean isEmpty() {
    for (NoteSection s : sections) {
      if (!s.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Renders the note as Markdown: one {@code ## Title} heading per section, empty sections shown as
   * "<em>Not discussed.</em>"
   *
   * @return the Markdown text
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    for (NoteSection s : sections) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("## ").append(s.title()).append("\n\n");
      sb.append(s.isEmpty() ? "_Not discussed._" : s.text().strip()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Renders the note as plain text: upper-case section headings on their own line (the ACI-Bench layout), empty
   * sections omitted.
   *
   * @return the plain text
   */
  public String toPlainText() {
    StringBuilder sb = new StringBuilder();
    for (NoteSection s : sections) {
      if (s.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(s.title().toUpperCase(java.util.Locale.ROOT)).append("\n\n").append(s.text().strip()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Serialises the note to JSON: {@code {"template":…,"template_version":…,"sections":[{"key","title","text",
   * "evidence":[{"turn","start","end","score"}]}]}}.
   *
   * @return the JSON text
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toJsonNode());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise note", e);
    }
  }

  /**
   * The note as a Jackson tree, for embedding in a larger document.
   *
   * @return a new object node
   */
  ObjectNode toJsonNode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("template", templateId);
    root.put("template_version", templateVersion);
    ArrayNode arr = root.putArray("sections");
    for (NoteSection s : sections) {
      ObjectNode n = arr.addObject();
      n.put("key", s.key());
      n.put("title", s.title());
      n.put("text", s.text());
      ArrayNode ev = n.putArray("evidence");
      for (Evidence e : s.evidence()) {
        ObjectNode en = ev.addObject();
        en.put("turn", e.turnIndex());
        en.put("start", e.start());
        en.put("end", e.end());
        en.put("score", e.score());
      }
    }
    return root;
  }

  /**
   * Parses JSON written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the note
   * @throws NullPointerException if {@code json} is null
   * @throws InvalidInputException if the text is not JSON of that shape; the message names the first problem
   */
  public static StructuredNote fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("Note JSON is malformed at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ".", e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("Note JSON must be an object with 'template' and 'sections'.");
    }
    String template = requireText(root, "template");
    String version = root.hasNonNull("template_version") ? root.get("template_version").asText() : "1";
    JsonNode arr = root.get("sections");
    if (arr == null || !arr.isArray()) {
      throw new InvalidInputException("Note JSON needs a 'sections' array.");
    }
    List<NoteSection> sections = new ArrayList<>();
    int i = 0;
    for (JsonNode n : arr) {
      if (!n.isObject()) {
        throw new InvalidInputException("Note JSON section " + i + " is not an object.");
      }
      List<Evidence> ev = new ArrayList<>();
      JsonNode evs = n.get("evidence");
      if (evs != null && evs.isArray()) {
        for (JsonNode e : evs) {
          try {
            ev.add(new Evidence(e.path("turn").asInt(-1), e.path("start").asInt(-1), e.path("end").asInt(-1),
                e.path("score").asDouble(1.0)));
          } catch (IllegalArgumentException bad) {
            throw new InvalidInputException("Note JSON section " + i + " has invalid evidence: "
                + bad.getMessage(), bad);
          }
        }
      }
      sections.add(new NoteSection(requireText(n, "key"), requireText(n, "title"),
          n.hasNonNull("text") ? n.get("text").asText() : "", ev));
      i++;
    }
    try {
      return of(template, version, sections);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Note JSON is invalid: " + e.getMessage(), e);
    }
  }

  private static String requireText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new InvalidInputException("Note JSON needs a string field '" + field + "'.");
    }
    return v.asText();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructuredNote n && templateId.equals(n.templateId)
        && templateVersion.equals(n.templateVersion) && sections.equals(n.sections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(templateId, templateVersion, sections);
  }

  @Override
  public String toString() {
    int chars = 0;
    int filled = 0;
    for (NoteSection s : sections) {
      chars += s.text().length();
      filled += s.isEmpty() ? 0 : 1;
    }
    return "StructuredNote[" + templateId + "@" + templateVersion + ", sections=" + filled + "/" + sections.size()
        + ", chars=" + chars + "]";
  }
}
