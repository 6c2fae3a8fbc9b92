package org.verinote.core.deid;

import java.io.IOException;
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
        for (java.util.Map<String, String> row
            : org.verinote.core.testkit.AciBenchCsv.csv(SharedData.dataDir().resolve(name))) {
          if (row.containsKey("dialogue")) {
            List<String> turns = new ArrayList<>();
            for (String line : row.get("dialogue").split("\n")) {
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
}
