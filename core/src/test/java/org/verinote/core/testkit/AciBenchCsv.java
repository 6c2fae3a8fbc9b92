package org.verinote.core.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ACI-Bench CSV files (RFC 4180: quoted fields may hold commas, quotes and newlines) with their
 * {@code *_metadata.csv} rows. For tests; locate the files with {@link SharedData#require(String)}.
 */
public final class AciBenchCsv {

  /** One encounter: id, dialogue, gold note, and the metadata row (may be empty). */
  /**
   * One encounter.
   *
   * @param encounterId e.g. {@code D2N088}
   * @param dialogue the transcript, {@code [doctor]}/{@code [patient]} lines
   * @param note the gold note
   * @param metadata the metadata row (age, gender, names, cc…), empty if there is none
   */
  public record Row(String encounterId, String dialogue, String note, Map<String, String> metadata) {}

  private AciBenchCsv() {}

  /**
   * Reads a data file and its metadata file beside it.
   *
   * @param csv e.g. {@code aci-bench/clinicalnlp_taskB_test1.csv}
   * @return the rows in file order
   * @throws IOException if a file cannot be read
   */
  public static List<Row> read(Path csv) throws IOException {
    List<Map<String, String>> rows = csv(csv);
    Path meta = csv.resolveSibling(csv.getFileName().toString().replace(".csv", "_metadata.csv"));
    Map<String, Map<String, String>> byId = new HashMap<>();
    if (Files.exists(meta)) {
      for (Map<String, String> m : csv(meta)) {
        byId.put(m.get("encounter_id"), m);
      }
    }
    List<Row> out = new ArrayList<>();
    for (Map<String, String> r : rows) {
      String id = r.get("encounter_id");
      out.add(new Row(id, r.get("dialogue"), r.getOrDefault("note", ""), byId.getOrDefault(id, Map.of())));
    }
    return out;
  }

  /**
   * Reads any CSV file with a header row.
   *
   * @param file the file
   * @return one map of column name to value per record
   * @throws IOException if the file cannot be read
   */
  public static List<Map<String, String>> csv(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        rec.add(field.toString());
        field.setLength(0);
        records.add(rec);
        rec = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !rec.isEmpty()) {
      rec.add(field.toString());
      records.add(rec);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      if (r.size() == 1 && r.get(0).isEmpty()) {
        continue;
      }
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size() && i < r.size(); i++) {
        m.put(header.get(i).strip(), r.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
