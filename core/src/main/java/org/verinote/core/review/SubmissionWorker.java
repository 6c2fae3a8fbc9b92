package org.verinote.core.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.AdapterException;
import org.verinote.core.NotFoundException;
import org.verinote.core.VersionConflictException;
import org.verinote.core.events.LogContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.SubmissionReceipt;

/**
 * Writes approved notes to the EHR from the outbox: picks up every due submission of a tenant, moves the draft to
 * {@link ReviewState#SUBMITTED} (taking a lease), calls {@link ClinicalRecordAdapter#submit}, and marks it
 * {@link ReviewState#CONFIRMED} — or {@link ReviewState#SUBMISSION_FAILED} with a retry time (exponential backoff)
 * while the error is retriable and attempts remain.
 *
 * {@snippet :
 * SubmissionWorker worker = SubmissionWorker.builder().workflow(review).adapter(fhirAdapter).build();
 * SubmissionWorker.Result r = worker.drain(TenantContext.of("clinic-a"));   // e.g. from a scheduler, per tenant
 * }
 *
 * <p>Crash safety: approval and the outbox entry commit together, so an approval is never lost. If the process dies
 * after taking the lease, the entry becomes due again when the lease expires, the interruption is recorded as a
 * failed attempt, and the note is submitted again with the same {@link ApprovedNote#submissionKey()} — so with an
 * idempotent adapter (which the SPI requires) the EHR holds it exactly once. Two workers never hold the same lease:
 * taking it is a versioned write, and the loser skips the entry.
 *
 * <p>Thread-safe; several workers (threads or processes) may drain the same tenant. Cost per submission: three store
 * transactions and one adapter call.
 */
