package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.PromptProfile;

/** The model run id is the idempotency key of durable stores: it must not change between processes. */
class ModelRunIdTest {

  private static final ModelInfo MODEL = new ModelInfo("openai:gpt-4o", "v1",
      new ModelCapabilities(true, 128_000, true, PromptProfile.LARGE_HOSTED));

  private static Encounter encounter(String transcript) {
    return Encounter.builder().tenantId("clinic-a").encounterId("visit-1")
        .patientContext(PatientContext.builder().givenName("Ana").sex(PatientContext.Sex.FEMALE).build())
        .transcript(Transcript.parse(transcript)).template(NoteTemplate.soap()).build();
  }

  @Test
  void modelRunId_withEnumValuedContext_isTheSameInEveryProcess() {
    // Golden value: computed once; an identity hash code anywhere in the key would change it on every JVM start.
    assertThat(NoteStructurer.modelRunId(encounter("[doctor] hi .\n[patient] cough ."), MODEL))
        .isEqualTo(GOLDEN);
  }

  @Test
  void modelRunId_changesWithInputsAndVersion() {
    String base = NoteStructurer.modelRunId(encounter("[doctor] hi .\n[patient] cough ."), MODEL);
    assertThat(NoteStructurer.modelRunId(encounter("[doctor] hi .\n[patient] fever ."), MODEL)).isNotEqualTo(base);
    assertThat(NoteStructurer.modelRunId(encounter("[doctor] hi .\n[patient] cough ."),
        new ModelInfo(MODEL.id(), "v2", MODEL.capabilities()))).isNotEqualTo(base);
  }

  private static final String GOLDEN = "run-af1175cb33451c195abfe44d";
}
