package org.verinote.eval.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.EvalRun;

class CorrectionsTest {

  @TempDir
  Path dir;

  private Path export() throws Exception {
    Path f = dir.resolve("corrections.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"tenant_id\":\"t\",\"encounter_id\":\"e1\",\"section\":\"plan\",\"ai_text\":\"ice and rest\","
            + "\"clinician_text\":\"ice and rest\",\"extra\":1}",
        "",
        "{\"tenant_id\":\"t\",\"encounter_id\":\"e2\",\"section\":\"plan\",\"ai_text\":\"start ibuprofen\","
            + "\"clinician_text\":\"start naproxen twice daily\"}") + "\n");
    return f;
  }

  @Test
  void read_parsesFiveFieldsAndIgnoresExtras() throws Exception {
    List<Correction> c = Corrections.read(export());
    assertThat(c).hasSize(2);
    assertThat(c.get(0).caseId()).isEqualTo("t/e1/plan");
    assertThat(c.get(0).edited()).isFalse();
    assertThat(c.get(1).edited()).isTrue();
    assertThat(c.get(1).toString()).doesNotContain("naproxen");
  }

  @Test
  void aiVersusClinician_unchangedScores100_editedScoresLess() throws Exception {
    EvalRun run = Corrections.aiVersusClinician("ai", Corrections.read(export()));
    assertThat(run.cases().get(0).metrics()).containsEntry("rouge1", 100.0).containsEntry("edited", 0.0);
    assertThat(run.cases().get(1).metrics().get("rouge1")).isLessThan(50.0);
    assertThat(run.cases().get(1).metrics()).containsEntry("edited", 1.0);
  }

  @Test
  void scoreAgainstClinician_usesOtherSystemsText() throws Exception {
    EvalRun run = Corrections.scoreAgainstClinician("new", Corrections.read(export()), c -> c.clinicianText());
    assertThat(run.values("rougeLsum")).containsOnly(100.0);
  }

  @Test
  void read_missingField_throwsWithLineNumber() throws Exception {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, "{\"tenant_id\":\"t\",\"encounter_id\":\"e\",\"section\":\"s\",\"ai_text\":\"a\"}\n");
    assertThatThrownBy(() -> Corrections.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Expected a string field 'clinician_text' on line 1 of bad.jsonl, found none.");
  }

  @Test
  void read_reviewWorkflowExportLine_withTenantAlias() throws Exception {
    Path f = dir.resolve("export.jsonl");
    Files.writeString(f, "{\"tenant\":\"clinic-a\",\"draft_id\":\"d1\",\"encounter_id\":\"visit-42\","
        + "\"model_run_id\":\"run-1\",\"model_id\":\"extractive\",\"model_version\":\"1\",\"section\":\"plan\","
        + "\"ai_text\":\"rest\",\"clinician_text\":\"rest and ice\",\"edits\":1,\"edited_by\":\"dr\","
        + "\"state\":\"APPROVED\"}\n");
    assertThat(Corrections.read(f)).singleElement()
        .satisfies(c -> assertThat(c.caseId()).isEqualTo("clinic-a/visit-42/plan"));
  }
}
