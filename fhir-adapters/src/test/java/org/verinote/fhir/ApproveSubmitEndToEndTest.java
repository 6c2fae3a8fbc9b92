package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ValidationOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verinote.core.AdapterException;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.conformance.ApprovedNotes;
import org.verinote.fhir.testing.FaultPlan;
import org.verinote.fhir.testing.FhirTestServer;

/**
 * The bar: approve → submit (retrying while the adapter says a retry may help) → the server holds exactly
 * one valid DocumentReference and exactly one valid Provenance, whatever faults were injected.
 */
class ApproveSubmitEndToEndTest {

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("no fault", (Consumer<FaultPlan>) f -> { }),
        Arguments.of("500 then success", (Consumer<FaultPlan>) f -> f.respond("POST", "DocumentReference", 500, 1)),
        Arguments.of("503 on every attempt of the first submit",
            (Consumer<FaultPlan>) f -> f.respond("POST", "DocumentReference", 503, 2)),
        Arguments.of("timeout after the server stored the note",
            (Consumer<FaultPlan>) f -> f.stallAfterStore("DocumentReference", Duration.ofMillis(4000))),
        Arguments.of("Provenance write fails once",
            (Consumer<FaultPlan>) f -> f.respond("POST", "Provenance", 500, 1)),
        Arguments.of("reconcile search fails after a lost answer", (Consumer<FaultPlan>) f -> {
          f.stallAfterStore("DocumentReference", Duration.ofMillis(4000));
          f.respond("GET", "DocumentReference", 503, 1);
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void approveThenSubmit_underFault_leavesExactlyOneValidDocumentAndProvenance(String name,
      Consumer<FaultPlan> fault) throws Exception {
    try (FhirTestServer server = FhirTestServer.start().loadFixture()) {
      FhirR4Adapter adapter = FhirR4Adapter.builder().serverBase(server.baseUrl())
          .readTimeout(Duration.ofMillis(1500)).maxAttempts(2).retryBackoff(Duration.ofMillis(20)).build();
      adapter.readEncounter("Encounter/enc-fixture");
      ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");
      fault.accept(server.faults());

      for (int attempt = 1; ; attempt++) {
        try {
          adapter.submit(note);
          break;
        } catch (AdapterException e) {
          assertThat(e.isRetriable()).as(e.getMessage()).isTrue();
          assertThat(attempt).as("submit attempts").isLessThan(4);
        }
      }

      List<Resource> docs = server.store().search("DocumentReference", FhirR4Adapter.DEFAULT_IDENTIFIER_SYSTEM,
          note.submissionKey(), null, null);
      assertThat(docs).hasSize(1);
      String docRef = "DocumentReference/" + docs.get(0).getIdElement().getIdPart();
      List<Resource> provenance = server.store().search("Provenance", null, null, null, docRef);
      assertThat(provenance).hasSize(1);
      assertThat(DocumentReferenceValidationTest.errors(DocumentReferenceValidationTest.validator()
          .validateWithResult((DocumentReference) docs.get(0),
              new ValidationOptions().addProfile(DocumentReferenceValidationTest.PROFILE)))).isEmpty();
      assertThat(DocumentReferenceValidationTest.errors(DocumentReferenceValidationTest.validator()
          .validateWithResult((Provenance) provenance.get(0)))).isEmpty();
    }
  }
}
