package org.verinote.otel.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.verinote.core.Encounter;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.ModelServerException;
import org.verinote.core.ModelTimeoutException;
import org.verinote.core.NoteStructurer;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.Turn;
import org.verinote.core.deid.DeIdentifier;
import org.verinote.core.deid.SafeHarborDeIdentifier;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.Usage;
import org.verinote.core.review.ApprovedNote;
import org.verinote.core.review.DraftStore;
import org.verinote.core.review.ReviewDraft;
import org.verinote.core.review.ReviewWorkflow;
import org.verinote.core.review.SubmissionWorker;
import org.verinote.core.review.TenantContext;
import org.verinote.core.testkit.CapturingLogProvider;
import org.verinote.core.testkit.ScriptedModelProvider;
import org.verinote.otel.OpenTelemetryListener;

/**
 * THE PHI-leak test: whole pipelines (structure → review → approve or reject → submit) over 1,000 generated
 * encounters seeded with known identifiers (names, MRN,
 * phone, email, birth date, address — in the transcript and in the patient context), with failures injected (model
 * throws with identifiers in its message, retries, malformed output quoting the transcript, reprompt then block, a
 * throwing guardrail and a throwing listener, egress refusal, de-identification off with a model echoing raw text,
 * misuse exceptions). Everything observable is captured — every log record at DEBUG with its MDC and throwable,
 * every span with its attributes, events, links and status, every metric, every pipeline event, every exception
 * message and the {@code toString()} of every result — and none of it may contain an identifier or a transcript
 * sentence.
 */
class PipelinePhiLeakTest {

  static final int ENCOUNTERS = 1_000;
  static final int MODES = 8;

  private static InMemorySpanExporter spans;
  private static InMemoryMetricReader metrics;
  private static OpenTelemetrySdk sdk;

  @BeforeAll
  static void otel() {
    spans = InMemorySpanExporter.create();
    metrics = InMemoryMetricReader.create();
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
  }

  @AfterAll
  static void close() {
    sdk.close();
  }

  @Test
  void wholePipelines_overThousandSeededEncountersWithFailures_leakNoIdentifierOrSentence() throws Exception {
    List<String> dialogues = Dialogues.load();
    OpenTelemetryListener otel = OpenTelemetryListener.create(sdk);
    Set<String> allSecrets = new LinkedHashSet<>();
    int[] perMode = new int[MODES];
    long checkedChars = 0;
    int reviewed = 0;
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    CapturingLogProvider.clear();
    spans.reset();

    for (int i = 0; i < ENCOUNTERS; i++) {
      int mode = i % MODES;
      SeededPatient patient = SeededPatient.generate(1000L + i);
      Transcript transcript = transcript(dialogues.get(i % dialogues.size()), patient);
      Encounter encounter = Encounter.builder().tenantId("tenant-" + (i % 3)).encounterId(String.format("enc-%05d", i))
          .transcript(transcript).patientContext(patient.context()).build();
      List<String> secrets = secrets(patient, transcript);
      allSecrets.addAll(secrets);

      List<PipelineEvent> events = new CopyOnWriteArrayList<>();
      List<String> captured = new ArrayList<>();
      StructuringResult r = scenario(mode, encounter, patient, transcript, otel, events, captured).structure(encounter);
      if (r.note().isPresent()) {
        reviewed += review(i, encounter, r, patient, otel, events, captured);
      }

      captured.add(r.toString());
      captured.add(r.provenance().toString());
      r.failure().ifPresent(f -> captured.add(f.toString()));
      r.findings().forEach(f -> captured.add(f.toString()));
      r.provenance().attempts().forEach(a -> captured.add(a.toString() + " " + a.error()));
      captured.addAll(r.provenance().skippedProviders());
      r.note().ifPresent(n -> captured.add(n.toString()));
      events.forEach(e -> captured.add(e.toString()));
      List<CapturingLogProvider.Record> logs = CapturingLogProvider.drain();
      logs.forEach(l -> captured.add(l.allText()));
      List<SpanData> finished = List.copyOf(spans.getFinishedSpanItems());
      spans.reset();
      finished.forEach(s -> captured.add(s.toString()));

      // The capture is real: this encounter's id is in its events, logs (message and MDC) and spans.
      assertThat(events).as("events of %s", encounter.encounterId()).isNotEmpty();
      assertThat(logs).anySatisfy(l -> assertThat(l.mdc()).containsEntry("encounter_id", encounter.encounterId()));
      assertThat(finished).anySatisfy(s -> assertThat(s.getName()).isEqualTo("verinote.structure"));

      String all = String.join("\n", captured);
      checkedChars += all.length();
      assertNoLeak(encounter.encounterId() + " mode " + mode, all, secrets);
      perMode[mode]++;
      statuses.merge(mode + ":" + r.status() + r.failure().map(f -> "/" + f.code()).orElse(""), 1, Integer::sum);
    }
    assertNoLeak("metrics", metrics.collectAllMetrics().toString(), List.copyOf(allSecrets));

    assertThat(perMode).containsOnly(ENCOUNTERS / MODES);
    assertThat(reviewed).isEqualTo(ENCOUNTERS / MODES * 4);
    assertThat(reviewEvents).containsKeys(EventType.DRAFT_CREATED, EventType.EDITED, EventType.APPROVED,
        EventType.REJECTED, EventType.SUBMITTED, EventType.CONFIRMED, EventType.SUBMISSION_FAILED);
    // Every injected failure really happened (the test would be vacuous otherwise).
    assertThat(statuses.keySet()).contains("0:DRAFTED", "1:FAILED/MODEL_UNAVAILABLE", "2:DEGRADED",
        "3:FAILED/INVALID_MODEL_OUTPUT", "4:FAILED/BLOCKED_BY_GUARDRAIL", "5:DRAFTED", "6:FAILED/PHI_EGRESS_REFUSED",
        "7:DRAFTED");
    System.out.println("PHI-leak test: " + ENCOUNTERS + " encounters, " + allSecrets.size() + " distinct secrets, "
        + checkedChars + " characters captured and searched, " + reviewed + " through review and submission,"
        + " ACI-Bench dialogues: " + Dialogues.aciBenchPresent()
        + ", outcomes " + statuses);
  }

