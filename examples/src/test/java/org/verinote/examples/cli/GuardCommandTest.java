package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GuardCommandTest {

  private static final String TRANSCRIPT = "[doctor] any chest pain ?\n[patient] no .\n"
      + "[doctor] let's start lisinopril ten milligrams daily .\n";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = VerinoteCli.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void guard_json_printsFindingsAndScores() throws Exception {
    Path t = file("t.txt", TRANSCRIPT);
    Path n = file("n.txt", "ASSESSMENT AND PLAN\n\nReports chest pain. Start lisinopril 20 mg daily.");
    int code = run("guard", "--transcript", t.toString(), "--note", n.toString(), "--format", "json");
    assertThat(code).isEqualTo(VerinoteCli.OK);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("outcome").asText()).isEqualTo("FLAGGED");
    assertThat(json.get("unsupported").asDouble()).isEqualTo(1.0);
    assertThat(json.get("findings_by_layer").get("numeric-grounding").asInt()).isEqualTo(1);
    assertThat(json.get("findings_by_layer").get("negation-consistency").asInt()).isEqualTo(1);
    assertThat(json.get("scores").has("fidelity")).isTrue();
    assertThat(json.get("findings").get(0).get("section").asText()).isEqualTo("assessment_and_plan");
  }

  @Test
  void guard_text_listsOneLinePerFinding() throws Exception {
    Path t = file("t.txt", TRANSCRIPT);
    Path n = file("n.txt", "Start lisinopril 20 mg daily.");
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("outcome: FLAGGED").contains("NUMBER_NOT_IN_TRANSCRIPT");
  }

  @Test
  void guard_batch_printsOneJsonLinePerRow_andReportsBadRows() throws Exception {
    Path csv = file("b.csv", "id,transcript,note\n"
        + "e1,\"" + TRANSCRIPT + "\",\"Start lisinopril 10 mg daily.\"\n"
        + "e2,\"" + TRANSCRIPT + "\",\"Start lisinopril 20 mg daily, per \"\"plan\"\".\"\n"
        + "e3,\"" + TRANSCRIPT + "\",\"   \"\n");
    int code = run("guard", "--batch", csv.toString());
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(lines[0]).get("unsupported").asDouble()).isEqualTo(0.0);
    assertThat(m.readTree(lines[1]).get("id").asText()).isEqualTo("e2");
    assertThat(m.readTree(lines[1]).get("unsupported").asDouble()).isBetween(0.0, 1.0).isPositive();
    assertThat(m.readTree(lines[2]).get("error").asText()).startsWith("Note is empty");
    assertThat(code).isEqualTo(VerinoteCli.BAD_INPUT);
  }

  @Test
  void guard_missingFile_exitsBadInputWithMessage() throws Exception {
    Path n = file("n.txt", "Chest pain.");
    int code = run("guard", "--transcript", dir.resolve("nope.txt").toString(), "--note", n.toString());
    assertThat(code).isEqualTo(VerinoteCli.BAD_INPUT);
    assertThat(err.toString()).contains("The transcript file was not found");
  }

  @Test
  void guard_batchWithoutHeader_exitsBadInput() throws Exception {
    Path csv = file("b.csv", "a,b\n1,2\n");
    assertThat(run("guard", "--batch", csv.toString())).isEqualTo(VerinoteCli.BAD_INPUT);
    assertThat(err.toString()).contains("column 'id' is missing");
  }

  @Test
  void guard_negationOptions_changeWhatIsFlagged() throws Exception {
    Path t = file("t.txt", "[doctor] did you have any trauma before that happened ?\n"
        + "[patient] i have been lifting more , probably three times a week .\n");
    Path n = file("n.txt", "HISTORY OF PRESENT ILLNESS\n\nShe reports trauma to her back.");
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString())).isEqualTo(VerinoteCli.OK);
    assertThat(out.toString()).doesNotContain("UNCONFIRMED_ASSERTION");
    out.getBuffer().setLength(0);
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString(), "--unconfirmed-assertions"))
        .isEqualTo(VerinoteCli.OK);
    assertThat(out.toString()).contains("UNCONFIRMED_ASSERTION");
  }

  @Test
  void guard_noPlanAssertions_leavesAPlansTreatedFindingAlone() throws Exception {
    Path n = file("n.txt", "ASSESSMENT AND PLAN\n\nReports chest pain.");
    Path t = file("t.txt", TRANSCRIPT);
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString())).isEqualTo(VerinoteCli.OK);
    assertThat(out.toString()).contains("POLARITY_CONFLICT");
    out.getBuffer().setLength(0);
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString(), "--no-plan-assertions"))
        .isEqualTo(VerinoteCli.OK);
    assertThat(out.toString()).doesNotContain("POLARITY_CONFLICT");
  }

  @Test
  void guard_negationMajorityOutOfRange_isATypedError() throws Exception {
    Path t = file("t.txt", TRANSCRIPT);
    Path n = file("n.txt", "Reports chest pain.");
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString(), "--negation-majority", "1"))
        .isEqualTo(VerinoteCli.BAD_INPUT);
    assertThat(err.toString()).contains("--negation-majority must be 2..10, got 1");
    assertThat(run("guard", "--transcript", t.toString(), "--note", n.toString(), "--negation-majority", "3"))
        .isEqualTo(VerinoteCli.OK);
  }
}
