package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.NoteTemplate;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.auth.AuthStrategy;
import org.verinote.fhir.conformance.ApprovedNotes;
import org.verinote.fhir.testing.FhirTestServer;
import org.verinote.fhir.testing.RecordedRequest;

class FhirR4AdapterSubmitTest {

  private static final String SYSTEM = FhirR4Adapter.DEFAULT_IDENTIFIER_SYSTEM;

  private FhirTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = FhirTestServer.start().loadFixture();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FhirR4Adapter.Builder adapter() {
    return FhirR4Adapter.builder().serverBase(server.baseUrl());
  }

  private List<RecordedRequest> posts(String type) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : server.requests()) {
      if (r.method().equals("POST") && r.resourceType().equals(type)) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void submit_approvedNote_writesUsCoreDocumentReference() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");

    SubmissionReceipt receipt = adapter().build().submit(note);

    List<Resource> docs = server.store().all("DocumentReference");
    DocumentReference d = (DocumentReference) docs.get(docs.size() - 1);
    assertThat(receipt.recordId()).isEqualTo("DocumentReference/" + d.getIdElement().getIdPart());
    assertThat(receipt.duplicate()).isFalse();
    assertThat(receipt.adapter()).isEqualTo("fhir-r4");
    assertThat(receipt.submissionKey()).isEqualTo(note.submissionKey());
    assertThat(d.getStatus().toCode()).isEqualTo("current");
    assertThat(d.getDocStatus().toCode()).isEqualTo("final");
    assertThat(d.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
    assertThat(d.getType().getCodingFirstRep().getCode()).isEqualTo("11506-3");
    assertThat(d.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical-note");
    assertThat(d.getSubject().getReference()).isEqualTo("Patient/pt-fixture");
    assertThat(d.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/enc-fixture");
    assertThat(d.getContext().getPeriod().getStart().toInstant()).hasToString("2024-03-05T09:00:00Z");
    assertThat(d.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/dr-lee");
    assertThat(d.getDate().toInstant()).isEqualTo(note.approvedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(d.getIdentifierFirstRep().getSystem()).isEqualTo(SYSTEM);
    assertThat(d.getIdentifierFirstRep().getValue()).isEqualTo(note.submissionKey());
    assertThat(d.getMeta().getSecurity()).singleElement().satisfies(c -> assertThat(c.getCode()).isEqualTo("AIAST"));
    assertThat(d.getContent()).hasSize(1);
    assertThat(d.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(new String(d.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
        .isEqualTo(note.note().toMarkdown());
  }

  @Test
  void submit_approvedNote_sendsConditionalCreateWithIdentifierThenProvenance() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");

    adapter().auth(AuthStrategy.bearer("tok-1")).build().submit(note);

    RecordedRequest create = posts("DocumentReference").get(0);
    assertThat(create.path()).isEqualTo("/DocumentReference");
    assertThat(create.header("If-None-Exist"))
        .isEqualTo("identifier=" + SYSTEM + "|" + note.submissionKey());
    assertThat(create.header("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(create.header("Content-Type")).startsWith("application/fhir+json");
    DocumentReference sent = FhirContext.forR4Cached().newJsonParser()
        .parseResource(DocumentReference.class, create.body());
    assertThat(sent.getIdentifierFirstRep().getValue()).isEqualTo(note.submissionKey());
    assertThat(posts("DocumentReference")).hasSize(1);
    assertThat(posts("Provenance")).hasSize(1);
  }

  @Test
  void submit_approvedNote_writesProvenanceNamingClinicianAndModelDevice() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");

    SubmissionReceipt receipt = adapter().build().submit(note);

    Provenance p = (Provenance) server.store().all("Provenance").get(0);
    assertThat(p.getTargetFirstRep().getReference()).isEqualTo(receipt.recordId());
    assertThat(p.getAgent()).hasSize(2);
    assertThat(p.getAgent().get(0).getWho().getReference()).isEqualTo("Practitioner/dr-lee");
    assertThat(p.getAgent().get(0).getType().getCodingFirstRep().getCode()).isEqualTo("author");
    assertThat(p.getContained()).singleElement().isInstanceOfSatisfying(org.hl7.fhir.r4.model.Device.class, d -> {
      assertThat(d.getDeviceNameFirstRep().getName()).isEqualTo(ApprovedNotes.MODEL_ID);
      assertThat(d.getVersionFirstRep().getValue()).isEqualTo(ApprovedNotes.MODEL_VERSION);
    });
  }

  @Test
  void submit_sameNoteTwice_writesOnceAndReportsDuplicateWithoutCallingTheServer() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");
    FhirR4Adapter a = adapter().build();

    SubmissionReceipt first = a.submit(note);
    int requests = server.requests().size();
    SubmissionReceipt second = a.submit(note);

    assertThat(second.recordId()).isEqualTo(first.recordId());
    assertThat(second.duplicate()).isTrue();
    assertThat(server.requests()).hasSize(requests);
    assertThat(server.store().countWithIdentifier("DocumentReference", SYSTEM, note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_sameNoteFromTwoAdaptersWithSeparateLedgers_conditionalCreateKeepsOneRecord() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");

    SubmissionReceipt first = adapter().build().submit(note);
    SubmissionReceipt second = adapter().build().submit(note);

    assertThat(second.recordId()).isEqualTo(first.recordId());
    assertThat(second.duplicate()).isTrue();
    assertThat(server.store().countWithIdentifier("DocumentReference", SYSTEM, note.submissionKey())).isEqualTo(1);
    assertThat(server.store().all("Provenance")).hasSize(1);
  }

  @Test
  void submit_sameNoteConcurrently_writesExactlyOneRecord() throws Exception {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");
    FhirR4Adapter a = adapter().build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<SubmissionReceipt>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> a.submit(note));
      }
      List<String> ids = new ArrayList<>();
      for (Future<SubmissionReceipt> f : pool.invokeAll(calls)) {
        ids.add(f.get().recordId());
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.store().countWithIdentifier("DocumentReference", SYSTEM, note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_consultTemplate_usesItsLoincType() {
    NoteTemplate consult = NoteTemplate.builder("consult").documentTypeCode("11488-4")
        .section("reason", "Reason", "Why the patient was referred.").build();
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture", consult);

    adapter().build().submit(note);

    DocumentReference d = (DocumentReference) server.store().all("DocumentReference").get(1);
    assertThat(d.getType().getCodingFirstRep().getCode()).isEqualTo("11488-4");
    assertThat(d.getType().getCodingFirstRep().getDisplay()).isEqualTo("Consult note");
  }

  @Test
  void submit_plainTextRenderingWithoutLabelOrProvenance_writesOnlyTheDocument() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");

    adapter().rendering(FhirR4Adapter.Rendering.PLAIN_TEXT).aiAssistedLabel(false).provenance(false).build()
        .submit(note);

    DocumentReference d = (DocumentReference) server.store().all("DocumentReference").get(1);
    assertThat(new String(d.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
        .isEqualTo(note.note().toPlainText());
    assertThat(d.getMeta().getSecurity()).isEmpty();
    assertThat(server.store().all("Provenance")).isEmpty();
  }

  @Test
  void submit_unknownEncounter_omitsEncounterButKeepsPatient() {
    ApprovedNote note = ApprovedNotes.approve("enc-unknown", "Patient/pt-fixture");

    adapter().build().submit(note);

    DocumentReference d = (DocumentReference) server.store().all("DocumentReference").get(1);
    assertThat(d.getContext().hasEncounter()).isFalse();
    assertThat(d.getSubject().getReference()).isEqualTo("Patient/pt-fixture");
  }

  @Test
  void submit_noPatientRef_takesThePatientFromTheEncounter() {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", null);

    adapter().build().submit(note);

    DocumentReference d = (DocumentReference) server.store().all("DocumentReference").get(1);
    assertThat(d.getSubject().getReference()).isEqualTo("Patient/pt-fixture");
  }
}
