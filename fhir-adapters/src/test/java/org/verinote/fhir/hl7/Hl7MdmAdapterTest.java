package org.verinote.fhir.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.SubmissionLedger;
import org.verinote.fhir.conformance.ApprovedNotes;

/** The HL7 path delivers exactly one MDM^T02 per note with a positive ACK, whatever the receiver does. */
class Hl7MdmAdapterTest {

  private static Hl7TestReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = Hl7TestReceiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  @BeforeEach
  void reset() {
    receiver.clear();
  }

  private Hl7MdmAdapter.Builder adapter() {
    return Hl7MdmAdapter.builder().endpoint("127.0.0.1", receiver.port()).ackTimeout(Duration.ofSeconds(5));
  }

  @Test
  void submit_note_sendsOneMdmT02WithSegmentsAndOneObxPerLine() {
    ApprovedNote note = ApprovedNotes.approve("enc-9", "Patient/pt-9");

    SubmissionReceipt receipt = adapter().routing("VERINOTE", "CLINIC", "EPIC", "HOSP").build().submit(note);

    assertThat(receipt.recordId()).isEqualTo(note.submissionKey());
    assertThat(receipt.duplicate()).isFalse();
    assertThat(receiver.deliveries()).hasSize(1);
    String[] segments = receiver.documents().get(note.submissionKey()).split("\r");
    assertThat(segments[0]).startsWith("MSH|^~\\&|VERINOTE|CLINIC|EPIC|HOSP|").contains("|MDM^T02^MDM_T02|")
        .contains("|P|2.5.1");
    assertThat(segments[1]).startsWith("EVN|T02|");
    assertThat(segments[2]).startsWith("PID|1||pt-9^^^^MR");
    assertThat(segments[3]).startsWith("PV1|1|U|").contains("|enc-9");
    assertThat(segments[4]).startsWith("TXA|1|PN|TX|")
        .contains("|" + note.submissionKey() + "^VERINOTE|")
        .contains("|AU||AV|");
    String[] lines = note.note().toPlainText().split("\n", -1);
    List<String> obx = java.util.Arrays.stream(segments).filter(s -> s.startsWith("OBX|")).toList();
    assertThat(obx).hasSize(lines.length);
    assertThat(obx.get(0)).isEqualTo("OBX|1|TX|11506-3^Progress note^LN||" + lines[0] + "||||||F");
  }

  @Test
  void submit_sameNoteTwice_sendsOnceAndReportsDuplicate() {
    ApprovedNote note = ApprovedNotes.approve("enc-9", "Patient/pt-9");
    Hl7MdmAdapter a = adapter().build();

    a.submit(note);
    SubmissionReceipt second = a.submit(note);

    assertThat(second.duplicate()).isTrue();
    assertThat(receiver.deliveries()).hasSize(1);
  }

  @Test
  void submit_ackLost_resendsSameDocumentNumberAndReceiverKeepsOne() {
    ApprovedNote note = ApprovedNotes.approve("enc-9", "Patient/pt-9");
    receiver.next(Hl7TestReceiver.Fault.STALL_AFTER_STORE, Duration.ofMillis(2500));

    SubmissionReceipt receipt = adapter().ackTimeout(Duration.ofMillis(800)).build().submit(note);

    assertThat(receipt.recordId()).isEqualTo(note.submissionKey());
    assertThat(receiver.deliveries()).hasSize(2);
    assertThat(receiver.documents()).containsOnlyKeys(note.submissionKey());
    assertThat(receiver.deliveries().get(0)).contains("VN").doesNotContain(controlIdOf(receiver.deliveries().get(1)));
  }

  private static String controlIdOf(String er7) {
    return er7.split("\r")[0].split("\\|")[9];
  }

  @Test
  void submit_applicationError_throwsNonRetriable() {
    ApprovedNote note = ApprovedNotes.approve("enc-9", "Patient/pt-9");
    receiver.next(Hl7TestReceiver.Fault.REJECT_AE, Duration.ZERO);
    SubmissionLedger ledger = SubmissionLedger.inMemory();

    assertThatThrownBy(() -> adapter().ledger(ledger).build().submit(note))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.isRetriable()).isFalse();
          assertThat(e.getMessage()).isEqualTo("HL7 receiver answered AE to MDM^T02 for note " + note.draftId()
              + ". The receiver rejected the document; fix the message or the receiver's configuration, do not "
              + "retry.");
        });
    assertThat(ledger.find(note.submissionKey()).orElseThrow().state()).isEqualTo(SubmissionLedger.State.REJECTED);
    assertThat(receiver.documents()).isEmpty();
  }

  @Test
  void submit_applicationRejectThenRetry_deliversOnce() {
    ApprovedNote note = ApprovedNotes.approve("enc-9", "Patient/pt-9");
    receiver.next(Hl7TestReceiver.Fault.REFUSE_AR, Duration.ZERO);
    Hl7MdmAdapter a = adapter().build();

    assertThatThrownBy(() -> a.submit(note)).isInstanceOfSatisfying(AdapterException.class,
        e -> assertThat(e.isRetriable()).isTrue());
    a.submit(note);

    assertThat(receiver.documents()).containsOnlyKeys(note.submissionKey());
  }

  @Test
  void submit_receiverDown_throwsRetriableWithoutSending() {
    Hl7MdmAdapter a = Hl7MdmAdapter.builder().endpoint("127.0.0.1", 1).build();

    assertThatThrownBy(() -> a.submit(ApprovedNotes.approve("enc-9", "Patient/pt-9")))
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.isRetriable()).isTrue();
          assertThat(e.getMessage()).isEqualTo("HL7 MLLP connection to 127.0.0.1:1 failed; nothing was sent. "
              + "Retry later.");
        });
  }

  @Test
  void readPatient_withoutContextSource_throwsNonRetriableNamingTheFix() {
    assertThatThrownBy(() -> adapter().build().readPatient("Patient/pt-9"))
        .isInstanceOfSatisfying(AdapterException.class, e -> assertThat(e.isRetriable()).isFalse())
        .hasMessageContaining("Configure readsFrom(…)");
  }

  @Test
  void readPatient_withContextSource_delegatesToIt() {
    org.verinote.core.PatientContext known = org.verinote.core.PatientContext.builder().mrn("MRN-1").build();
    org.verinote.core.record.ClinicalRecordAdapter source = new org.verinote.core.record.ClinicalRecordAdapter() {
      @Override
      public String name() {
        return "source";
      }

      @Override
      public java.util.Optional<org.verinote.core.PatientContext> readPatient(String ref) {
        return ref.equals("Patient/pt-9") ? java.util.Optional.of(known) : java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<org.verinote.core.record.EncounterContext> readEncounter(String ref) {
        return java.util.Optional.empty();
      }

      @Override
      public SubmissionReceipt submit(ApprovedNote note) {
        throw new AssertionError("the MDM adapter must not write through its context source");
      }
    };

    Hl7MdmAdapter a = adapter().readsFrom(source).build();

    assertThat(a.readPatient("Patient/pt-9")).contains(known);
    assertThat(a.readEncounter("Encounter/enc-9")).isEmpty();
  }

  @Test
  void builder_delimiterInRouting_throwsIllegalArgument() {
    assertThatThrownBy(() -> Hl7MdmAdapter.builder().routing("A|B", "F", "R", "RF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sendingApp must be non-blank without HL7 delimiters, got 'A|B'");
  }
}