  @Test
  void leakDetector_findsAnIdentifierThatWasLogged() {
    SeededPatient p = SeededPatient.generate(7);
    CapturingLogProvider.clear();
    LoggerFactory.getLogger("leak-canary").info("patient {}", p.family());
    String logs = String.join("\n", CapturingLogProvider.drain().stream().map(CapturingLogProvider.Record::allText)
        .toList());
    assertThatThrownBy(() -> assertNoLeak("canary", logs, p.secrets())).isInstanceOf(AssertionError.class)
        .hasMessageContaining("canary");
  }

  private static NoteStructurer scenario(int mode, Encounter e, SeededPatient p, Transcript t,
      OpenTelemetryListener otel, List<PipelineEvent> events, List<String> captured) {
    String sentence = longestTurn(t, p);
    String echo = "{\"subjective\": \"" + json(sentence) + " [PATIENT_1]\", \"plan\": \"call [PHONE_4]\"}";
    String rawEcho = "{\"subjective\": \"" + json(p.given() + " " + p.family() + " " + sentence) + "\", \"plan\": \""
        + json("call " + p.phone() + " or " + p.email()) + "\"}";
    ScriptedModelProvider.Builder model = ScriptedModelProvider.builder().id("openai:gpt-4o", "2024-08-06");
    NoteStructurer.Builder b = NoteStructurer.builder().listener(events::add).listener(otel);
    // The built-in Safe Harbor de-identifier for the drafted and degraded paths, a known-identifier one elsewhere.
    DeIdentifier deid = mode == 0 || mode == 2 ? SafeHarborDeIdentifier.standard()
        : new KnownIdentifierDeIdentifier(false);
    switch (mode) {
      case 0 -> model.remote(true).thenAnswer(r -> new ModelResponse(echo, "openai:gpt-4o", "2024-08-06",
          new Usage(900, 120), "stop", false, List.of()));
      case 1 -> model.remote(true).thenThrow(new IllegalStateException("cannot handle " + p.given() + " "
          + p.family() + ": " + sentence));
      case 2 -> model.remote(true)
          .thenThrow(new ModelTimeoutException("openai:gpt-4o", "No answer within 30 s.",
              new RuntimeException("socket read of " + p.mrn() + " " + sentence)))
          .thenAnswer(r -> ModelResponse.of(echo, new org.verinote.core.model.ModelInfo("ollama:llama3.2", "3b",
              new org.verinote.core.model.ModelCapabilities(true, 8192, false,
                  org.verinote.core.model.PromptProfile.SMALL_LOCAL)))
              .asDegraded(List.of("openai:gpt-4o: timed out twice")));
      // Model outputs and reprompt instructions go back to the model, so they hold tokens, not identifiers
      // (identifiers there would be refused by the egress check, as mode 6 shows).
      case 3 -> model.remote(true).thenReturn("Sure! [PATIENT_1] said: " + sentence)
          .thenReturn("{\"[PATIENT_2] " + json(sentence) + "\": \"" + json(sentence) + "\"");
      case 4 -> {
        model.remote(true).otherwise(echo);
        b.guardrails(GuardrailChain.builder().add(new RepromptThenBlock(sentence, p)).build());
      }
      case 5 -> {
        model.remote(true).otherwise(echo);
        b.guardrails(GuardrailChain.builder().add(new Throwing(p, sentence)).build());
        b.listener(ev -> {
          throw new IllegalStateException("listener choked on " + p.email() + " " + sentence);
        });
      }
      case 6 -> {
        model.remote(true).otherwise(echo);
        deid = new KnownIdentifierDeIdentifier(true);
      }
      default -> {
        model.remote(false).otherwise(rawEcho);
        deid = DeIdentifier.disabled();
        misuse(p, sentence, captured);
      }
    }
    return b.model(model.build()).deIdentifier(deid).build();
  }

