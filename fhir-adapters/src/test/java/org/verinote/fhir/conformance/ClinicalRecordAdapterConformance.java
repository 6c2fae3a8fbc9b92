package org.verinote.fhir.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;

/**
 * The adapter conformance kit: extend it with a factory for your {@link AdapterHarness} and every check below runs
 * against your {@link ClinicalRecordAdapter}. Shipped in {@code verinote-fhir-adapters}' test-jar.
 *
 * <p>It checks read mapping, idempotent submission (same key twice, from a fresh instance, concurrently → one
 * record), error mapping (retriable vs not), behaviour under backend faults (a transient error, a lost answer after
 * the backend stored the note, refused credentials, a permanent rejection), and that unapproved notes cannot reach
 * an adapter at all: {@link ClinicalRecordAdapter#submit} takes an {@link ApprovedNote}, which only the review
 * workflow can construct, so {@code adapter.submit(draft)} does not compile.
 *
 * {@snippet :
 * class MyAdapterConformanceTest extends ClinicalRecordAdapterConformance {
 *   @Override
 *   protected AdapterHarness createHarness() throws Exception {
 *     return new MyHarness();   // starts a loopback backend, builds the adapter
 *   }
 * }
 * }
 */
public abstract class ClinicalRecordAdapterConformance {

  private AdapterHarness harness;

  /**
   * Creates a harness with a fresh backend for one test.
   *
   * @return the harness
   * @throws Exception if the backend cannot start
   */
  protected abstract AdapterHarness createHarness() throws Exception;

  @BeforeEach
  void openHarness() throws Exception {
    harness = createHarness();
  }

  @AfterEach
  void closeHarness() {
    harness.close();
  }

  /** @return the current harness, for subclasses that add their own checks */
  protected final AdapterHarness harness() {
    return harness;
  }

  /** @return a new note for the harness's encounter and patient, approved through the review workflow */
  protected final ApprovedNote newNote() {
    return ApprovedNotes.approve(harness.encounterId(), harness.patientRef());
  }

  @Test
  void name_isShortAndNonBlank() {
    assertThat(harness.adapter().name()).isNotBlank().hasSizeLessThanOrEqualTo(40);
  }

  @Test
  void readPatient_knownPatient_mapsToTheExpectedContext() {
    ReadFixture r = readsOrSkip();
    assertThat(harness.adapter().readPatient(r.patientRef())).contains(r.expectedPatient());
  }

  @Test
  void readPatient_unknownPatient_returnsEmpty() {
    ReadFixture r = readsOrSkip();
    assertThat(harness.adapter().readPatient(r.unknownPatientRef())).isEmpty();
  }

  @Test
  void readEncounter_knownEncounter_mapsToTheExpectedContext() {
    ReadFixture r = readsOrSkip();
    assertThat(harness.adapter().readEncounter(r.encounterRef())).contains(r.expectedEncounter());
  }

