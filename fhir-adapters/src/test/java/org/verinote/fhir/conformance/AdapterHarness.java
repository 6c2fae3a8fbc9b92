package org.verinote.fhir.conformance;

import java.util.Optional;
import java.util.Set;
import org.verinote.core.record.ClinicalRecordAdapter;

/**
 * Everything the conformance kit needs to exercise one {@link ClinicalRecordAdapter}: the adapter, a backend it
 * talks to (a loopback server, a temporary folder), a way to count what the backend holds, and fault injection.
 * One harness per test; {@link #close()} tears the backend down.
 */
public interface AdapterHarness extends AutoCloseable {

  /** @return the adapter under test, bound to this harness's backend */
  ClinicalRecordAdapter adapter();

  /**
   * A second, independent adapter instance on the same backend — as if the host restarted and lost its in-memory
   * state — to prove idempotency does not rest on one instance's memory alone.
   *
   * @return a new adapter instance
   */
  ClinicalRecordAdapter freshAdapter();

  /** @return the EHR encounter id notes are written for */
  String encounterId();

  /** @return the EHR patient reference notes are written for */
  String patientRef();

  /** @return the read fixture, or empty if the adapter does not read (a one-way feed) */
  Optional<ReadFixture> reads();

  /**
   * Counts the records the backend holds for a submission key.
   *
   * @param submissionKey the key
   * @return how many records carry it
   */
  int recordsFor(String submissionKey);

  /** @return the faults this harness can inject; the others' checks are skipped */
  Set<Fault> supportedFaults();

  /**
   * Arms a fault for the next write.
   *
   * @param fault one of {@link #supportedFaults()}
   */
  void inject(Fault fault);

  /** Releases the backend. */
  @Override
  void close();
}
