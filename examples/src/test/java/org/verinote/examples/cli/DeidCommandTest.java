package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code verinote deid} and {@code verinote deid-eval}: output, summary without PHI, exit codes. */
class DeidCommandTest {

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

  @Test
  void deid_file_printsTokensAndCountsOnly() throws Exception {
    Path f = dir.resolve("t.txt");
    Files.writeString(f, "[doctor] hi , andrew . call dr. okafor at 410-555-0199 .\n", StandardCharsets.UTF_8);
    assertThat(run("deid", f.toString())).isEqualTo(VerinoteCli.OK);
    assertThat(out.toString()).isEqualTo("[doctor] hi , [PERSON_1] . call dr. [CLINICIAN_1] at [PHONE_1] .\n");
    assertThat(err.toString()).isEqualTo("verinote deid: replaced 3 identifier(s): {CLINICIAN=1, PERSON=1,"
        + " PHONE=1}\n").doesNotContain("andrew");
  }

  @Test
  void deid_missingFile_exitsBadInput() {
    assertThat(run("deid", dir.resolve("nope.txt").toString())).isEqualTo(VerinoteCli.BAD_INPUT);
    assertThat(err.toString()).startsWith("verinote deid: cannot read ");
  }

  @Test
  void deidEval_smallGold_printsJsonScores() throws Exception {
    Path g = dir.resolve("g.jsonl");
    Files.writeString(g, "{\"id\":\"1\",\"text\":\"Call 410-555-0199 today.\",\"spans\":[{\"start\":5,\"end\":17,"
        + "\"type\":\"Phone\"}]}\n", StandardCharsets.UTF_8);
    assertThat(run("deid-eval", "--gold", g.toString(), "--format", "json")).isEqualTo(VerinoteCli.OK);
    assertThat(out.toString()).contains("\"overall\":{\"goldTokens\":3,\"recall\":1.0,\"precision\":1.0,\"f2\":1.0");
  }

  @Test
  void deidEval_malformedGold_exitsBadInputWithLine() throws Exception {
    Path g = dir.resolve("bad.jsonl");
    Files.writeString(g, "{\"id\":\"1\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":9,\"type\":\"X\"}]}\n",
        StandardCharsets.UTF_8);
    assertThat(run("deid-eval", "--gold", g.toString())).isEqualTo(VerinoteCli.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("verinote deid-eval: Line 1 has a span [0, 9) outside its text of 3"
        + " characters. Expected the ../shared/data/deid JSONL format.\n");
  }
}