  @Test
  void submit_newNote_createsExactlyOneRecordAndAReceipt() {
    ApprovedNote note = newNote();

    SubmissionReceipt receipt = harness.adapter().submit(note);

    assertThat(receipt.adapter()).isEqualTo(harness.adapter().name());
    assertThat(receipt.submissionKey()).isEqualTo(note.submissionKey());
    assertThat(receipt.recordId()).isNotBlank();
    assertThat(receipt.duplicate()).isFalse();
    assertThat(harness.recordsFor(note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_sameNoteTwice_keepsOneRecordAndReportsDuplicate() {
    ApprovedNote note = newNote();
    ClinicalRecordAdapter adapter = harness.adapter();

    SubmissionReceipt first = adapter.submit(note);
    SubmissionReceipt second = adapter.submit(note);

    assertThat(second.recordId()).isEqualTo(first.recordId());
    assertThat(second.duplicate()).isTrue();
    assertThat(harness.recordsFor(note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_sameNoteFromAFreshInstance_keepsOneRecord() {
    ApprovedNote note = newNote();

    harness.adapter().submit(note);
    harness.freshAdapter().submit(note);

    assertThat(harness.recordsFor(note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_twoDifferentNotes_createsTwoRecords() {
    ApprovedNote a = newNote();
    ApprovedNote b = newNote();

    SubmissionReceipt ra = harness.adapter().submit(a);
    SubmissionReceipt rb = harness.adapter().submit(b);

    assertThat(a.submissionKey()).isNotEqualTo(b.submissionKey());
    assertThat(ra.recordId()).isNotEqualTo(rb.recordId());
    assertThat(harness.recordsFor(a.submissionKey())).isEqualTo(1);
    assertThat(harness.recordsFor(b.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_sameNoteConcurrently_keepsOneRecord() throws Exception {
    ApprovedNote note = newNote();
    ClinicalRecordAdapter adapter = harness.adapter();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<SubmissionReceipt>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> adapter.submit(note));
      }
      List<String> ids = new ArrayList<>();
      for (Future<SubmissionReceipt> f : pool.invokeAll(calls)) {
        ids.add(f.get().recordId());
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(harness.recordsFor(note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_afterTransientError_endsWithExactlyOneRecord() {
    faultOrSkip(Fault.TRANSIENT_ERROR_ONCE);
    ApprovedNote note = newNote();
    ClinicalRecordAdapter adapter = harness.adapter();

    submitTolerantly(adapter, note);

    assertThat(harness.recordsFor(note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_afterLostResponse_neverDuplicates() {
    faultOrSkip(Fault.LOST_RESPONSE_AFTER_STORE);
    ApprovedNote note = newNote();
    ClinicalRecordAdapter adapter = harness.adapter();

    submitTolerantly(adapter, note);
    adapter.submit(note);

    assertThat(harness.recordsFor(note.submissionKey())).isEqualTo(1);
  }

  @Test
  void submit_authRejected_throwsNonRetriableAndWritesNothing() {
    faultOrSkip(Fault.AUTH_REJECTED);
    ApprovedNote note = newNote();

    assertThatThrownBy(() -> harness.adapter().submit(note)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).doesNotContain(note.note().toPlainText());
    });
    assertThat(harness.recordsFor(note.submissionKey())).isZero();
  }

  @Test
  void submit_permanentRejection_throwsNonRetriableWithoutPhiAndWritesNothing() {
    faultOrSkip(Fault.PERMANENT_REJECTION);
    ApprovedNote note = newNote();

    assertThatThrownBy(() -> harness.adapter().submit(note)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).isNotBlank().doesNotContain(note.note().toPlainText());
    });
    assertThat(harness.recordsFor(note.submissionKey())).isZero();
  }

  /**
   * Compile-time refusal of unapproved notes, checked at the type level: {@code submit} accepts only
   * {@link ApprovedNote}, and nothing outside the review workflow can construct one (no public or protected
   * constructor, no public factory), so {@code adapter.submit(draft)} or {@code new ApprovedNote(…)} in an adapter
   * or host does not compile.
   */
  @Test
  void submit_acceptsOnlyApprovedNotes_whichOnlyTheReviewWorkflowCanCreate() throws Exception {
    Method submit = harness.adapter().getClass().getMethod("submit", ApprovedNote.class);
    assertThat(submit.getParameterTypes()).containsExactly(ApprovedNote.class);
    for (Constructor<?> c : ApprovedNote.class.getDeclaredConstructors()) {
      assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())).isFalse();
    }
    for (Method m : ApprovedNote.class.getDeclaredMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == ApprovedNote.class) {
        assertThat(Modifier.isPublic(m.getModifiers())).isFalse();
      }
    }
    assertThat(Modifier.isFinal(ApprovedNote.class.getModifiers())).isTrue();
  }

  /** Submits, retrying only while the adapter says a retry may help; at most three times. */
  private static void submitTolerantly(ClinicalRecordAdapter adapter, ApprovedNote note) {
    for (int attempt = 1; ; attempt++) {
      try {
        adapter.submit(note);
        return;
      } catch (AdapterException e) {
        assertThat(e.isRetriable()).as("a transient backend fault must surface as retriable: %s", e.getMessage())
            .isTrue();
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private ReadFixture readsOrSkip() {
    assumeThat(harness.reads()).as("adapter does not read").isPresent();
    return harness.reads().orElseThrow();
  }

  private void faultOrSkip(Fault fault) {
    assumeThat(harness.supportedFaults()).as("harness cannot inject " + fault).contains(fault);
    harness.inject(fault);
  }
}
