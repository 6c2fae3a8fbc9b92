package org.verinote.core.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;

/**
 * Wraps any {@link ClinicalRecordAdapter} so that every EHR write emits an {@link EventType#EHR_WRITTEN} or
 * {@link EventType#EHR_WRITE_FAILED} event (adapter name, record id, duration, status — never note text) with the
 * MDC bound for the duration of the call. Created by {@link PipelineListeners#observe}. Thread-safe if the
 * wrapped adapter and listener are.
 */
final class ObservedRecordAdapter implements ClinicalRecordAdapter {

  private final ClinicalRecordAdapter delegate;
  private final PipelineListener listener;

  ObservedRecordAdapter(ClinicalRecordAdapter delegate, PipelineListener listener) {
    this.delegate = Objects.requireNonNull(delegate, "adapter");
    this.listener = PipelineListeners.composite(java.util.List.of(Objects.requireNonNull(listener, "listener")));
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Optional<PatientContext> readPatient(String patientRef) {
    return delegate.readPatient(patientRef);
  }

  @Override
  public Optional<EncounterContext> readEncounter(String encounterRef) {
    return delegate.readEncounter(encounterRef);
  }

  @Override
  public SubmissionReceipt submit(ApprovedNote note) {
    Objects.requireNonNull(note, "note");
    long start = System.nanoTime();
    LogContext.Scope mdc = LogContext.bind(note.tenantId(), note.encounterId(), null);
    try {
      try {
        SubmissionReceipt receipt = delegate.submit(note);
        listener.onEvent(event(EventType.EHR_WRITTEN, note, start)
            .code(receipt.duplicate() ? "duplicate" : "created")
            .ref(Ref.RECORD_ID, receipt.recordId())
            .build());
        return receipt;
      } catch (AdapterException e) {
        listener.onEvent(event(EventType.EHR_WRITE_FAILED, note, start)
            .code("status_" + (e.status().isPresent() ? e.status().getAsInt() : "none")
                + (e.isRetriable() ? "_retriable" : "_final"))
            .build());
        throw e;
      } catch (RuntimeException e) {
        listener.onEvent(event(EventType.EHR_WRITE_FAILED, note, start).code(e.getClass().getSimpleName()).build());
        throw e;
      }
    } finally {
      mdc.close();
    }
  }

  private PipelineEvent.Builder event(EventType type, ApprovedNote note, long start) {
    return PipelineEvent.builder(type, note.tenantId(), note.encounterId())
        .duration(Duration.ofNanos(System.nanoTime() - start))
        .ref(Ref.ADAPTER, delegate.name())
        .ref(Ref.DRAFT_ID, note.draftId())
        .count(Count.DRAFT_VERSION, note.draftVersion());
  }

  @Override
  public String toString() {
    return "Observed[" + delegate + "]";
  }
}
