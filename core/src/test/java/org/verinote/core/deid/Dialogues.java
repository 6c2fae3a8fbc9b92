package org.verinote.core.deid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verinote.core.testkit.SharedData;

/**
 * Real consultation dialogues for property tests: the ACI-Bench {@code dialogue} column (CC BY 4.0) when the shared
 * data is present, else a few synthetic dialogues, split into turns.
 */
final class Dialogues {

  private static final List<List<String>> TURNS = load();

  private Dialogues() {}

  static List<List<String>> all() {
    return TURNS;
  }

  static boolean real() {
    return TURNS.size() > 3;
  }

  private static List<List<String>> load() {
    List<List<String>> out = new ArrayList<>();
    for (String name : new String[] {"aci-bench/train.csv", "aci-bench/valid.csv"}) {
      if (!SharedData.present(name)) {
        continue;
      }
      try {
        String csv = Files.readString(SharedData.dataDir().resolve(name), StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        int col = rows.get(0).indexOf("dialogue");
        for (List<String> row : rows.subList(1, rows.size())) {
          if (col >= 0 && col < row.size()) {
            List<String> turns = new ArrayList<>();
            for (String line : row.get(col).split("\n")) {
              if (!line.isBlank()) {
                turns.add(line.strip());
              }
            }
            if (turns.size() >= 4) {
              out.add(List.copyOf(turns));
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + name, e);
      }
    }
    if (out.isEmpty()) {
      out.add(List.of("[doctor] hi , how are you today ?", "[patient] not great , my knee hurts .",
          "[doctor] when did it start ?", "[patient] about two weeks ago after a fall .",
          "[doctor] any swelling or fever ?", "[patient] some swelling , no fever ."));
      out.add(List.of("[doctor] what brings you in ?", "[patient] a cough for three days .",
          "[doctor] any shortness of breath ?", "[patient] only when i climb stairs .",
          "[doctor] let's get a chest x-ray ."));
      out.add(List.of("[doctor] how is the blood pressure ?", "[patient] it runs about one forty over ninety .",
          "[doctor] are you taking the lisinopril ?", "[patient] yes , every morning ."));
    }
    return List.copyOf(out);
  }

  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
  static List<List<String>> parseCsv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\n') {
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        f.append(c);
      }
    }
    if (f.length() > 0 || !row.isEmpty()) {
      row.add(f.toString());
      rows.add(row);
    }
    return rows;
  }
}
