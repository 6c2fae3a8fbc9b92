package org.verinote.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.testkit.AciBenchCsv;
import org.verinote.core.testkit.SharedData;

/**
 * {@code verinote structure} on every ACI-Bench test1 dialogue prints a drafted note whose sections carry evidence.
 * Skips without the shared data.
 */
class StructureAciBenchDialoguesTest {

  @TempDir
  Path tmp;

  @Test
  void everyTest1Dialogue_draftsNoteWithEvidenceInEveryFilledSection() throws Exception {
    List<AciBenchCsv.Row> rows = AciBenchCsv.read(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"));
    ObjectMapper json = new ObjectMapper();
    for (AciBenchCsv.Row row : rows) {
      Path f = Files.writeString(tmp.resolve(row.encounterId() + ".txt"), row.dialogue(), StandardCharsets.UTF_8);
      for (String template : List.of("soap", "aci-bench")) {
        StructureCommandTest.Run r = StructureCommandTest.run("structure", "--format", "json", "--template", template,
            f.toString());
        assertThat(r.exit()).as(row.encounterId()).isEqualTo(0);
        JsonNode doc = json.readTree(r.out());
        int filled = 0;
        for (JsonNode s : doc.at("/note/sections")) {
          if (!s.get("text").asText().isBlank()) {
            filled++;
            assertThat(s.get("evidence")).as("%s %s", row.encounterId(), s.get("key")).isNotEmpty();
          }
        }
        assertThat(filled).as("%s %s filled sections", row.encounterId(), template).isGreaterThanOrEqualTo(3);
      }
    }
    assertThat(rows).hasSize(40);
  }
}
