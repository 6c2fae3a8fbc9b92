package org.verinote.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;

class ExtractiveModelProviderTest {

  static final String KNEE = String.join("\n",
      "[doctor] What brings you in today?",
      "[patient] I'm here for pain in my right knee. It started three weeks ago after I went for a long run.",
      "[doctor] Does it swell?",
      "[patient] It swelled up that evening and I feel a pop when I squat.",
      "[doctor] Any fevers or chills?",
      "[patient] No.",
      "[patient] I have been taking ibuprofen 400 milligrams twice a day.",
      "[doctor] Let me examine your knee. On exam, there is a small effusion and tenderness along the medial joint"
          + " line.",
      "[doctor] The x-ray we took today shows no fracture.",
      "[doctor] My impression is that you most likely have a medial meniscus tear. I want to get an MRI of the"
          + " right knee. I'm going to refer you to physical therapy and I'd like to see you back in four weeks.");

  private static final ExtractiveModelProvider MODEL = new ExtractiveModelProvider();

  static StructuringResult structure(String transcript, NoteTemplate template, PatientContext context) {
    Encounter e = Encounter.builder().tenantId("clinic-a").encounterId("visit-1")
        .transcript(Transcript.parse(transcript)).template(template).patientContext(context).build();
    return NoteStructurer.builder().model(MODEL).build().structure(e);
  }

  private static String section(StructuringResult r, String key) {
    return r.note().orElseThrow().section(key).orElseThrow().text();
  }

  @Test
  void info_isLocalExtractiveWithJsonOutput() {
    ModelInfo info = MODEL.info();
    assertThat(info.id()).isEqualTo("extractive");
    assertThat(info.capabilities().remote()).isFalse();
    assertThat(info.capabilities().jsonOutput()).isTrue();
  }

  @Test
  void structure_soapKneeVisit_fillsEverySectionWithEvidence() {
    StructuringResult r = structure(KNEE, NoteTemplate.soap(), PatientContext.empty());
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    assertThat(r.findings()).isEmpty();
    for (NoteSection s : r.note().orElseThrow().sections()) {
      assertThat(s.text()).as(s.key()).isNotBlank();
      assertThat(s.evidence()).as(s.key()).isNotEmpty();
    }
    assertThat(section(r, "subjective")).contains("Denies fevers or chills.");
    assertThat(section(r, "objective")).contains("there is a small effusion");
    assertThat(section(r, "assessment")).contains("medial meniscus tear");
    assertThat(section(r, "plan")).contains("refer the patient to physical therapy");
  }

  @Test
  void structure_aciTemplate_routesContentToItsSections() {
    StructuringResult r = structure(KNEE, NoteTemplate.aciBench(), PatientContext.empty());
    assertThat(section(r, "chief_complaint")).isEqualTo("Pain in their right knee.");
    assertThat(section(r, "review_of_systems")).isEqualTo("Denies fevers or chills.");
    assertThat(section(r, "physical_exam")).contains("tenderness along the medial joint line");
    assertThat(section(r, "results")).contains("shows no fracture");
    assertThat(section(r, "assessment_and_plan")).contains("I want to get an MRI of the right knee.");
  }

  @Test
  void structure_withAgeAndSex_opensWithThemAndUsesPronouns() {
    PatientContext ctx = PatientContext.builder().age(59).sex(PatientContext.Sex.MALE).build();
    StructuringResult r = structure(KNEE, NoteTemplate.aciBench(), ctx);
    String hpi = section(r, "history_of_present_illness");
    assertThat(hpi).startsWith("The patient is a 59-year-old male.\n");
    assertThat(hpi).contains("He is here for pain in his right knee.");
    assertThat(hpi).contains("It started three weeks ago after he went for a long run.");
    assertThat(section(r, "assessment_and_plan")).contains("he most likely has a medial meniscus tear");
  }

