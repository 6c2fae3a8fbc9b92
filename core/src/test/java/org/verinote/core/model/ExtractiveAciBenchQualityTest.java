package org.verinote.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.testkit.AciBenchCsv;
import org.verinote.core.testkit.SharedData;

/**
 * The extractive model's notes on ACI-Bench test1 (40 encounters, ACI template, rendered as plain text) beat the
 * published "12 doctor turns" baseline, ROUGE-1 35.88 (Yim et al. 2023). Skips without the shared data.
 */
class ExtractiveAciBenchQualityTest {

  /** ROUGE-1 F1 × 100 of the published "12 doctor turns" baseline on test1. */
  private static final double BASELINE_ROUGE1 = 35.88;

  @Test
  void test1_rouge1_beatsTwelveDoctorTurnsBaseline() throws Exception {
    List<AciBenchCsv.Row> rows = AciBenchCsv.read(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"));
    NoteStructurer structurer = NoteStructurer.builder().model(new ExtractiveModelProvider()).build();
    double r1 = 0;
    double r2 = 0;
    double rl = 0;
    int i = 0;
    for (AciBenchCsv.Row row : rows) {
      Encounter e = Encounter.builder().tenantId("aci-bench").encounterId(row.encounterId())
          .transcript(Transcript.parse(row.dialogue())).patientContext(context(row.metadata()))
          .template(NoteTemplate.aciBench()).build();
      StructuringResult r = structurer.structure(e);
      assertThat(r.status()).as("encounter %s", row.encounterId()).isEqualTo(Status.DRAFTED);
      String prediction = r.note().map(StructuredNote::toPlainText).orElseThrow();
      r1 += Rouge.rougeN(row.note(), prediction, 1).f();
      r2 += Rouge.rougeN(row.note(), prediction, 2).f();
      rl += Rouge.rougeLsum(row.note(), prediction).f();
      i++;
    }
    double rouge1 = 100 * r1 / i;
    System.out.printf("extractive on ACI-Bench test1 (n=%d): ROUGE-1 %.2f, ROUGE-2 %.2f, ROUGE-Lsum %.2f%n", i,
        rouge1, 100 * r2 / i, 100 * rl / i);
    assertThat(i).isEqualTo(40);
    assertThat(rouge1).isGreaterThan(BASELINE_ROUGE1);
  }

  /** The metadata as the patient context an EHR would supply: age and sex (names are not needed here). */
  static PatientContext context(Map<String, String> metadata) {
    PatientContext.Builder pc = PatientContext.builder();
    String age = metadata.getOrDefault("patient_age", "").strip();
    if (age.matches("\\d+(\\.0)?")) {
      pc.age((int) Double.parseDouble(age));
    }
    String sex = metadata.getOrDefault("patient_gender", "").strip();
    if (sex.equals("male")) {
      pc.sex(PatientContext.Sex.MALE);
    } else if (sex.equals("female")) {
      pc.sex(PatientContext.Sex.FEMALE);
    }
    return pc.build();
  }
}
