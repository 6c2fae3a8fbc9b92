package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.verinote.core.providers.ModelRegistry;
import org.verinote.core.testkit.ScriptedModelProvider;

class IdempotentStructurerTest {

  private static final String RAW = "{\"subjective\": \"cough\"}";

  private static Encounter encounter(String id, String transcript) {
    return Encounter.builder().tenantId("clinic-a").encounterId(id).transcript(Transcript.parse(transcript))
        .template(NoteTemplate.soap()).build();
  }

  private static final Encounter E = encounter("visit-1", "[doctor] hi .\n[patient] i have a cough .");

  @Test
  void sameEncounterTwice_returnsFirstResultWithOneModelCall() {
    ScriptedModelProvider model = ScriptedModelProvider.always(RAW);
    IdempotentStructurer s = IdempotentStructurer.builder(NoteStructurer.builder().model(model).build()).build();
    StructuringResult first = s.structure(E);
    StructuringResult again = s.structure(E);
    assertThat(again).isSameAs(first);
    assertThat(model.calls()).isEqualTo(1);
    assertThat(s.cached(first.provenance().modelRunId())).containsSame(first);
  }

  @Test
  void changedInputsOrVersion_produceANewRun() {
    ScriptedModelProvider model = ScriptedModelProvider.always(RAW);
    ScriptedModelProvider v2 = ScriptedModelProvider.builder().id("scripted", "2").otherwise(RAW).build();
    ModelRegistry registry = ModelRegistry.builder().version("v1", model).version("v2", v2).active("v1").build();
    IdempotentStructurer s = IdempotentStructurer.builder(NoteStructurer.builder().router(registry).build()).build();
    StructuringResult first = s.structure(E);
    StructuringResult edited = s.structure(encounter("visit-1", "[doctor] hi .\n[patient] i have a fever ."));
    registry.activate("clinic-a", "v2");
    StructuringResult upgraded = s.structure(E);
    assertThat(edited.provenance().modelRunId()).isNotEqualTo(first.provenance().modelRunId());
    assertThat(upgraded.provenance().modelRunId()).isNotIn(first.provenance().modelRunId(),
        edited.provenance().modelRunId());
    assertThat(model.calls()).isEqualTo(2);
    assertThat(v2.calls()).isEqualTo(1);
  }

  @Test
  void failedResult_isNotKept_soARetryCallsTheModelAgain() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenThrow(new ModelAuthenticationException("scripted", "bad key (HTTP 401).", null))
        .otherwise(RAW).build();
    IdempotentStructurer s = IdempotentStructurer.builder(NoteStructurer.builder().model(model).build()).build();
    assertThat(s.structure(E).status()).isEqualTo(Status.FAILED);
    assertThat(s.structure(E).status()).isEqualTo(Status.DRAFTED);
    assertThat(model.calls()).isEqualTo(2);
  }

  @Test
  void concurrentDuplicates_makeExactlyOneModelCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ScriptedModelProvider base = ScriptedModelProvider.always(RAW);
    ScriptedModelProvider model = ScriptedModelProvider.builder().thenAnswer(r -> {
      await(release);
      return base.generate(r);
    }).build();
    IdempotentStructurer s = IdempotentStructurer.builder(NoteStructurer.builder().model(model).build()).build();
    List<CompletableFuture<StructuringResult>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> s.structure(E)));
    }
    Thread.sleep(100);
    release.countDown();
    StructuringResult first = calls.get(0).get(5, TimeUnit.SECONDS);
    for (CompletableFuture<StructuringResult> c : calls) {
      assertThat(c.get(5, TimeUnit.SECONDS)).isSameAs(first);
    }
    assertThat(model.calls()).isEqualTo(1);
  }

  @Test
  void afterTtl_theEncounterIsStructuredAgain() {
    AtomicLong nanos = new AtomicLong();
    ScriptedModelProvider model = ScriptedModelProvider.always(RAW);
    IdempotentStructurer s = IdempotentStructurer.builder(NoteStructurer.builder().model(model).build())
        .expireAfterWrite(Duration.ofMinutes(10)).ticker(nanos::get).build();
    s.structure(E);
    nanos.addAndGet(Duration.ofMinutes(9).toNanos());
    s.structure(E);
    assertThat(model.calls()).isEqualTo(1);
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    s.structure(E);
    assertThat(model.calls()).isEqualTo(2);
  }

  @Test
  void withStore_aResultSavedByAnotherProcessIsReturnedWithoutAModelCall() {
    Map<String, StructuringResult> db = new ConcurrentHashMap<>();
    StructuringResultStore store = new StructuringResultStore() {
      @Override
      public Optional<StructuringResult> find(String runId) {
        return Optional.ofNullable(db.get(runId));
      }

      @Override
      public StructuringResult saveIfAbsent(StructuringResult r) {
        StructuringResult prior = db.putIfAbsent(r.provenance().modelRunId(), r);
        return prior == null ? r : prior;
      }
    };
    ScriptedModelProvider model = ScriptedModelProvider.always(RAW);
    NoteStructurer structurer = NoteStructurer.builder().model(model).build();
    StructuringResult first = IdempotentStructurer.builder(structurer).store(store).build().structure(E);
    assertThat(db).containsEntry(first.provenance().modelRunId(), first);

    IdempotentStructurer restarted = IdempotentStructurer.builder(structurer).store(store).build();
    assertThat(restarted.structure(E)).isSameAs(first);
    assertThat(model.calls()).isEqualTo(1);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
