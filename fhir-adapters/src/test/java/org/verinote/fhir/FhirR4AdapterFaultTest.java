package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.auth.AuthStrategy;
import org.verinote.fhir.conformance.ApprovedNotes;
import org.verinote.fhir.testing.FhirTestServer;
import org.verinote.fhir.testing.RecordedRequest;

/** Whatever the server does, approve → submit leaves exactly one DocumentReference (or a clear, typed refusal). */
class FhirR4AdapterFaultTest {

  private static final String SYSTEM = FhirR4Adapter.DEFAULT_IDENTIFIER_SYSTEM;
  private static final Duration SHORT = Duration.ofMillis(1500);
  private static final Duration STALL = Duration.ofMillis(4000);

  private FhirTestServer server;
  private ApprovedNote note;

  @BeforeEach
  void start() throws Exception {
    server = FhirTestServer.start().loadFixture();
    note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");
    // warm the server and the shared client context so that a short read timeout only trips on injected stalls
    FhirR4Adapter warm = FhirR4Adapter.builder().serverBase(server.baseUrl()).readTimeout(SHORT).build();
    warm.readEncounter("Encounter/enc-fixture");
    warm.readRecentHistory("Patient/pt-fixture", 1);
    server.clearRequests();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FhirR4Adapter.Builder adapter() {
    return FhirR4Adapter.builder().serverBase(server.baseUrl()).retryBackoff(Duration.ZERO);
  }

  private int stored() {
    return server.store().countWithIdentifier("DocumentReference", SYSTEM, note.submissionKey());
  }

  private List<String> documentTraffic() {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : server.requests()) {
      if (r.resourceType().equals("DocumentReference")) {
        out.add(r.method() + (r.query() != null && r.query().contains("identifier") ? " search" : ""));
      }
    }
    return out;
  }

  @Test
  void submit_serverErrorThenSuccess_reconcilesThenWritesExactlyOnce() {
    server.faults().respond("POST", "DocumentReference", 500, 1);

    SubmissionReceipt receipt = adapter().build().submit(note);

    assertThat(stored()).isEqualTo(1);
    assertThat(receipt.duplicate()).isFalse();
    assertThat(documentTraffic()).containsExactly("POST", "GET search", "POST");
  }

  @Test
  void submit_timeoutAfterServerStoredTheNote_reconcileFindsItAndNeverPostsAgain() {
    server.faults().stallAfterStore("DocumentReference", STALL);

    SubmissionReceipt receipt = adapter().readTimeout(SHORT).build().submit(note);

    assertThat(stored()).isEqualTo(1);
    assertThat(receipt.recordId()).startsWith("DocumentReference/");
    assertThat(receipt.duplicate()).isFalse();
    assertThat(documentTraffic()).containsExactly("POST", "GET search");
    assertThat(server.store().all("Provenance")).hasSize(1);
  }

  @Test
  void submit_timeoutThenResubmitFromANewProcess_findsTheStoredNote() {
    server.faults().stallAfterStore("DocumentReference", STALL);
    SubmissionLedger ledger = SubmissionLedger.inMemory();
    FhirR4Adapter first = adapter().ledger(ledger).readTimeout(SHORT).maxAttempts(1).build();
    server.faults().respond("GET", "DocumentReference", 503, 1);

    assertThatThrownBy(() -> first.submit(note)).isInstanceOfSatisfying(AdapterException.class,
        e -> assertThat(e.isRetriable()).isTrue());
    assertThat(ledger.find(note.submissionKey()).orElseThrow().state()).isEqualTo(SubmissionLedger.State.UNKNOWN);

    SubmissionReceipt receipt = adapter().ledger(ledger).build().submit(note);

    assertThat(stored()).isEqualTo(1);
    assertThat(receipt.duplicate()).isTrue();
    assertThat(ledger.find(note.submissionKey()).orElseThrow().state()).isEqualTo(SubmissionLedger.State.CONFIRMED);
  }

