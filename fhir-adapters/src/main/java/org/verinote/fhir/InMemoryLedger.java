package org.verinote.fhir;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SubmissionLedger} in a concurrent map. */
final class InMemoryLedger implements SubmissionLedger {

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> find(String submissionKey) {
    return Optional.ofNullable(entries.get(Objects.requireNonNull(submissionKey, "submissionKey")));
  }

  @Override
  public void record(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    entries.put(entry.submissionKey(), entry);
  }

  @Override
  public String toString() {
    return "InMemoryLedger[entries=" + entries.size() + "]";
  }
}