public final class SubmissionWorker {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionWorker.class);

  private final ReviewWorkflow workflow;
  private final ClinicalRecordAdapter adapter;
  private final Duration lease;
  private final Duration backoff;
  private final int maxAttempts;
  private final int batchSize;

  private SubmissionWorker(Builder b) {
    this.workflow = b.workflow;
    this.adapter = b.adapter;
    this.lease = b.lease == null ? Duration.ofMinutes(5) : b.lease;
    this.backoff = b.backoff == null ? Duration.ofSeconds(30) : b.backoff;
    this.maxAttempts = b.maxAttempts == 0 ? 8 : b.maxAttempts;
    this.batchSize = b.batchSize == 0 ? 100 : b.batchSize;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What one {@link #drain} did.
   *
   * @param confirmed submissions the EHR acknowledged
   * @param failed attempts that failed (and were rescheduled or parked)
   * @param skipped due entries another worker took first, or that were no longer due
   */
  public record Result(int confirmed, int failed, int skipped) {}

  /**
   * Processes every submission of the tenant that is due now, batch by batch, until none is left.
   *
   * @param tenant the tenant
   * @return counts of what happened
   */
  public Result drain(TenantContext tenant) {
    Objects.requireNonNull(tenant, "tenant");
    int confirmed = 0;
    int failed = 0;
    int skipped = 0;
    while (true) {
      List<PendingSubmission> due = workflow.dueSubmissions(tenant, batchSize);
      int progressed = 0;
      for (PendingSubmission p : due) {
        Outcome o = process(tenant, p);
        if (o == Outcome.CONFIRMED) {
          confirmed++;
          progressed++;
        } else if (o == Outcome.FAILED) {
          failed++;
          progressed++;
        } else {
          skipped++;
        }
      }
      if (due.size() < batchSize || progressed == 0) {
        return new Result(confirmed, failed, skipped);
      }
    }
  }

  private enum Outcome { CONFIRMED, FAILED, SKIPPED }

  private Outcome process(TenantContext tenant, PendingSubmission p) {
    ReviewDraft d;
    try {
      d = workflow.get(tenant, p.draftId());
      if (d.version() != p.draftVersion()) {
        // Stale: another worker acted on the draft after this entry was read.
        return Outcome.SKIPPED;
      }
      if (d.state() == ReviewState.SUBMITTED) {
        // The lease expired: a worker died (or hung) mid-attempt. Record it, then try again.
        d = workflow.failSubmission(tenant, d, "INTERRUPTED", workflow.now());
      }
      if (d.state() != ReviewState.APPROVED && d.state() != ReviewState.SUBMISSION_FAILED) {
        return Outcome.SKIPPED;
      }
      d = workflow.beginSubmission(tenant, d, workflow.now().plus(lease));
    } catch (VersionConflictException | NotFoundException e) {
      return Outcome.SKIPPED;
    }
    LogContext.Scope mdc = LogContext.bind(tenant.tenantId(), d.encounterId(), d.modelRunId());
    try {
      return submit(tenant, d);
    } finally {
      mdc.close();
    }
  }

  private Outcome submit(TenantContext tenant, ReviewDraft d) {
    SubmissionReceipt receipt;
    try {
      receipt = adapter.submit(ReviewWorkflow.toApproved(d));
    } catch (AdapterException e) {
      return fail(tenant, d, "AdapterException" + (e.status().isPresent() ? " status=" + e.status().getAsInt()
          : ""), e.isRetriable());
    } catch (RuntimeException e) {
      // An adapter bug or an unexpected client error: the outcome is unknown, so retry with the same key.
      return fail(tenant, d, e.getClass().getSimpleName(), true);
    }
    try {
      workflow.confirmSubmission(tenant, d, receipt.recordId());
      LOG.debug("Submitted draft {} to {} as {} (duplicate={})", d.draftId(), adapter.name(), receipt.recordId(),
          receipt.duplicate());
      return Outcome.CONFIRMED;
    } catch (VersionConflictException e) {
      // Our lease expired while the adapter worked and another worker took over; it will confirm.
      return Outcome.SKIPPED;
    }
  }

  private Outcome fail(TenantContext tenant, ReviewDraft d, String code, boolean retriable) {
    Instant retryAt = null;
    if (retriable && d.submissionAttempts() < maxAttempts) {
      long factor = 1L << Math.min(d.submissionAttempts() - 1, 20);
      retryAt = workflow.now().plus(backoff.multipliedBy(factor));
    }
    try {
      workflow.failSubmission(tenant, d, code, retryAt);
    } catch (VersionConflictException e) {
      return Outcome.SKIPPED;
    }
    LOG.warn("Submission of draft {} to {} failed ({}, attempt {}); {}", d.draftId(), adapter.name(), code,
        d.submissionAttempts(), retryAt == null ? "parked" : "retry at " + retryAt);
    return Outcome.FAILED;
  }

  /** Builds a {@link SubmissionWorker}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private ReviewWorkflow workflow;
    private ClinicalRecordAdapter adapter;
    private Duration lease;
    private Duration backoff;
    private int maxAttempts;
    private int batchSize;

    private Builder() {}

    /**
     * Sets the workflow whose outbox to drain (required).
     *
     * @param workflow the workflow
     * @return this
     * @throws IllegalStateException if already set
     */
    public Builder workflow(ReviewWorkflow workflow) {
      Objects.requireNonNull(workflow, "workflow");
      if (this.workflow != null) {
        throw new IllegalStateException("workflow was already set");
      }
      this.workflow = workflow;
      return this;
    }

    /**
     * Sets the EHR adapter (required). It must be idempotent on the submission key, as the SPI demands.
     *
     * @param adapter the adapter
     * @return this
     * @throws IllegalStateException if already set
     */
    public Builder adapter(ClinicalRecordAdapter adapter) {
      Objects.requireNonNull(adapter, "adapter");
      if (this.adapter != null) {
        throw new IllegalStateException("adapter was already set");
      }
      this.adapter = adapter;
      return this;
    }

    /**
     * Sets how long an attempt may take before another worker considers it interrupted (default 5 minutes). Make it
     * longer than the adapter's own timeout.
     *
     * @param lease the lease
     * @return this
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, this.lease, "lease");
      return this;
    }

    /**
     * Sets the delay before the first retry, doubled for every further attempt (default 30 seconds).
     *
     * @param backoff the first delay
     * @return this
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder backoff(Duration backoff) {
      this.backoff = positive(backoff, this.backoff, "backoff");
      return this;
    }

    /**
     * Sets how many attempts a submission gets before it is parked for a human (default 8).
     *
     * @param maxAttempts at least 1
     * @return this
     * @throws IllegalArgumentException if below 1
     * @throws IllegalStateException if already set
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      if (this.maxAttempts != 0) {
        throw new IllegalStateException("maxAttempts was already set");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets how many due entries to read per store query (default 100).
     *
     * @param batchSize 1 to 10,000
     * @return this
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 10_000) {
        throw new IllegalArgumentException("batchSize must be 1 to 10000, got " + batchSize);
      }
      if (this.batchSize != 0) {
        throw new IllegalStateException("batchSize was already set");
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Builds the worker.
     *
     * @return the worker
     * @throws IllegalStateException if the workflow or adapter was not set
     */
    public SubmissionWorker build() {
      if (workflow == null || adapter == null) {
        throw new IllegalStateException("A submission worker needs a workflow and an adapter");
      }
      return new SubmissionWorker(this);
    }

    private static Duration positive(Duration d, Duration current, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
      return d;
    }
  }
}