  private static final java.util.Map<EventType, Integer> reviewEvents = new java.util.EnumMap<>(EventType.class);

  /**
   * Review, edit (with identifiers in the clinician's text), approve or reject (with identifiers in the reason), and
   * submit to an EHR that accepts, answers 503 or throws with the note in its message.
   *
   * @return 1
   */
  private static int review(int i, Encounter e, StructuringResult r, SeededPatient p, OpenTelemetryListener otel,
      List<PipelineEvent> events, List<String> captured) {
    ReviewWorkflow workflow = ReviewWorkflow.builder().store(DraftStore.inMemory()).listener(events::add)
        .listener(otel).build();
    TenantContext tenant = TenantContext.of(e.tenantId());
    ReviewDraft d = workflow.createDraft(tenant, e, r);
    d = workflow.editSection(tenant, d.draftId(), d.version(), "dr-" + (i % 7), "plan",
        "Call " + p.given() + " " + p.family() + " at " + p.phone() + " on " + p.dobSlashed() + ".");
    captured.add(d.toString());
    try {
      workflow.editSection(tenant, d.draftId(), d.version() - 1, "dr-1", "plan", p.email());
    } catch (RuntimeException stale) {
      captured.add(stale.getMessage() + " " + stale);
    }
    try {
      workflow.editSection(tenant, d.draftId(), d.version(), "dr-1", p.family() + " notes", p.email());
    } catch (RuntimeException noSection) {
      captured.add(noSection.getMessage() + " " + noSection);
    }
    if (i % 5 == 4) {
      captured.add(workflow.reject(tenant, d.draftId(), d.version(), "dr-2", "Wrong patient: " + p.given() + " "
          + p.family() + " " + p.mrn()).toString());
    } else {
      ApprovedNote approved = workflow.approve(tenant, d.draftId(), d.version(), "dr-" + (i % 7));
      captured.add(approved.toString());
      LeakyTestAdapter ehr = new LeakyTestAdapter();
      ehr.behave(i % 5 == 1 ? LeakyTestAdapter.Behaviour.UNAVAILABLE
          : i % 5 == 2 ? LeakyTestAdapter.Behaviour.BUGGY : LeakyTestAdapter.Behaviour.ACCEPT);
      SubmissionWorker.Result res = SubmissionWorker.builder().workflow(workflow).adapter(ehr).build().drain(tenant);
      captured.add(res.toString());
      captured.add(workflow.get(tenant, d.draftId()).toString());
    }
    workflow.auditTrail(tenant, d.draftId()).forEach(a -> captured.add(a.toString()));
    events.stream().filter(ev -> ev.type().category() != EventType.Category.STRUCTURE)
        .forEach(ev -> reviewEvents.merge(ev.type(), 1, Integer::sum));
    return 1;
  }

