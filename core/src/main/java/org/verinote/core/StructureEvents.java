package org.verinote.core;

import java.time.Duration;
import java.util.List;
import org.verinote.core.events.Count;
import org.verinote.core.events.EventType;
import org.verinote.core.events.PipelineEvent;
import org.verinote.core.events.PipelineListener;
import org.verinote.core.events.PipelineListeners;
import org.verinote.core.events.Ref;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;

/**
 * Emits the {@link NoteStructurer}'s events: one {@link Run} per {@code structure()} call measures each stage from
 * the end of the previous one and builds ids-and-counts-only events. When nobody listens, every method returns at
 * once without reading the clock.
 */
final class StructureEvents {

  private final PipelineListener listener;
  private final boolean on;

  StructureEvents(List<PipelineListener> listeners) {
    this.listener = PipelineListeners.composite(listeners);
    this.on = !PipelineListeners.isNoop(listener);
  }

  Run start(Encounter encounter, String runId, ModelInfo info) {
    return new Run(encounter, runId, info);
  }

  @Override
  public String toString() {
    return String.valueOf(listener);
  }

  /** The events of one {@code structure()} call. Confined to the calling thread. */
  final class Run {
    private final Encounter encounter;
    private final String runId;
    private final ModelInfo info;
    private final long start;
    private final java.time.Instant startedAt;
    private long last;

    private Run(Encounter encounter, String runId, ModelInfo info) {
      this.encounter = encounter;
      this.runId = runId;
      this.info = info;
      this.start = on ? System.nanoTime() : 0L;
      this.startedAt = on ? java.time.Instant.now() : null;
      this.last = start;
    }

    private PipelineEvent.Builder event(EventType type, int attempt) {
      long now = System.nanoTime();
      Duration d = Duration.ofNanos(Math.max(0, now - last));
      last = now;
      return PipelineEvent.builder(type, encounter.tenantId(), encounter.encounterId()).modelRunId(runId)
          .attempt(attempt).duration(d).timestamp(at(now));
    }

    private void emit(PipelineEvent.Builder b) {
      listener.onEvent(b.build());
    }

    void started() {
      if (on) {
        emit(event(EventType.STRUCTURE_STARTED, 0).count(Count.TURNS, encounter.transcript().size())
            .count(Count.CHARS, encounter.transcript().charCount()).ref(Ref.MODEL, info.id())
            .ref(Ref.MODEL_VERSION, info.version()).ref(Ref.TEMPLATE, encounter.template().id()));
      }
    }

    void deidentified(String deidentifierId, java.util.Map<String, Integer> replacements) {
      if (on) {
        long n = 0;
        for (int v : replacements.values()) {
          n += v;
        }
        emit(event(EventType.DEIDENTIFIED, 0).count(Count.REPLACEMENTS, n).ref(Ref.DEIDENTIFIER, deidentifierId));
      }
    }

    void promptBuilt(ModelRequest request) {
      if (on) {
        long chars = 0;
        for (Message m : request.messages()) {
          chars += m.content().length();
        }
        emit(event(EventType.PROMPT_BUILT, 0).count(Count.MESSAGES, request.messages().size())
            .count(Count.CHARS, chars));
      }
    }

    void egressChecked(int attempt, boolean passed) {
      if (on) {
        emit(event(EventType.EGRESS_CHECKED, attempt).code(passed ? "PASSED" : "REFUSED"));
      }
    }

    void modelCalled(int attempt, ModelResponse r) {
      if (on) {
        PipelineEvent.Builder b = event(EventType.MODEL_CALLED, attempt).code(r.finishReason())
            .count(Count.CHARS, r.text().length()).ref(Ref.MODEL, info.id()).ref(Ref.MODEL_VERSION, info.version())
            .ref(Ref.RESPONSE_MODEL, r.modelId()).ref(Ref.RESPONSE_MODEL_VERSION, r.modelVersion());
        if (r.usage().inputTokens() >= 0) {
          b.count(Count.INPUT_TOKENS, r.usage().inputTokens());
        }
        if (r.usage().outputTokens() >= 0) {
          b.count(Count.OUTPUT_TOKENS, r.usage().outputTokens());
        }
        emit(b);
      }
    }

    void modelFailed(int attempt, RuntimeException e) {
      if (on) {
        emit(event(EventType.MODEL_FAILED, attempt).code(e.getClass().getSimpleName()).ref(Ref.MODEL, info.id())
            .ref(Ref.MODEL_VERSION, info.version()));
      }
    }

    void parsed(int attempt, boolean ok, int findings) {
      if (on) {
        emit(event(EventType.PARSED, attempt).code(ok ? "OK" : "UNPARSEABLE").count(Count.FINDINGS, findings));
      }
    }

    void guarded(int attempt, ChainResult chain) {
      if (on) {
        emit(event(EventType.GUARDED, attempt).code(chain.outcome().name())
            .count(Count.FINDINGS, chain.findings().size()));
      }
    }

    void reprompted(int nextAttempt, String reason) {
      if (on) {
        // Instantaneous: the time since the last stage belongs to that stage, so do not move the mark.
        emit(PipelineEvent.builder(EventType.REPROMPTED, encounter.tenantId(), encounter.encounterId())
            .modelRunId(runId).attempt(nextAttempt).code(reason).timestamp(at(System.nanoTime())));
      }
    }

    void restored(StructuredNote note) {
      if (on) {
        emit(event(EventType.RESTORED, 0).count(Count.SECTIONS, filled(note)));
      }
    }

    void finished(StructuringResult r) {
      if (on) {
        EventType type = r.status() == Status.FAILED ? EventType.FAILED
            : r.status() == Status.DEGRADED ? EventType.DEGRADED : EventType.DRAFTED;
        long now = System.nanoTime();
        PipelineEvent.Builder b = PipelineEvent.builder(type, encounter.tenantId(), encounter.encounterId())
            .modelRunId(runId).duration(Duration.ofNanos(Math.max(0, now - start))).timestamp(at(now))
            .count(Count.FINDINGS, r.findings().size()).count(Count.ATTEMPTS, r.provenance().attempts().size())
            .ref(Ref.MODEL, r.provenance().modelId()).ref(Ref.MODEL_VERSION, r.provenance().modelVersion());
        r.failure().ifPresent(f -> b.code(f.code().name()));
        r.note().ifPresent(n -> b.count(Count.SECTIONS, filled(n)));
        emit(b);
      }
    }

    /** Wall-clock time of a {@code nanoTime} reading: one clock for every event, so spans nest exactly. */
    private java.time.Instant at(long nanos) {
      return startedAt.plusNanos(Math.max(0, nanos - start));
    }

    private int filled(StructuredNote note) {
      int n = 0;
      for (NoteSection s : note.sections()) {
        if (!s.text().isEmpty()) {
          n++;
        }
      }
      return n;
    }
  }
}
