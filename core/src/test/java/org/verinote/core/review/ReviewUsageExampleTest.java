package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.StructuringResult;
import org.verinote.core.testkit.CountingRecordAdapter;
import org.verinote.core.testkit.ReviewFixtures;

/** The code shown in docs/guides/review.md, run end to end on PostgreSQL. */
class ReviewUsageExampleTest {

  @Test
  void guideExample_draftEditApproveSubmitExport() {
    EmbeddedPostgres pg = EmbeddedPostgres.get();
    DataSource ownerDataSource = pg.owner();
    DataSource appDataSource = pg.app();
    TenantContext clinic = TenantContext.of("guide-" + System.nanoTime());
    Encounter encounter = ReviewFixtures.encounter(clinic.tenantId(), "visit-42");
    StructuringResult result = ReviewFixtures.result(encounter, "run-42");
    CountingRecordAdapter fhirAdapter = new CountingRecordAdapter();

    // --- guide: setup ---
    PostgresSchema.migrate(ownerDataSource, "verinote_app");   // once, at deploy time, as the schema owner
    ReviewWorkflow review = ReviewWorkflow.builder()
        .store(DraftStore.postgres(appDataSource))             // connects as verinote_app: RLS applies
        .build();
    SubmissionWorker worker = SubmissionWorker.builder().workflow(review).adapter(fhirAdapter).build();

    // --- guide: review ---
    ReviewDraft d = review.createDraft(clinic, encounter, result);           // v1, DRAFTED
    d = review.editSection(clinic, d.draftId(), d.version(), "dr-lee", "plan", "Amoxicillin 500 mg tid.");
    ApprovedNote approved = review.approve(clinic, d.draftId(), d.version(), "dr-lee");   // v3, APPROVED

    // --- guide: submit and audit ---
    SubmissionWorker.Result r = worker.drain(clinic);                       // writes to the EHR, CONFIRMED
    boolean intact = review.verifyAudit(clinic).intact();
    StringWriter jsonl = new StringWriter();
    int pairs = review.exportCorrections(clinic, jsonl);

    assertThat(approved.draftVersion()).isEqualTo(3);
    assertThat(r.confirmed()).isEqualTo(1);
    assertThat(fhirAdapter.holds(approved.submissionKey())).isTrue();
    assertThat(review.get(clinic, d.draftId()).state()).isEqualTo(ReviewState.CONFIRMED);
    assertThat(intact).isTrue();
    assertThat(pairs).isEqualTo(1);
    assertThat(jsonl.toString()).contains("\"clinician_text\":\"Amoxicillin 500 mg tid.\"");
  }
}
