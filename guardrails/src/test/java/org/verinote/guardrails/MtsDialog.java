package org.verinote.guardrails;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.Transcript;
import org.verinote.core.testkit.SharedData;

/**
 * Reads MTS-Dialog (CC BY 4.0, Ben Abacha et al. 2023) from the shared data folder as perturbation-suite encounters:
 * each row's dialogue with its one note section, headed by the section's usual title so that the layers see the
 * same kind of section they see in a full note. Skips the test when the data is absent.
 */
final class MtsDialog {

  /** The data set's splits, by the names the tests use. */
  static final Map<String, String> FILES = Map.of("train", "MTS-Dialog-TrainingSet.csv",
      "valid", "MTS-Dialog-ValidationSet.csv", "test1", "MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv",
      "test2", "MTS-Dialog-TestSet-2-MEDIQA-Sum-2023.csv");

  /** The 20 section labels, as note headings. */
  private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("GENHX", "HISTORY OF PRESENT ILLNESS"),
      Map.entry("ROS", "REVIEW OF SYSTEMS"), Map.entry("PASTMEDICALHX", "PAST MEDICAL HISTORY"),
      Map.entry("FAM/SOCHX", "FAMILY AND SOCIAL HISTORY"), Map.entry("CC", "CHIEF COMPLAINT"),
      Map.entry("PASTSURGICAL", "PAST SURGICAL HISTORY"), Map.entry("ALLERGY", "ALLERGIES"),
      Map.entry("MEDICATIONS", "MEDICATIONS"), Map.entry("ASSESSMENT", "ASSESSMENT"),
      Map.entry("EXAM", "PHYSICAL EXAM"), Map.entry("DIAGNOSIS", "DIAGNOSIS"), Map.entry("DISPOSITION", "DISPOSITION"),
      Map.entry("PLAN", "PLAN"), Map.entry("EDCOURSE", "EMERGENCY DEPARTMENT COURSE"),
      Map.entry("IMMUNIZATIONS", "IMMUNIZATIONS"), Map.entry("IMAGING", "IMAGING"),
      Map.entry("GYNHX", "GYNECOLOGIC HISTORY"), Map.entry("PROCEDURES", "PROCEDURES"),
      Map.entry("OTHER_HISTORY", "OTHER HISTORY"), Map.entry("LABS", "LABS"));

  private MtsDialog() {}

  /**
   * @param splits split names of {@link #FILES}
   * @return the splits' rows as encounters, ids {@code mts-<split>-<ID>}
   */
  static List<PerturbationSuite.Encounter> encounters(String... splits) {
    List<PerturbationSuite.Encounter> out = new ArrayList<>();
    for (String split : splits) {
      try (Reader r = Files.newBufferedReader(SharedData.require("mts-dialog/" + FILES.get(split)),
          StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
          String header = rec.get("section_header").strip();
          String note = TITLES.getOrDefault(header, header) + "\n\n" + rec.get("section_text");
          out.add(new PerturbationSuite.Encounter("mts-" + split + "-" + rec.get("ID"),
              Transcript.parse(rec.get("dialogue")), Guardrails.parseNote(note)));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }
}
