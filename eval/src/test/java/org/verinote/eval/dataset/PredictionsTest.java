package org.verinote.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.InvalidInputException;

class PredictionsTest {

  @TempDir
  Path dir;

  private static final Dataset GOLD = new Dataset("gold", List.of(EvalCase.of("A", "t", "ra"),
      EvalCase.of("B", "t", "rb")));

  @Test
  void alignTo_withMatchingIds_reordersById() throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "encounter_id,note\nB,pb\nA,pa\n");
    assertThat(Predictions.readCsv(f, "note", "encounter_id").alignTo(GOLD)).containsExactly("pa", "pb");
  }

  @Test
  void alignTo_withoutIds_alignsByRow_andEmptyCellIsMissing() throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "note\n\"\"\npb\n");
    assertThat(Predictions.readCsv(f, "note", "encounter_id").alignTo(GOLD)).containsExactly(null, "pb");
  }

  @Test
  void alignTo_sizeMismatchWithoutIds_throwsExplainingBothCounts() throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "note\npa\n");
    assertThatThrownBy(() -> Predictions.readCsv(f, "note", null).alignTo(GOLD))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Expected 2 predictions for gold, found 1 rows in p.csv and no id column matching the dataset's"
            + " ids. Add an id column or align the rows.");
  }
}
