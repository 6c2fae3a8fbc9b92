package org.verinote.fhir.hl7;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.fhir.conformance.AdapterHarness;
import org.verinote.fhir.conformance.ClinicalRecordAdapterConformance;
import org.verinote.fhir.conformance.Fault;
import org.verinote.fhir.conformance.ReadFixture;

/**
 * The HL7 v2 MDM adapter passes the conformance kit against a loopback HAPI receiver. MDM is a one-way feed, so
 * the read checks are skipped; the receiver de-duplicates on TXA-12, so a record is a stored document number.
 */
class Hl7MdmAdapterConformanceTest extends ClinicalRecordAdapterConformance {

  @Override
  protected AdapterHarness createHarness() throws Exception {
    return new Harness(Hl7TestReceiver.start());
  }

  private static final class Harness implements AdapterHarness {
    private final Hl7TestReceiver receiver;
    private final Hl7MdmAdapter adapter;

    Harness(Hl7TestReceiver receiver) {
      this.receiver = receiver;
      this.adapter = build();
    }

    private Hl7MdmAdapter build() {
      return Hl7MdmAdapter.builder().endpoint("127.0.0.1", receiver.port()).ackTimeout(Duration.ofMillis(1500))
          .build();
    }

    @Override
    public ClinicalRecordAdapter adapter() {
      return adapter;
    }

    @Override
    public ClinicalRecordAdapter freshAdapter() {
      return build();
    }

    @Override
    public String encounterId() {
      return "enc-hl7";
    }

    @Override
    public String patientRef() {
      return "Patient/pt-hl7";
    }

    @Override
    public Optional<ReadFixture> reads() {
      return Optional.empty();
    }

    @Override
    public int recordsFor(String submissionKey) {
      return receiver.documents().containsKey(submissionKey) ? 1 : 0;
    }

    @Override
    public Set<Fault> supportedFaults() {
      return EnumSet.of(Fault.TRANSIENT_ERROR_ONCE, Fault.LOST_RESPONSE_AFTER_STORE, Fault.PERMANENT_REJECTION);
    }

    @Override
    public void inject(Fault fault) {
      switch (fault) {
        case TRANSIENT_ERROR_ONCE:
          receiver.next(Hl7TestReceiver.Fault.REFUSE_AR, Duration.ZERO);
          break;
        case LOST_RESPONSE_AFTER_STORE:
          receiver.next(Hl7TestReceiver.Fault.STALL_AFTER_STORE, Duration.ofMillis(3000));
          break;
        default:
          receiver.next(Hl7TestReceiver.Fault.REJECT_AE, Duration.ZERO);
      }
    }

    @Override
    public void close() {
      adapter.close();
      receiver.close();
    }
  }
}
