package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Drives {@code verinote structure} in-process through {@link VerinoteCli#newCommandLine()}. */
class StructureCommandTest {

  static final Path KNEE = Path.of("transcripts", "knee-pain.txt");

  @TempDir
  Path tmp;

  /** Exit code and captured streams of one run. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    return run(null, args);
  }

  static Run run(byte[] stdin, String... args) {
    CommandLine cl = VerinoteCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    if (stdin != null) {
      StructureCommand cmd = cl.getSubcommands().get("structure").getCommand();
      cmd.stdin = new ByteArrayInputStream(stdin);
    }
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void markdown_printsNoteEvidenceFindingsAndProvenance() {
    Run r = run("structure", KNEE.toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("## Subjective", "## Objective", "## Assessment", "## Plan")
        .doesNotContain("_Not discussed._")
        .contains("medial meniscus tear")
        .contains("Evidence (transcript turns")
        .contains("Status: DRAFTED", "Findings: none", "model extractive@1", "template soap@1");
    assertThat(r.out().indexOf("## Plan")).isLessThan(r.out().indexOf("Status: DRAFTED"));
  }

  @Test
  void json_printsOneDocumentWithNoteFindingsAndProvenance() throws Exception {
    Run r = run("structure", "--format", "json", "--template", "aci-bench", "--age", "34", "--sex", "female",
        KNEE.toString());
    assertThat(r.exit()).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("status").asText()).isEqualTo("DRAFTED");
    assertThat(doc.get("encounter").asText()).isEqualTo("knee-pain.txt");
    assertThat(doc.at("/note/template").asText()).isEqualTo("aci-bench");
    assertThat(doc.at("/note/sections")).hasSize(6);
    for (JsonNode s : doc.at("/note/sections")) {
      assertThat(s.get("text").asText()).as(s.get("key").asText()).isNotBlank();
      assertThat(s.get("evidence")).as(s.get("key").asText()).isNotEmpty();
    }
    assertThat(doc.at("/note/sections/1/text").asText()).startsWith("The patient is a 34-year-old female.");
    assertThat(doc.get("findings").isArray()).isTrue();
    assertThat(doc.at("/provenance/model_id").asText()).isEqualTo("extractive");
    assertThat(doc.at("/provenance/attempts/0/outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(doc.at("/provenance/attempts/0/raw_output").asText()).startsWith("{\"chief_complaint\":");
  }

  @Test
  void stdin_isReadWhenFileIsDash() {
    Run r = run("[doctor] any chest pain ?\n[patient] no .\n[patient] i have had a cough for a week .\n"
        .getBytes(StandardCharsets.UTF_8), "structure", "-");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("Denies chest pain.", "The patient has had a cough for a week.");
  }

  @Test
  void unknownTemplate_exits2ListingValidOnes() {
    Run r = run("structure", "--template", "soapy", KNEE.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("verinote structure: Unknown template 'soapy'. Valid templates: aci-bench, soap."
        + System.lineSeparator());
  }

  @Test
  void unknownModelOrFormat_exits2ListingValidOnes() {
    Run model = run("structure", "--model", "gpt-9", KNEE.toString());
    assertThat(model.exit()).isEqualTo(2);
    assertThat(model.err()).contains("Unknown model 'gpt-9'. Valid models: extractive, openai-compatible,"
        + " anthropic, ollama.");
    Run format = run("structure", "--format", "xml", KNEE.toString());
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("Unknown format 'xml'. Valid formats: markdown, json.");
  }

  @Test
  void missingFile_exits2() {
    Run r = run("structure", tmp.resolve("nope.txt").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Cannot read '").contains("nope.txt': no such file.");
  }

  @Test
  void emptyFile_exits2WithClearMessage() throws Exception {
    Path f = Files.writeString(tmp.resolve("empty.txt"), " \n\t\n");
    Run r = run("structure", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Transcript is empty: expected at least one non-blank turn, found 4 whitespace"
        + " characters.");
  }

  @Test
  void invalidUtf8_exits2NamingTheByteOffset() throws Exception {
    byte[] bytes = {'[', 'd', 'o', 'c', 't', 'o', 'r', ']', ' ', 'h', 'i', (byte) 0xC3, (byte) 0x28, ' ', 'x'};
    Path f = Files.write(tmp.resolve("latin.txt"), bytes);
    Run r = run("structure", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not UTF-8 text (invalid byte sequence at byte offset 11). Is it a binary file?"
        + " Save the transcript as UTF-8 text and retry.");
  }

  @Test
  void binaryFile_exits2() throws Exception {
    Path f = Files.write(tmp.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Run r = run("structure", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("verinote structure: Cannot read '");
  }

  @Test
  void validUtf8WithNul_exits2AsNotText() throws Exception {
    Path f = Files.write(tmp.resolve("nul.txt"), "[doctor] hi\u0000 there".getBytes(StandardCharsets.UTF_8));
    Run r = run("structure", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Transcript is not text: found 1 control or replacement characters");
  }

  @Test
  void directory_exits2() {
    Run r = run("structure", tmp.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("it is a directory. Give a transcript file.");
  }

  @Test
  void badAgeOrSex_exits2() {
    assertThat(run("structure", "--age", "200", KNEE.toString()).err()).contains("--age must be between 0 and 150,"
        + " got 200.");
    assertThat(run("structure", "--sex", "x", KNEE.toString()).exit()).isEqualTo(2);
  }

  @Test
  void missingArgument_exits2WithUsageHint() {
    Run r = run("structure");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'FILE|-'").contains("Try 'verinote --help'.");
  }

  @Test
  void newModel_knowsExactlyTheListedModels() {
    for (String m : StructureCommand.MODELS) {
      assertThat(StructureCommand.newModel(m)).as(m).isPresent();
    }
    assertThat(StructureCommand.newModel("nope")).isEmpty();
  }
}
