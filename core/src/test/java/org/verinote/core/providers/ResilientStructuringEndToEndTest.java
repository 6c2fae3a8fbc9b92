package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.Failure;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Status;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.testkit.MockModelServer;
import org.verinote.core.testkit.MockResponse;
import org.verinote.core.testkit.ScriptedModelProvider;

/** Hosted → local → extractive over loopback servers with scripted faults: every encounter ends accounted for. */
class ResilientStructuringEndToEndTest {

  private static final String NOTE = "{\"subjective\": \"cough for three days\", \"objective\": \"\","
      + " \"assessment\": \"\", \"plan\": \"\"}";

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

  private static Encounter encounter(int i) {
    return Encounter.builder().tenantId("clinic-a").encounterId("visit-" + i)
        .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] a cough for three days ."))
        .template(NoteTemplate.soap()).build();
  }

  private static ResilienceOptions options(long timeoutMillis) {
    return Fixtures.fast().maxAttempts(2).callTimeout(Duration.ofMillis(timeoutMillis)).build();
  }

  private OpenAiCompatibleProvider hosted(long timeoutMillis) {
    return OpenAiCompatibleProvider.builder().baseUrl(hostedServer.baseUrl() + "/v1").modelName("gpt-4o")
        .apiKey("sk-test").resilience(options(timeoutMillis)).build();
  }

  private OllamaProvider local(long timeoutMillis) {
    return OllamaProvider.builder().baseUrl(localServer.baseUrl()).modelName("llama3.2:3b")
        .resilience(options(timeoutMillis)).build();
  }

  private static MockResponse fault(Random rnd, boolean hosted) {
    switch (rnd.nextInt(8)) {
      case 0: return MockResponse.json(429, "{}").withHeader("Retry-After", "0");
      case 1: return MockResponse.json(500, "{}");
      case 2: return MockResponse.fault(MockResponse.Fault.NO_RESPONSE);
      case 3: return MockResponse.fault(MockResponse.Fault.RESET);
      case 4: return MockResponse.json(200, "{}").withFault(MockResponse.Fault.TRUNCATE_BODY);
      case 5: return MockResponse.body(200, "text/html", "<html>oops</html>");
      case 6: return MockResponse.json(200, hosted ? "{\"choices\": []}" : "{\"done\": false}");
      default: return hosted ? MockResponse.json(200, Fixtures.openAiOk(NOTE))
          : MockResponse.json(200, "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":"
              + Fixtures.quote(NOTE) + "},\"done\":true}");
    }
  }

  @Test
  void randomFaults_everyEncounterEndsDraftedDegradedOrFailedWithReason() {
    Random rnd = new Random(42);
    for (int i = 0; i < 200; i++) {
      hostedServer.enqueue(fault(rnd, true));
      localServer.enqueue(fault(rnd, false));
    }
    NoteStructurer structurer = NoteStructurer.builder()
        .model(FallbackModelProvider.builder().add(hosted(800)).add(local(800))
            .add(ScriptedModelProvider.builder().id("extractive", "1").otherwise(NOTE).build()).build())
        .allowRawTextToRemoteModels()
        .maxAttempts(1)
        .build();
    Map<Status, Integer> tally = new EnumMap<>(Status.class);
    for (int i = 0; i < 16; i++) {
      StructuringResult r = structurer.structure(encounter(i));
      tally.merge(r.status(), 1, Integer::sum);
      if (r.status() == Status.FAILED) {
        assertThat(r.failure().orElseThrow().message()).isNotBlank();
      } else {
        assertThat(r.note()).isPresent();
        assertThat(r.provenance().modelId()).isIn("openai:gpt-4o", "ollama:llama3.2:3b", "extractive");
      }
      if (r.status() == Status.DEGRADED) {
        assertThat(r.provenance().skippedProviders()).isNotEmpty()
            .allSatisfy(s -> assertThat(s).doesNotContain("cough"));
        assertThat(r.provenance().skippedProviders().get(0)).startsWith("openai:gpt-4o: Model");
      }
    }
    assertThat(tally.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(16);
    assertThat(tally).containsKeys(Status.DRAFTED, Status.DEGRADED);
    assertThat(tally).doesNotContainKey(Status.FAILED);
  }

  @Test
  void hostedDown_localAnswers_resultIsDegradedAndNamesWhy() {
    hostedServer.otherwise(MockResponse.json(503, "{}"));
    localServer.enqueue(MockResponse.json(200, "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\","
        + "\"content\":" + Fixtures.quote(NOTE) + "},\"done\":true,\"prompt_eval_count\":10,\"eval_count\":5}"));
    NoteStructurer structurer = NoteStructurer.builder()
        .model(FallbackModelProvider.builder().add(hosted(5000)).add(local(5000)).build())
        .allowRawTextToRemoteModels().build();
    StructuringResult r = structurer.structure(encounter(1));
    assertThat(r.status()).isEqualTo(Status.DEGRADED);
    assertThat(r.provenance().modelId()).isEqualTo("ollama:llama3.2:3b");
    assertThat(r.provenance().modelVersion()).isEqualTo("llama3.2:3b");
    assertThat(r.provenance().skippedProviders()).containsExactly("openai:gpt-4o: ModelServerException: Model"
        + " 'openai:gpt-4o' failed with a server error (HTTP 503).");
    assertThat(hostedServer.requestCount()).isEqualTo(2);
  }

  @Test
  void allProvidersFail_encounterFailsWithModelUnavailableListingEach() {
    hostedServer.otherwise(MockResponse.json(401, "{}"));
    localServer.otherwise(MockResponse.body(200, "text/html", "<html/>"));
    NoteStructurer structurer = NoteStructurer.builder()
        .model(FallbackModelProvider.builder().add(hosted(5000)).add(local(5000)).build())
        .allowRawTextToRemoteModels().maxAttempts(1).build();
    StructuringResult r = structurer.structure(encounter(1));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    Failure f = r.failure().orElseThrow();
    assertThat(f.code()).isEqualTo(Failure.Code.MODEL_UNAVAILABLE);
    assertThat(f.message()).startsWith("The model 'openai:gpt-4o' failed: ModelUnavailableException: All 2"
        + " providers failed: openai:gpt-4o: ModelAuthenticationException")
        .contains("ollama:llama3.2:3b: ModelResponseException");
    assertThat(List.of(r.provenance().attempts().get(0).outcome().name())).containsExactly("MODEL_ERROR");
  }
}
