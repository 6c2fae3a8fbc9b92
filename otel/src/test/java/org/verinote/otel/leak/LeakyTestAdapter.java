package org.verinote.otel.leak;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;

/**
 * A test EHR that accepts every note, or fails the way real adapters do: a 503, or a client bug whose exception
 * message quotes the note (which must still never reach a log or span).
 */
final class LeakyTestAdapter implements ClinicalRecordAdapter {

  enum Behaviour { ACCEPT, UNAVAILABLE, BUGGY }

  private final AtomicInteger written = new AtomicInteger();
  private volatile Behaviour behaviour = Behaviour.ACCEPT;

  void behave(Behaviour b) {
    this.behaviour = b;
  }

  int written() {
    return written.get();
  }

  @Override
  public String name() {
    return "test-ehr";
  }

  @Override
  public Optional<PatientContext> readPatient(String patientRef) {
    return Optional.empty();
  }

  @Override
  public Optional<EncounterContext> readEncounter(String encounterRef) {
    return Optional.empty();
  }

  @Override
  public SubmissionReceipt submit(ApprovedNote note) {
    switch (behaviour) {
      case UNAVAILABLE:
        throw new AdapterException("The EHR answered 503 for submission " + note.submissionKey() + "; retry later.",
            503, true, new RuntimeException("body: " + note.note().toPlainText()));
      case BUGGY:
        throw new IllegalStateException("could not serialise " + note.note().toPlainText());
      default:
        written.incrementAndGet();
        return new SubmissionReceipt(name(), note.submissionKey(), "DocumentReference/" + written.get(), false,
            Instant.now());
    }
  }
}
