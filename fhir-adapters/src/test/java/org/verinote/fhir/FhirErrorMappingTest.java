package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verinote.core.AdapterException;
import org.verinote.fhir.testing.FhirTestServer;

/** HTTP status + OperationOutcome from a real FHIR response → typed, retriable or not. */
class FhirErrorMappingTest {

  private static FhirTestServer server;
  private static FhirR4Adapter adapter;

  @BeforeAll
  static void start() throws Exception {
    server = FhirTestServer.start().loadFixture();
    adapter = FhirR4Adapter.builder().serverBase(server.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "HTTP {0} → retriable={1}")
  @CsvSource({"400,false", "401,false", "403,false", "408,true", "409,true", "412,false", "422,false", "429,true",
      "500,true", "501,false", "502,true", "503,true", "504,true"})
  void readPatient_errorStatus_mapsToAdapterExceptionWithStatusAndRetriability(int status, boolean retriable) {
    server.faults().respond("GET", "Patient", status, 1);

    assertThatThrownBy(() -> adapter.readPatient("Patient/pt-fixture"))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.status()).hasValue(status);
          assertThat(e.isRetriable()).isEqualTo(retriable);
          assertThat(e.getMessage()).startsWith("FHIR read Patient/pt-fixture: HTTP " + status);
          assertThat(e.getMessage()).doesNotContain("Injected fault");
        });
  }
}
