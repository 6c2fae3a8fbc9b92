package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NoteOutputParserTest {

  private static final NoteTemplate ACI = NoteTemplate.aciBench();

  private static String text(NoteOutputParser.Parsed p, String key) {
    return p.note().section(key).orElseThrow().text();
  }

  @Test
  void parse_nestedObject_flattensToReadableText() {
    var p = NoteOutputParser.parse("{\"chief_complaint\": {\"main\": \"headache\", \"duration\": \"3 days\"}}", ACI);
    assertThat(text(p, "chief_complaint")).isEqualTo("Main: headache. Duration: 3 days.");
  }

  @Test
  void parse_proseAroundJsonAndTitleKeys_mapsSections() {
    var p = NoteOutputParser.parse("Here is the note:\n{\"History of Present Illness\": \"cough\", \"A&P\": "
        + "[\"rest\", \"fluids\"]}\nHope this helps!", ACI);
    assertThat(text(p, "history_of_present_illness")).isEqualTo("cough");
    assertThat(text(p, "assessment_and_plan")).isEqualTo("rest\nfluids");
  }

  @Test
  void parse_truncatedJson_repairsAndFlags() {
    var p = NoteOutputParser.parse("{\"chief_complaint\": \"knee pain\", \"results\": \"x-ray sho", ACI);
    assertThat(p.ok()).isTrue();
    assertThat(text(p, "results")).isEqualTo("x-ray sho");
    assertThat(p.findings()).extracting(Finding::code).contains("TRUNCATED_OUTPUT");
  }

  @Test
  void parse_markdownHeadings_mapsSections() {
    var p = NoteOutputParser.parse("## Chief Complaint\nKnee pain.\n\n## Assessment and Plan\nIce.", ACI);
    assertThat(text(p, "chief_complaint")).isEqualTo("Knee pain.");
    assertThat(text(p, "assessment_and_plan")).isEqualTo("Ice.");
  }

  @Test
  void parse_unknownKey_keepsNoteAndWarns() {
    var p = NoteOutputParser.parse("{\"chief_complaint\": \"knee pain\", \"billing\": \"99213\"}", ACI);
    assertThat(p.findings()).extracting(Finding::code).contains("UNKNOWN_SECTION");
    assertThat(p.findings()).noneMatch(f -> f.message().contains("99213"));
  }

  @Property(tries = 500)
  void parse_anyText_neverThrows(@ForAll String raw) {
    NoteOutputParser.Parsed p = NoteOutputParser.parse(raw, ACI);
    assertThat(p.ok() || p.failure() != null).isTrue();
  }

  @Property(tries = 300)
  void parse_anyPrefixOfValidJson_neverThrows(@ForAll("cut") int cut) {
    String json = "{\"chief_complaint\": \"a \\\"quoted\\\" pain\", \"results\": [\"one\", {\"k\": \"v\"}]}";
    NoteOutputParser.Parsed p = NoteOutputParser.parse(json.substring(0, Math.min(cut, json.length())), ACI);
    assertThat(p.ok() || p.failure() != null).isTrue();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> cut() {
    return net.jqwik.api.Arbitraries.integers().between(0, 90);
  }
}
