package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Status;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.RecordedRequest;

/**
 * Hosted (503) → local (HTML) → the embedded extractive model, with de-identification on: the note is drafted in
 * degraded mode, the provenance names the extractive model and both skipped providers, and the prompts that reached
 * the two servers carried tokens, not the patient's name.
 */
class ExtractiveFallbackEndToEndTest {

  private MockModelServer hostedServer;
  private MockModelServer localServer;

  @BeforeEach
  void start() throws IOException {
    hostedServer = MockModelServer.start();
    localServer = MockModelServer.start();
  }

  @AfterEach
  void stop() {
    hostedServer.close();
    localServer.close();
  }

  @Test
  void hostedAndLocalFail_extractiveDraftsDegradedNote_andNoNameLeftTheProcess() {
    hostedServer.otherwise(MockResponse.json(503, "{}"));
    localServer.otherwise(MockResponse.body(200, "text/html", "<html>proxy error</html>"));
    ResilienceOptions once = Fixtures.fast().maxAttempts(1).build();
    FallbackModelProvider chain = FallbackModelProvider.builder()
        .add(OpenAiCompatibleProvider.builder().baseUrl(hostedServer.baseUrl() + "/v1").modelName("gpt-4o")
            .apiKey("sk-test").resilience(once).build())
        .add(OllamaProvider.builder().baseUrl(localServer.baseUrl()).modelName("llama3.2:3b").resilience(once)
            .build())
        .add(new ExtractiveModelProvider())
        .build();
    NoteStructurer structurer = NoteStructurer.builder().model(chain).build();
    Encounter encounter = Encounter.builder().tenantId("clinic-a").encounterId("visit-42")
        .patientContext(PatientContext.builder().givenName("Marguerite").familyName("Okonkwo").build())
        .transcript(Transcript.parse("[doctor] Good morning Marguerite. What brings you in today?\n"
            + "[patient] I have had pain in my right knee for three weeks, worse on stairs.\n"
            + "[doctor] On exam there is tenderness along the medial joint line.\n"
            + "[doctor] I think this is a medial meniscus strain. Let's get an MRI and start physical therapy."))
        .template(NoteTemplate.soap())
        .build();

    StructuringResult r = structurer.structure(encounter);

    assertThat(r.status()).isEqualTo(Status.DEGRADED);
    assertThat(r.note()).isPresent();
    assertThat(r.note().orElseThrow().sections()).anySatisfy(s -> assertThat(s.text()).containsIgnoringCase("knee"));
    assertThat(r.provenance().modelId()).isEqualTo(new ExtractiveModelProvider().info().id());
    assertThat(r.provenance().skippedProviders()).hasSize(2);
    assertThat(r.provenance().skippedProviders().get(0)).startsWith("openai:gpt-4o: ModelServerException:");
    assertThat(r.provenance().skippedProviders().get(1)).startsWith("ollama:llama3.2:3b: ModelResponseException:");
    assertThat(r.provenance().deidentified()).isTrue();

    RecordedRequest hosted = hostedServer.takeRequest();
    RecordedRequest local = localServer.takeRequest();
    assertThat(hosted.body()).contains("knee").doesNotContain("Marguerite").doesNotContain("Okonkwo");
    assertThat(local.body()).contains("knee").doesNotContain("Marguerite").doesNotContain("Okonkwo");
  }
}