  /** Misuse and bad input: the exceptions' messages and toString are captured. */
  private static void misuse(SeededPatient p, String sentence, List<String> captured) {
    List<Runnable> bad = List.of(
        () -> Encounter.builder().encounterId(p.given() + " " + p.family()),
        () -> Encounter.builder().patientRef(p.mrn() + " " + p.phone()),
        () -> Transcript.parse(sentence + "\u0000" + p.email()),
        () -> Transcript.parse("   "),
        () -> new ModelServerException("openai:gpt-4o", 503, "Server error 503; retry later.",
            new RuntimeException(sentence)).getMessage().chars().forEach(c -> { }));
    for (Runnable r : bad) {
      try {
        r.run();
      } catch (RuntimeException ex) {
        captured.add(ex.getMessage() + " " + ex);
      }
    }
  }

  private static Transcript transcript(String dialogue, SeededPatient p) {
    String[] lines = dialogue.split("\n");
    StringBuilder sb = new StringBuilder(p.introTurns());
    for (int i = 0; i < Math.min(lines.length, 40); i++) {
      sb.append(lines[i]).append('\n');
      if (i == 10) {
        sb.append("[doctor] just to confirm , " + p.given() + " , your number is still " + p.phone() + " ?\n");
      }
    }
    return Transcript.parse(sb.toString());
  }

  /** The patient's identifiers, and every turn and sentence of 25 characters or more. */
  private static List<String> secrets(SeededPatient p, Transcript t) {
    Set<String> out = new LinkedHashSet<>(p.secrets());
    for (Turn turn : t.turns()) {
      String text = turn.text().strip();
      if (text.length() >= 25) {
        out.add(text);
      }
      for (String s : text.split("\\s[.?!]\\s|\\s[.?!]$")) {
        if (s.strip().length() >= 25) {
          out.add(s.strip());
        }
      }
    }
    return List.copyOf(out);
  }

  static void assertNoLeak(String where, String captured, List<String> secrets) {
    for (String s : secrets) {
      if (captured.contains(s)) {
        int at = captured.indexOf(s);
        throw new AssertionError("PHI leak in " + where + ": found '" + s + "' in: ..."
            + captured.substring(Math.max(0, at - 200), Math.min(captured.length(), at + s.length() + 200)) + "...");
      }
    }
  }

  /** The longest turn (under 300 characters) that holds no identifier: what a model would quote. */
  private static String longestTurn(Transcript t, SeededPatient p) {
    String best = "";
    for (Turn turn : t.turns()) {
      boolean clean = p.secrets().stream().noneMatch(turn.text()::contains);
      if (clean && turn.text().length() > best.length() && turn.text().length() < 300) {
        best = turn.text();
      }
    }
    return best.strip();
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Asks for a reprompt quoting the note on the first attempt, blocks on the second. */
  private record RepromptThenBlock(String sentence, SeededPatient p) implements Guardrail {
    @Override
    public String name() {
      return "reprompt-then-block";
    }

    @Override
    public GuardVerdict check(org.verinote.core.guard.GuardContext c) {
      return c.attempt() == 1
          ? new GuardVerdict.Reprompt("Remove the unsupported claim '" + sentence + "' about [PATIENT_1]",
              List.of(Finding.of(name(), "UNSUPPORTED", Severity.WARNING, "A claim is not in the transcript.")),
              Map.of("fidelity", 0.4))
          : new GuardVerdict.Block("A claim was not supported by the transcript.", List.of(), Map.of());
    }
  }

  /** A guardrail layer that throws with identifiers in its message. */
  private record Throwing(SeededPatient p, String sentence) implements Guardrail {
    @Override
    public String name() {
      return "throwing";
    }

    @Override
    public GuardVerdict check(org.verinote.core.guard.GuardContext c) {
      throw new IllegalArgumentException("cannot check " + p.given() + " " + p.mrn() + " " + sentence);
    }
  }
}
