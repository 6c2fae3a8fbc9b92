package org.verinote.guardrails;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.testkit.SharedData;

/** Reads ACI-Bench CSVs (CC BY 4.0, Yim et al. 2023) from the shared data folder; skips the test when absent. */
final class AciBench {

  /** One encounter: id, dialogue, a note. */
  record Row(String id, String dialogue, String note) {}

  private AciBench() {}

  static List<Row> gold(String... files) {
    List<Row> out = new ArrayList<>();
    for (String f : files) {
      out.addAll(read(SharedData.require("aci-bench/" + f), "dialogue", "note"));
    }
    return out;
  }

  /** Gold notes of train, valid and test1: 127 encounters. */
  static List<Row> allGold() {
    return gold("train.csv", "valid.csv", "clinicalnlp_taskB_test1.csv");
  }

  /** A published system's test1 notes paired with the test1 dialogues (aligned by row). */
  static List<Row> predictions(String file) {
    List<Row> gold = gold("clinicalnlp_taskB_test1.csv");
    List<Row> pred = read(SharedData.require("aci-bench/predictions/" + file), null, "note");
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < gold.size() && i < pred.size(); i++) {
      out.add(new Row(gold.get(i).id(), gold.get(i).dialogue(), pred.get(i).note()));
    }
    return out;
  }

  private static List<Row> read(Path p, String dialogueCol, String noteCol) {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      List<Row> out = new ArrayList<>();
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String id = rec.isMapped("encounter_id") ? rec.get("encounter_id") : Integer.toString(out.size());
        out.add(new Row(id, dialogueCol == null ? "" : rec.get(dialogueCol), rec.get(noteCol)));
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
