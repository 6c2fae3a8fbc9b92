package org.verinote.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.fhir.conformance.AdapterHarness;
import org.verinote.fhir.conformance.ClinicalRecordAdapterConformance;
import org.verinote.fhir.conformance.Fault;
import org.verinote.fhir.conformance.ReadFixture;
import org.verinote.fhir.testing.FhirTestServer;

/** The FHIR R4 adapter passes the conformance kit against the in-process HAPI server. */
class FhirR4AdapterConformanceTest extends ClinicalRecordAdapterConformance {

  @Override
  protected AdapterHarness createHarness() throws Exception {
    return new Harness(FhirTestServer.start().loadFixture());
  }

  private static final class Harness implements AdapterHarness {
    private final FhirTestServer server;
    private final FhirR4Adapter adapter;

    Harness(FhirTestServer server) {
      this.server = server;
      this.adapter = build();
      adapter.readEncounter("Encounter/enc-fixture");
    }

    private FhirR4Adapter build() {
      return FhirR4Adapter.builder().serverBase(server.baseUrl()).readTimeout(Duration.ofMillis(1500))
          .retryBackoff(Duration.ofMillis(50)).build();
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
      return "enc-fixture";
    }

    @Override
    public String patientRef() {
      return "Patient/pt-fixture";
    }

    @Override
    public Optional<ReadFixture> reads() {
      PatientContext patient = PatientContext.builder()
          .givenName("Amina").givenName("Q").familyName("Okafor")
          .otherName("Amina Bello").otherName("Tunde Okafor")
          .birthDate(LocalDate.of(1971, 4, 9)).sex(PatientContext.Sex.FEMALE)
          .mrn("MRN-00417").identifier("999-12-3456").identifier("ext-77")
          .addressLine("12 Harbour Road").addressLine("Flat 3").city("Springfield").postalCode("01109")
          .phone("555-0142").email("amina@example.org").build();
      EncounterContext encounter = new EncounterContext("Encounter/enc-fixture", "Patient/pt-fixture",
          Instant.parse("2024-03-05T09:00:00Z"), Instant.parse("2024-03-05T09:40:00Z"), "finished");
      return Optional.of(new ReadFixture("Patient/pt-fixture", patient, "Encounter/enc-fixture", encounter,
          "Patient/unknown-1"));
    }

    @Override
    public int recordsFor(String submissionKey) {
      return server.store().countWithIdentifier("DocumentReference", FhirR4Adapter.DEFAULT_IDENTIFIER_SYSTEM,
          submissionKey);
    }

    @Override
    public Set<Fault> supportedFaults() {
      return EnumSet.allOf(Fault.class);
    }

    @Override
    public void inject(Fault fault) {
      switch (fault) {
        case TRANSIENT_ERROR_ONCE:
          server.faults().respond("POST", "DocumentReference", 503, 1);
          break;
        case LOST_RESPONSE_AFTER_STORE:
          server.faults().stallAfterStore("DocumentReference", Duration.ofMillis(4000));
          break;
        case AUTH_REJECTED:
          server.faults().respond("POST", "DocumentReference", 401, 1);
          break;
        default:
          server.faults().respond("POST", "DocumentReference", 422, 1);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
