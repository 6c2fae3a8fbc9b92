package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.testkit.SharedData;
import org.verinote.fhir.testing.FhirTestServer;

class FhirR4AdapterReadTest {

  private static FhirTestServer server;
  private static FhirR4Adapter adapter;

  @BeforeAll
  static void start() throws Exception {
    server = FhirTestServer.start().loadFixture();
    adapter = FhirR4Adapter.builder().serverBase(server.baseUrl()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void readPatient_fixture_mapsEveryDemographicField() {
    PatientContext expected = PatientContext.builder()
        .givenName("Amina").givenName("Q").familyName("Okafor")
        .otherName("Amina Bello").otherName("Tunde Okafor")
        .birthDate(LocalDate.of(1971, 4, 9))
        .sex(PatientContext.Sex.FEMALE)
        .mrn("MRN-00417").identifier("999-12-3456").identifier("ext-77")
        .addressLine("12 Harbour Road").addressLine("Flat 3").city("Springfield").postalCode("01109")
        .phone("555-0142").email("amina@example.org")
        .build();

    assertThat(adapter.readPatient(FhirTestServer.FIXTURE_PATIENT)).contains(expected);
  }

  @Test
  void readPatient_bareId_readsTheSamePatient() {
    assertThat(adapter.readPatient("pt-fixture")).isEqualTo(adapter.readPatient("Patient/pt-fixture"));
    assertThat(server.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/Patient/pt-fixture"));
  }

  @Test
  void readPatient_unknownId_returnsEmpty() {
    assertThat(adapter.readPatient("Patient/nobody")).isEmpty();
  }

  @Test
  void readPatient_referenceToAnotherType_throwsIllegalArgument() {
    assertThatThrownBy(() -> adapter.readPatient("Encounter/enc-fixture"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a Patient reference like 'Patient/123', got a Encounter reference");
  }

  @Test
  void readPatient_blankReference_throwsIllegalArgument() {
    assertThatThrownBy(() -> adapter.readPatient("  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Patient reference must not be blank");
  }

  @Test
  void readEncounter_fixture_mapsPatientPeriodAndStatus() {
    assertThat(adapter.readEncounter("Encounter/enc-fixture")).contains(new EncounterContext("Encounter/enc-fixture",
        "Patient/pt-fixture", Instant.parse("2024-03-05T09:00:00Z"), Instant.parse("2024-03-05T09:40:00Z"),
        "finished"));
  }

  @Test
  void readEncounter_unknownId_returnsEmpty() {
    assertThat(adapter.readEncounter("enc-missing")).isEmpty();
  }

  @Test
  void readRecentHistory_fixture_returnsPriorNoteProblemAndMedication() {
    RecentHistory h = adapter.readRecentHistory("Patient/pt-fixture", 10);

    assertThat(h.notes()).singleElement().satisfies(n -> {
      assertThat(n.ref()).isEqualTo("DocumentReference/doc-prior");
      assertThat(n.typeCode()).isEqualTo("11506-3");
      assertThat(n.text()).isEqualTo("Prior note text.");
    });
    assertThat(h.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("38341003");
      assertThat(p.status()).isEqualTo("active");
    });
    assertThat(h.medications()).singleElement().satisfies(m -> assertThat(m.code()).isEqualTo("314076"));
    assertThat(h.toString()).isEqualTo("RecentHistory[notes=1, problems=1, medications=1]");
  }

  @Test
  void readRecentHistory_limitOutOfRange_throwsIllegalArgument() {
    assertThatThrownBy(() -> adapter.readRecentHistory("Patient/pt-fixture", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1–100, got 0");
  }

  @Test
  void readPatient_serverDown_throwsRetriableAdapterException() {
    FhirR4Adapter nowhere = FhirR4Adapter.builder().serverBase(java.net.URI.create("http://127.0.0.1:1/fhir"))
        .connectTimeout(java.time.Duration.ofMillis(500)).build();

    assertThatThrownBy(() -> nowhere.readPatient("Patient/1"))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.isRetriable()).isTrue();
          assertThat(e.status()).isEmpty();
          assertThat(e.getMessage()).isEqualTo("FHIR read Patient/1: no answer (connection failed). Retry later.");
        });
  }

  @Test
  void readPatient_syntheaBundles_mapNamesBirthDateAndIdentifiers() throws Exception {
    for (String file : new String[] {"fhir/synthea-1.json", "fhir/synthea-2.json", "fhir/synthea-3.json"}) {
      Path bundle = SharedData.require(file);
      String patient = server.loadTransactionBundle(bundle);

      PatientContext ctx = adapter.readPatient(patient).orElseThrow();

      assertThat(ctx.givenNames()).isNotEmpty();
      assertThat(ctx.familyName()).isPresent();
      assertThat(ctx.birthDate()).isPresent();
      assertThat(ctx.sex()).isPresent();
      assertThat(ctx.mrn()).isPresent();
      assertThat(ctx.addressLines()).isNotEmpty();
      assertThat(adapter.readRecentHistory(patient, 5).notes()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }
  }

  @Test
  void readPatient_hl7Example_mapsOfficialNameAndContacts() throws Exception {
    Path file = SharedData.require("fhir/hl7-r4-examples/Patient-example.json");
    String ref = server.loadResource(file);

    PatientContext ctx = adapter.readPatient(ref).orElseThrow();

    assertThat(ctx.givenNames()).containsExactly("Peter", "James");
    assertThat(ctx.familyName()).contains("Chalmers");
    assertThat(ctx.birthDate()).contains(LocalDate.of(1974, 12, 25));
    assertThat(ctx.otherNames()).contains("Jim", "Bénédicte du Marché");
  }
}
