package org.verinote.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verinote.core.InvalidInputException;
import org.verinote.core.PatientContext;
import org.verinote.core.testkit.SharedData;

class DatasetsTest {

  @TempDir
  Path dir;

  @Test
  void aciBench_withMetadata_loadsAll40CasesWithPatientContext() {
    Dataset ds = Datasets.aciBench(SharedData.require("aci-bench/clinicalnlp_taskB_test1.csv"),
        SharedData.require("aci-bench/clinicalnlp_taskB_test1_metadata.csv"));
    assertThat(ds.size()).isEqualTo(40);
    EvalCase first = ds.cases().get(0);
    assertThat(first.id()).isEqualTo("D2N088");
    assertThat(first.transcript()).startsWith("[doctor]");
    assertThat(first.reference()).contains("CHIEF COMPLAINT");
    assertThat(first.patientContext().givenNames()).containsExactly("Andrew");
    assertThat(first.patientContext().familyName()).hasValue("Campbell");
    assertThat(first.patientContext().age()).hasValue(59);
    assertThat(first.patientContext().sex()).hasValue(PatientContext.Sex.MALE);
    assertThat(first.toString()).doesNotContain("Andrew").contains("D2N088");
  }

  @Test
  void mtsDialog_testSet_loadsSectionLabels() {
    Dataset ds = Datasets.mtsDialog(SharedData.require("mts-dialog/MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv"));
    assertThat(ds.size()).isEqualTo(200);
    assertThat(ds.cases().get(0).section()).isEqualTo("GENHX");
    assertThat(ds.cases().get(0).transcript()).startsWith("Doctor:");
  }

  @Test
  void csv_quotedMultilineCells_areParsedAsOneField() throws Exception {
    Path f = dir.resolve("a.csv");
    Files.writeString(f, "dataset,encounter_id,dialogue,note\nx,E1,\"[doctor] hi, there\n[patient] \"\"ok\"\"\","
        + "\"NOTE\nline two\"\n");
    Dataset ds = Datasets.aciBench(f);
    assertThat(ds.cases()).singleElement().satisfies(c -> {
      assertThat(c.transcript()).isEqualTo("[doctor] hi, there\n[patient] \"ok\"");
      assertThat(c.reference()).isEqualTo("NOTE\nline two");
    });
  }

  @Test
  void aciBench_missingColumn_throwsNamingTheColumnAndWhatWasFound() throws Exception {
    Path f = dir.resolve("b.csv");
    Files.writeString(f, "encounter_id,note\nE1,text\n");
    assertThatThrownBy(() -> Datasets.aciBench(f)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Expected a column 'dialogue' in b.csv, found [encounter_id, note]. Check the file format or"
            + " pass the column name.");
  }

  @Test
  void missingFile_throwsInvalidInput() {
    assertThatThrownBy(() -> Datasets.aciBench(dir.resolve("nope.csv"))).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("File not found");
  }

  @Test
  void jsonl_readsOptionalPatientAndRejectsBadLinesWithLineNumber() throws Exception {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(f, "{\"id\":\"a\",\"transcript\":\"[doctor] hi\",\"reference\":\"R\",\"patient\":"
        + "{\"given_name\":\"Ann\",\"age\":40,\"sex\":\"female\"}}\n\n{\"id\":\"b\",\"transcript\":\"t\","
        + "\"reference\":\"r\"}\n");
    Dataset ds = Datasets.jsonl(f);
    assertThat(ds.size()).isEqualTo(2);
    assertThat(ds.cases().get(0).patientContext().age()).hasValue(40);
    assertThat(ds.cases().get(1).patientContext().isEmpty()).isTrue();
    Path bad = dir.resolve("d.jsonl");
    Files.writeString(bad, "{\"id\":\"a\",\"transcript\":\"t\",\"reference\":\"r\"}\n{\"id\":\"b\"}\n");
    assertThatThrownBy(() -> Datasets.jsonl(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Expected a string field 'transcript' on line 2 of d.jsonl, found none.");
  }

  @Test
  void duplicateIds_areRejected() throws Exception {
    Path f = dir.resolve("e.jsonl");
    Files.writeString(f, "{\"id\":\"a\",\"transcript\":\"t\",\"reference\":\"r\"}\n"
        + "{\"id\":\"a\",\"transcript\":\"t\",\"reference\":\"r\"}\n");
    assertThatThrownBy(() -> Datasets.jsonl(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id a twice");
  }

  @Test
  void ageInYears_acceptsDecimalsAndInfantAges_ignoresGarbage() {
    assertThat(Datasets.ageInYears("45.0")).hasValue(45);
    assertThat(Datasets.ageInYears("9-month")).hasValue(0);
    assertThat(Datasets.ageInYears("unknown")).isEmpty();
  }
}
