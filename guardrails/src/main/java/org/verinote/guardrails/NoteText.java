package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.StructuredNote;

/**
 * Reads a finished note written as text (ACI-Bench's upper-case headings, "Heading:" lines, Markdown headings, or
 * no headings at all) into a {@link StructuredNote} whose sections follow the headings found. Stateless.
 */
final class NoteText {

  static final String TEMPLATE_ID = "audit";

  private static final Pattern UPPER_HEADING =
      Pattern.compile("^\\s*(?:#{1,6}\\s*)?\\**([A-Z][A-Z0-9 &/(),'-]{2,60}?)\\**\\s*:?\\s*(?:$|:\\s*(.*)$)");
  private static final Pattern MD_HEADING = Pattern.compile("^\\s*#{1,6}\\s+(.{1,80}?)\\s*#*\\s*$");
  private static final Pattern COLON_HEADING = Pattern.compile("^\\s*\\**([A-Z][A-Za-z &/()-]{2,50}?)\\**\\s*:\\s*$");

  private NoteText() {}

  static StructuredNote parse(String text) {
    List<String[]> sections = new ArrayList<>();
    String title = "Note";
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String heading = null;
      String rest = null;
      Matcher m = UPPER_HEADING.matcher(line);
      if (m.matches() && hasLetters(m.group(1), 3)) {
        heading = m.group(1).strip();
        rest = m.group(2);
      } else if ((m = MD_HEADING.matcher(line)).matches() || (m = COLON_HEADING.matcher(line)).matches()) {
        heading = m.group(1).strip();
      }
      if (heading != null) {
        if (body.length() > 0 && !body.toString().isBlank()) {
          sections.add(new String[] {title, body.toString()});
        }
        title = heading;
        body.setLength(0);
        if (rest != null && !rest.isBlank()) {
          body.append(rest).append('\n');
        }
      } else {
        body.append(line).append('\n');
      }
    }
    if (!body.toString().isBlank() || sections.isEmpty()) {
      sections.add(new String[] {title, body.toString()});
    }
    List<NoteSection> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (String[] s : sections) {
      String key = slug(s[0]);
      String unique = key;
      for (int i = 2; !keys.add(unique); i++) {
        unique = key + "_" + i;
      }
      String t = titleCase(s[0]);
      String uniqueTitle = t;
      for (int i = 2; !titles.add(uniqueTitle.toLowerCase(Locale.ROOT)); i++) {
        uniqueTitle = t + " (" + i + ")";
      }
      out.add(new NoteSection(unique, uniqueTitle, s[1].strip(), List.of()));
    }
    return StructuredNote.of(TEMPLATE_ID, "1", out);
  }

  /** A template whose sections are the note's, for a {@link org.verinote.core.guard.GuardContext}. */
  static NoteTemplate templateFor(StructuredNote note) {
    NoteTemplate.Builder b = NoteTemplate.builder(note.templateId().isBlank() ? TEMPLATE_ID : note.templateId())
        .version(note.templateVersion().isBlank() ? "1" : note.templateVersion());
    Set<String> titles = new HashSet<>();
    for (NoteSection s : note.sections()) {
      String title = s.title().isBlank() ? s.key() : s.title();
      if (!titles.add(title.toLowerCase(Locale.ROOT))) {
        title = title + " (" + s.key() + ")";
        titles.add(title.toLowerCase(Locale.ROOT));
      }
      b.section(s.key(), title, "As written in the audited note.");
    }
    if (note.sections().isEmpty()) {
      b.section("note", "Note", "Empty note.");
    }
    return b.build();
  }

  private static boolean hasLetters(String s, int min) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n >= min;
  }

  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "section_" + s;
    }
    return s.length() > 56 ? s.substring(0, 56) : s;
  }

  private static String titleCase(String heading) {
    if (!heading.equals(heading.toUpperCase(Locale.ROOT))) {
      return heading;
    }
    StringBuilder sb = new StringBuilder();
    for (String w : heading.toLowerCase(Locale.ROOT).split(" ")) {
      if (w.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return sb.toString();
  }
}