  @Test
  void structure_clinicianOwnIntroduction_isKeptInsteadOfComposedOpening() {
    String t = "[doctor] so john is a 47-year-old male with diabetes who presents today with chest pain .\n" + KNEE;
    PatientContext ctx = PatientContext.builder().age(59).sex(PatientContext.Sex.MALE).build();
    String hpi = section(structure(t, NoteTemplate.aciBench(), ctx), "history_of_present_illness");
    assertThat(hpi).startsWith("John is a 47-year-old male with diabetes who presents today with chest pain.");
    assertThat(hpi).doesNotContain("59-year-old");
  }

  @Test
  void structure_customTemplate_fillsSectionsByTheirGuidanceWords() {
    NoteTemplate t = NoteTemplate.builder("ortho").section("history", "History", "What the patient reports.")
        .section("medications", "Current Medications", "Drugs and doses the patient takes.")
        .section("plan", "Plan", "Orders and follow-up.").build();
    StructuringResult r = structure(KNEE, t, PatientContext.empty());
    assertThat(section(r, "medications")).contains("ibuprofen 400 milligrams twice a day");
    assertThat(section(r, "history")).doesNotContain("ibuprofen");
    assertThat(section(r, "plan")).contains("physical therapy");
  }

  @Test
  void structure_unlabelledTranscript_copiesTextWithoutRewritingSpeakers() {
    String plain = "I have had a cough for three days and a fever since Monday.\n"
        + "On exam the lungs have scattered wheezes.\n"
        + "My impression is acute bronchitis and I recommend rest, fluids and an inhaler as needed.";
    StructuringResult r = structure(plain, NoteTemplate.soap(), PatientContext.empty());
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    assertThat(section(r, "subjective"))
        .isEqualTo("Cough.\nI have had a cough for three days and a fever since Monday.");
    assertThat(section(r, "objective")).isEqualTo("On exam the lungs have scattered wheezes.");
    assertThat(r.note().orElseThrow().toPlainText()).contains("I recommend rest, fluids and an inhaler as needed.");
  }

  @Test
  void structure_smallTalkOnly_leavesSectionsEmptyRatherThanInventing() {
    StructuringResult r = structure("[doctor] hi , how are you ?\n[patient] good , thanks .\n[doctor] great .",
        NoteTemplate.soap(), PatientContext.empty());
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    assertThat(r.note().orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void structure_sameEncounterTwice_identicalNotes() {
    StructuredNote a = structure(KNEE, NoteTemplate.aciBench(), PatientContext.empty()).note().orElseThrow();
    StructuredNote b = structure(KNEE, NoteTemplate.aciBench(), PatientContext.empty()).note().orElseThrow();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void generate_returnsJsonObjectWithEveryTemplateKey() throws Exception {
    ModelRequest req = ModelRequest.builder().message(Message.user("x")).transcript(Transcript.parse(KNEE))
        .template(NoteTemplate.aciBench()).build();
    JsonNode json = new ObjectMapper().readTree(MODEL.generate(req).text());
    List<String> keys = NoteTemplate.aciBench().sections().stream().map(s -> s.key()).toList();
    assertThat(json.isObject()).isTrue();
    assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(keys);
  }

  @Test
  void generate_withoutTemplate_usesSoap() throws Exception {
    ModelRequest req = ModelRequest.builder().message(Message.user("x")).transcript(Transcript.parse(KNEE)).build();
    JsonNode json = new ObjectMapper().readTree(MODEL.generate(req).text());
    assertThat(json.fieldNames()).toIterable().containsExactly("subjective", "objective", "assessment", "plan");
  }

  @Test
  void generate_withoutTranscript_throwsInvalidRequestExplainingWhatToDo() {
    ModelRequest req = ModelRequest.builder().message(Message.system("a")).message(Message.user("b")).build();
    assertThatThrownBy(() -> MODEL.generate(req)).isInstanceOf(ModelInvalidRequestException.class)
        .hasMessageContaining("The extractive model needs the request's transcript, found only 2 prompt messages."
            + " Build the request with ModelRequest.Builder.transcript(...), as NoteStructurer does.");
  }

  @Test
  void generate_null_throwsNpeNamingParameter() {
    assertThatThrownBy(() -> MODEL.generate(null)).isInstanceOf(NullPointerException.class).hasMessage("request");
  }
}