  @Test
  void submit_keyAlreadyOnTwoRecords_throwsNonRetriable412AndWritesNothing() {
    DocumentReference stray = new DocumentReference();
    stray.addIdentifier().setSystem(SYSTEM).setValue(note.submissionKey());
    server.store().put(stray);
    server.store().put(stray);

    assertThatThrownBy(() -> adapter().build().submit(note)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.status()).hasValue(412);
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("FHIR create DocumentReference: HTTP 412 [error/processing]. Several "
          + "records already carry this submission key; resolve the duplicates in the EHR, do not retry.");
    });
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void submit_badToken_throwsNonRetriable401AndWritesNothing() {
    server.faults().requireBearer("good-token");

    assertThatThrownBy(() -> adapter().auth(AuthStrategy.bearer("stale-token")).build().submit(note))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.status()).hasValue(401);
          assertThat(e.isRetriable()).isFalse();
          assertThat(e.getMessage()).startsWith("FHIR read Encounter/enc-fixture: HTTP 401");
          assertThat(e.getMessage()).endsWith("Authentication failed; check the credentials.");
        });
    assertThat(stored()).isZero();
  }

  @Test
  void submit_createAnswered401_throwsNonRetriableAndRecordsRejected() {
    SubmissionLedger ledger = SubmissionLedger.inMemory();
    server.faults().respond("POST", "DocumentReference", 401, 1);

    assertThatThrownBy(() -> adapter().ledger(ledger).build().submit(note))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.status()).hasValue(401);
          assertThat(e.isRetriable()).isFalse();
        });
    assertThat(ledger.find(note.submissionKey()).orElseThrow().state()).isEqualTo(SubmissionLedger.State.REJECTED);
    assertThat(stored()).isZero();
  }

  @Test
  void submit_unprocessable_throwsNonRetriable422WithIssuePathButNoDiagnostics() {
    server.faults().respond("POST", "DocumentReference", 422, 1);

    assertThatThrownBy(() -> adapter().build().submit(note)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.status()).hasValue(422);
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("FHIR create DocumentReference: HTTP 422 [error/processing at "
          + "DocumentReference]. The server could not process the resource; fix the mapping or the vendor profile, "
          + "do not retry.");
      assertThat(e.getMessage()).doesNotContain("Injected fault");
    });
    assertThat(stored()).isZero();
  }

  @Test
  void submit_serverDownForEveryAttempt_throwsRetriableThenLaterSubmitWritesOnce() {
    server.faults().respond("POST", "DocumentReference", 503, 3);
    FhirR4Adapter a = adapter().maxAttempts(3).build();

    assertThatThrownBy(() -> a.submit(note)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.status()).hasValue(503);
      assertThat(e.isRetriable()).isTrue();
    });
    assertThat(stored()).isZero();

    a.submit(note);

    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void submit_lostAnswerOnServerWithoutIdentifierSearch_refusesToRetryRatherThanDuplicate() {
    VendorProfile blind = VendorProfile.genericR4().toBuilder("blind").identifierHonoured(false)
        .conditionalCreate(false).build();
    server.faults().stallAfterStore("DocumentReference", STALL);
    FhirR4Adapter a = adapter().profile(blind).readTimeout(SHORT).build();

    assertThatThrownBy(() -> a.submit(note)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("Submission " + note.submissionKey() + ": the outcome of an earlier write "
          + "is unknown and vendor profile 'blind' cannot search by identifier to reconcile it. Check the EHR by hand "
          + "before submitting again.");
    });
    assertThatThrownBy(() -> a.submit(note)).isInstanceOf(AdapterException.class);
    assertThat(server.store().all("DocumentReference")).hasSize(2);
  }

  @Test
  void submit_serverWithoutConditionalCreate_searchesThenCreatesPlainly() {
    VendorProfile plain = VendorProfile.genericR4().toBuilder("plain").conditionalCreate(false).build();

    adapter().profile(plain).build().submit(note);

    assertThat(documentTraffic()).containsExactly("GET search", "POST");
    RecordedRequest post = server.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertThat(post.header("If-None-Exist")).isNull();
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void submit_provenanceFailsThenResubmit_completesProvenanceWithoutSecondDocument() {
    server.faults().respond("POST", "Provenance", 500, 1);
    FhirR4Adapter a = adapter().build();

    assertThatThrownBy(() -> a.submit(note)).isInstanceOfSatisfying(AdapterException.class,
        e -> assertThat(e.isRetriable()).isTrue());
    SubmissionReceipt receipt = a.submit(note);

    assertThat(stored()).isEqualTo(1);
    assertThat(server.store().all("Provenance")).hasSize(1);
    assertThat(receipt.duplicate()).isTrue();
  }

  @Test
  void submit_encounterOfAnotherPatient_refusesToFile() {
    ApprovedNote wrong = ApprovedNotes.approve("enc-other", "Patient/pt-fixture");

    assertThatThrownBy(() -> adapter().build().submit(wrong)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("Encounter Encounter/enc-other belongs to a different patient than note "
          + wrong.draftId() + ". Refusing to file it; check the encounter and patient ids.");
    });
    assertThat(server.store().all("DocumentReference")).hasSize(1);
  }

  @Test
  void submit_missingEncounterWhenProfileRequiresOne_throwsNonRetriable() {
    VendorProfile strict = VendorProfile.genericR4().toBuilder("strict").encounterRequired(true).build();
    ApprovedNote orphan = ApprovedNotes.approve("enc-missing", "Patient/pt-fixture");

    assertThatThrownBy(() -> adapter().profile(strict).build().submit(orphan))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.isRetriable()).isFalse();
          assertThat(e.getMessage()).isEqualTo("Encounter enc-missing is not known to the server and vendor profile "
              + "'strict' requires one. Check the encounter id; do not retry unchanged.");
        });
  }
}
