package org.verinote.core.testkit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;

/**
 * A fake EHR for submission tests: idempotent on the submission key (as the SPI demands), counting every call and
 * every record actually written, with scripted failures. Thread-safe.
 */
public final class CountingRecordAdapter implements ClinicalRecordAdapter {

  private final Map<String, String> records = new LinkedHashMap<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * Makes the next call throw {@code e} instead of writing (before anything is written).
   *
   * @param e the exception
   * @return this
   */
  public synchronized CountingRecordAdapter failNext(RuntimeException e) {
    failures.add(e);
    return this;
  }

  /** @return how many times {@link #submit} was called */
  public int calls() {
    return calls.get();
  }

  /** @return how many distinct records the EHR holds */
  public synchronized int records() {
    return records.size();
  }

  /** @param key a submission key @return whether the EHR holds a record for it */
  public synchronized boolean holds(String key) {
    return records.containsKey(key);
  }

  @Override
  public String name() {
    return "counting";
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
  public synchronized SubmissionReceipt submit(ApprovedNote note) {
    calls.incrementAndGet();
    RuntimeException fail = failures.poll();
    if (fail != null) {
      throw fail;
    }
    String existing = records.get(note.submissionKey());
    if (existing != null) {
      return new SubmissionReceipt(name(), note.submissionKey(), existing, true, Instant.now());
    }
    String id = "DocumentReference/" + (records.size() + 1);
    records.put(note.submissionKey(), id);
    return new SubmissionReceipt(name(), note.submissionKey(), id, false, Instant.now());
  }
}
