package org.verinote.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.verinote.core.Attempt;
import org.verinote.core.Encounter;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Provenance;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.audit.AuditChain;
import org.verinote.core.audit.AuditEntry;
import org.verinote.core.audit.AuditEvent;
import org.verinote.core.audit.AuditVerification;
import org.verinote.core.review.ApprovedNote;
import org.verinote.core.review.DraftStore;
import org.verinote.core.review.ReviewDraft;
import org.verinote.core.review.ReviewWorkflow;
import org.verinote.core.review.TenantContext;

/**
 * The review workflow's own cost, without a database: a full review (create, two edits, approve) on the in-memory
 * store, and verifying a 10,000-event audit chain. PostgreSQL figures come from the core test suite (docs/guides/
 * review.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReviewBenchmark {

  private static final TenantContext TENANT = TenantContext.of("bench");
  private final AtomicLong encounters = new AtomicLong();
  private ReviewWorkflow review;
  private List<AuditEvent> chain;

  @Setup(Level.Trial)
  public void setUp() {
    review = ReviewWorkflow.builder().store(DraftStore.inMemory()).build();
    chain = new ArrayList<>();
    AuditEvent head = null;
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 1; i <= 10_000; i++) {
      head = AuditChain.link(head, new AuditEntry("bench", "dr-" + (i / 4), "visit-" + (i / 4), "SECTION_EDITED",
          "dr-lee", t.plusSeconds(i), "IN_REVIEW", "IN_REVIEW", i - 1, i, "plan", AuditChain.sha256Hex("t" + i)));
      chain.add(head);
    }
  }

  private static StructuringResult result(Encounter e) {
    StructuredNote note = StructuredNote.of("soap", "1", List.of(
        new NoteSection("subjective", "Subjective", "Cough for three days.", List.of()),
        new NoteSection("objective", "Objective", "", List.of()),
        new NoteSection("assessment", "Assessment", "Viral bronchitis.", List.of()),
        new NoteSection("plan", "Plan", "Fluids and rest.", List.of())));
    Provenance p = Provenance.builder().modelRunId("run-" + e.encounterId()).model("bench", "1")
        .prompt("SMALL_LOCAL", "1").template("soap", "1").deidentifier("disabled", false)
        .attempt(new Attempt(1, "bench", "1", Attempt.Outcome.ACCEPTED, "{}", "", "", Duration.ZERO, -1, -1))
        .build();
    return StructuringResult.drafted(e, Status.DRAFTED, note, List.of(), Map.of(), p);
  }

  /** Create a draft, edit two sections, approve: five store writes with audit events. */
  @Benchmark
  public ApprovedNote fullReview_inMemory() {
    Encounter e = Encounter.builder().tenantId("bench").encounterId("visit-" + encounters.incrementAndGet())
        .transcript(Transcript.parse("[doctor] hello ?\n[patient] cough .")).template(NoteTemplate.soap()).build();
    ReviewDraft d = review.createDraft(TENANT, e, result(e));
    d = review.editSection(TENANT, d.draftId(), d.version(), "dr-lee", "plan", "Amoxicillin 500 mg tid.");
    d = review.editSection(TENANT, d.draftId(), d.version(), "dr-lee", "assessment", "Acute bronchitis.");
    return review.approve(TENANT, d.draftId(), d.version(), "dr-lee");
  }

  /** Recompute and check 10,000 chained SHA-256 hashes. */
  @Benchmark
  public AuditVerification verifyAuditChain_10k() {
    AuditEvent head = chain.get(chain.size() - 1);
    return AuditChain.verify(chain, head.seq(), head.hash());
  }
}
