package org.verinote.eval.rouge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A faithful port of ACI-Bench's {@code sectiontagger.py} ({@code SectionTagger.divide_note_by_metasections}, the
 * version with the upper-case headers and the case-sensitive {@code IMPRESSION} rule). Header regexes are tried per
 * line in the original order; the first division of each kind is kept and runs up to the start of the next kept
 * division.
 */
final class AciSectionTagger {

  /** Python's {@code \s} on str: Unicode White_Space plus the information separators U+001C..U+001F. */
  private static final String WS = "[\\s\\x1c-\\x1f]";
  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
  private static final Pattern IMPRESSION = Pattern.compile(WS + "*IMPRESSION", Pattern.UNICODE_CHARACTER_CLASS);

  private record Sub(String name, Division division, Pattern pattern) {}

  private static final List<Sub> SUBSECTIONS = List.of(
      sub("cc", Division.SUBJECTIVE, "cc :", "chief complaint :", "reason for visit :", "CHIEF COMPLAINT"),
      sub("hpi", Division.SUBJECTIVE, "history :", "history of present illness :", "history of present illness",
          "hpi :", "hpi", "hpi notes :", "interval history :", "interval hx :", "subjective :",
          "HISTORY OF PRESENT ILLNESS"),
      sub("ros", Division.SUBJECTIVE, "ros :", "review of system :", "review of systems :"),
      sub("other_histories", Division.SUBJECTIVE, "SOCIAL HISTORY", "PAST HISTORY"),
      sub("pe", Division.OBJECTIVE_EXAM, "physical exam :", "physical examination :", "pe :", "physical findings :",
          "examination :", "exam :", "PHYSICAL EXAMINATION", "PHYSICAL EXAM"),
      sub("vitals", Division.OBJECTIVE_EXAM, "VITALS REVIEWED"),
      sub("findings", Division.OBJECTIVE_RESULTS, "results :", "findings :", "RESULTS"),
      sub("assessment", Division.ASSESSMENT_AND_PLAN, "assessment :", "a:"),
      sub("plan", Division.ASSESSMENT_AND_PLAN, "plan :", "plan of care :", "p:", "medical decision-making plan :",
          "summary plan"),
      sub("ap", Division.ASSESSMENT_AND_PLAN, "ap :", "a / p :", "assessment and plan :", "assessment & plan :",
          "disposition / plan :", "ASSESSMENT AND PLAN"));

  private AciSectionTagger() {}

  private static Sub sub(String name, Division division, String... headers) {
    List<String> with = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (String h : headers) {
      with.add("(" + escape(h) + ")");
      if (h.endsWith(":")) {
        without.add("(" + escape(h.substring(0, h.length() - 1)) + ")");
      }
    }
    String patt = WS + "*(?<h1>" + String.join("|", with) + ").*";
    String regex = without.isEmpty() ? patt
        : "(" + patt + "|" + WS + "*(?<h2>" + String.join("|", without) + ")" + WS + "*$)";
    return new Sub(name, division, Pattern.compile(regex, FLAGS));
  }

  /** {@code re.escape(h).replace('\\ ', '\\s*')}: literal text, each space becomes {@code \s*}. */
  private static String escape(String header) {
    StringBuilder b = new StringBuilder();
    String[] parts = header.split(" ", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(WS).append('*');
      }
      if (!parts[i].isEmpty()) {
        b.append(Pattern.quote(parts[i]));
      }
    }
    return b.toString();
  }

  /** A detected header line: its division (null for none/default), and the char offset of the line start. */
  private record Header(Division division, boolean isDefault, int lineStart) {}

  /**
   * Divides a note into its divisions. Texts are the note slices, newlines kept.
   *
   * @param text the note
   * @return the divisions found, in note order
   */
  static Map<Division, String> divide(String text) {
    String[] lines = text.split("\n", -1);
    // tag_sectionheaders + first-per-line
    Header[] perLine = new Header[lines.length];
    int offset = 0;
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln];
      for (Sub s : SUBSECTIONS) {
        Matcher m = s.pattern.matcher(line);
        if (m.lookingAt()) {
          perLine[ln] = new Header(s.division, false, offset);
          break;
        }
      }
      if (perLine[ln] == null && IMPRESSION.matcher(line).lookingAt()) {
        perLine[ln] = new Header(Division.ASSESSMENT_AND_PLAN, false, offset);
      }
      offset += line.length() + 1;
    }
    // tag_sections: the sequence of sections, each starting at a header line (or the default at 0)
    List<Header> sections = new ArrayList<>();
    sections.add(perLine[0] != null ? perLine[0] : new Header(null, true, 0));
    for (int ln = 1; ln < lines.length; ln++) {
      if (perLine[ln] != null) {
        sections.add(perLine[ln]);
      }
    }
    // divide_note_by_metasections: default first section becomes subjective; keep the first of each division
    Map<Division, Integer> starts = new EnumMap<>(Division.class);
    for (int i = 0; i < sections.size(); i++) {
      Header h = sections.get(i);
      Division d = h.division;
      if (i == 0 && h.isDefault) {
        d = Division.SUBJECTIVE;
      }
      if (d != null && !starts.containsKey(d)) {
        starts.put(d, h.lineStart);
      }
    }
    List<Map.Entry<Division, Integer>> ordered = new ArrayList<>(starts.entrySet());
    ordered.sort(Map.Entry.comparingByValue()); // stable, like Python's sorted on x[3]
    Map<Division, String> out = new EnumMap<>(Division.class);
    for (int i = 0; i < ordered.size(); i++) {
      int start = ordered.get(i).getValue();
      int end = i + 1 < ordered.size() ? ordered.get(i + 1).getValue() : text.length();
      out.put(ordered.get(i).getKey(), text.substring(start, Math.max(start, end)));
    }
    return out;
  }
}
