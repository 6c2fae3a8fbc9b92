package org.verinote.otel.leak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.verinote.core.testkit.SharedData;

/**
 * Consultation dialogues for the PHI-leak test: the ACI-Bench dialogues (CC BY 4.0, Yim et al. 2023) from the
 * shared data folder when present, otherwise synthetic ones built from a fixed phrase list.
 */
final class Dialogues {

  private static final String[] FILES = {"aci-bench/train.csv", "aci-bench/valid.csv",
      "aci-bench/clinicalnlp_taskB_test1.csv"};

  private Dialogues() {}

  /** @return the dialogues, in ACI-Bench {@code [doctor]}/{@code [patient]} line format; never empty */
  static List<String> load() throws IOException {
    List<String> out = new ArrayList<>();
    for (String f : FILES) {
      if (SharedData.present(f)) {
        Path p = SharedData.dataDir().resolve(f);
        for (java.util.Map<String, String> row : org.verinote.core.testkit.AciBenchCsv.csv(p)) {
          String dialogue = row.getOrDefault("dialogue", "");
          if (!dialogue.isBlank()) {
            out.add(dialogue);
          }
        }
      }
    }
    return out.isEmpty() ? synthetic(50) : out;
  }

  /** @return whether the ACI-Bench dialogues are used */
  static boolean aciBenchPresent() {
    return SharedData.present(FILES[0]);
  }

  static List<String> synthetic(int n) {
    String[] doctor = {"what brings you in today ?", "how long have you had the pain in your left knee ?",
        "any fever or chills since the weekend ?", "are you still taking the lisinopril every morning ?",
        "let's get an x-ray of the knee and some blood work .", "i want you to come back in two weeks ."};
    String[] patient = {"my knee has been swelling since i slipped on the stairs at church .",
        "about three weeks now , it gets worse when i climb to my apartment .",
        "no fever , but i feel tired after my night shifts at the bakery .",
        "yes , ten milligrams , but i skipped a few days when my daughter visited .",
        "okay , my husband can drive me to the imaging center on tuesday .",
        "thank you , i will call if the swelling spreads to my ankle ."};
    Random rnd = new Random(42);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      for (int t = 0; t < 6; t++) {
        sb.append("[doctor] ").append(doctor[(t + rnd.nextInt(2)) % doctor.length]).append('\n');
        sb.append("[patient] ").append(patient[(t + rnd.nextInt(2)) % patient.length]).append('\n');
      }
      out.add(sb.toString());
    }
    return out;
  }
}
