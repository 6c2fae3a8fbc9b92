package org.verinote.fhir.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.SubmissionLedger;

/**
 * A {@link ClinicalRecordAdapter} that files approved notes as HL7 v2.5.1 {@code MDM^T02} messages over MLLP,
 * using HAPI HL7v2.
 *
 * <p>The message carries MSH, EVN, PID (patient id in PID-3), PV1 (visit number = encounter id), TXA (document
 * type from table 0270, the submission key as TXA-12 unique document number — the receiver's de-duplication key —,
 * completion status, authenticator) and one OBX (TX) per line of the plain-text note. An {@code AA}/{@code CA} ACK
 * confirms; {@code AE}/{@code CE} is a non-retriable rejection; {@code AR}/{@code CR} and a missing ACK are
 * retriable. After a lost ACK the same document (same TXA-12, new control id) is resent, which a conformant receiver
 * de-duplicates; a {@link SubmissionLedger} makes a confirmed note never go out again.
 *
 * <p>MDM is a one-way feed: reads are delegated to {@link Builder#readsFrom(ClinicalRecordAdapter)} (for example
 * the site's FHIR adapter); without one, reads throw a non-retriable {@link AdapterException}.
 *
 * <p>Thread-safe: submissions are serialised over one MLLP connection at a time. {@link #close()} releases it.
 */
public final class Hl7MdmAdapter implements ClinicalRecordAdapter, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Hl7MdmAdapter.class);

  private final String name;
  private final String host;
  private final int port;
  private final MdmMessages.Routing routing;
  private final String completionStatus;
  private final Duration ackTimeout;
  private final int maxAttempts;
  private final SubmissionLedger ledger;
  private final ClinicalRecordAdapter reads;
  private final Clock clock;
  private final HapiContext hapi;

  private Hl7MdmAdapter(Builder b) {
    this.name = b.name;
    this.host = b.host;
    this.port = b.port;
    this.routing = new MdmMessages.Routing(b.sendingApplication, b.sendingFacility, b.receivingApplication,
        b.receivingFacility);
    this.completionStatus = b.completionStatus;
    this.ackTimeout = b.ackTimeout;
    this.maxAttempts = b.maxAttempts;
    this.ledger = b.ledger == null ? SubmissionLedger.inMemory() : b.ledger;
    this.reads = b.reads;
    this.clock = b.clock;
    this.hapi = MdmMessages.newContext();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<PatientContext> readPatient(String patientRef) {
    return readSource().readPatient(patientRef);
  }

  @Override
  public Optional<EncounterContext> readEncounter(String encounterRef) {
    return readSource().readEncounter(encounterRef);
  }

  private ClinicalRecordAdapter readSource() {
    if (reads == null) {
      throw new AdapterException("HL7 v2 MDM adapter '" + name + "' is a one-way document feed and has no context "
          + "source. Configure readsFrom(…) with an adapter that can read (e.g. the site's FHIR adapter).", -1, false,
          null);
    }
    return reads;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cost: one MLLP round-trip, plus one per resend after a lost ACK (at most {@code maxAttempts}). Blocks up to
   * {@code maxAttempts × ackTimeout}.
   */
  @Override
  public synchronized SubmissionReceipt submit(ApprovedNote note) {
    Objects.requireNonNull(note, "note");
    String key = note.submissionKey();
    SubmissionLedger.Entry prior = ledger.find(key).orElse(null);
    if (prior != null && prior.state() == SubmissionLedger.State.CONFIRMED) {
      return new SubmissionReceipt(name, key, prior.recordId(), true, clock.instant());
    }
    if (note.patientRef().isEmpty()) {
      throw new AdapterException("Note " + note.draftId() + " has no patient reference; an MDM^T02 needs PID-3. "
          + "Attach the patient to the encounter and approve again.", -1, false, null);
    }
    boolean resend = prior != null && prior.state() != SubmissionLedger.State.REJECTED
        && prior.state() != SubmissionLedger.State.PENDING;
    AdapterException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      String controlId = controlId(key, attempt);
      MDM_T02 message;
      try {
        message = MdmMessages.build(note, routing, controlId, completionStatus, clock.instant());
      } catch (HL7Exception | IOException e) {
        throw new AdapterException("Could not build the MDM^T02 for note " + note.draftId() + ": "
            + e.getClass().getSimpleName(), -1, false, e);
      }
      record(key, SubmissionLedger.State.PENDING);
      Connection connection;
      try {
        connection = hapi.newClient(host, port, false);
      } catch (HL7Exception e) {
        last = new AdapterException("HL7 MLLP connection to " + host + ":" + port + " failed; nothing was sent. "
            + "Retry later.", -1, true, e);
        record(key, resend ? SubmissionLedger.State.UNKNOWN : SubmissionLedger.State.REJECTED);
        break;
      }
      record(key, SubmissionLedger.State.SENT);
      try {
        Initiator initiator = connection.getInitiator();
        initiator.setTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Message ack = initiator.sendAndReceive(message);
        Terser t = new Terser(ack);
        String code = t.get("/MSA-1");
        String ackedId = t.get("/MSA-2");
        if (!controlId.equals(ackedId)) {
          record(key, SubmissionLedger.State.UNKNOWN);
          last = new AdapterException("HL7 ACK for note " + note.draftId() + " acknowledged control id " + ackedId
              + ", expected " + controlId + ". The outcome is unknown; resending the same document.", -1, true, null);
          quietClose(connection);
          resend = true;
          continue;
        }
        quietClose(connection);
        if ("AA".equals(code) || "CA".equals(code)) {
          record(key, SubmissionLedger.State.CONFIRMED, key);
          return new SubmissionReceipt(name, key, key, false, clock.instant());
        }
        boolean retriable = "AR".equals(code) || "CR".equals(code);
        record(key, retriable && resend ? SubmissionLedger.State.UNKNOWN : SubmissionLedger.State.REJECTED);
        throw new AdapterException("HL7 receiver answered " + code + " to MDM^T02 for note " + note.draftId()
            + (retriable ? ". The receiver refused it for reasons unrelated to content; retry later."
                : ". The receiver rejected the document; fix the message or the receiver's configuration, do not "
                    + "retry."), -1, retriable, null);
      } catch (HL7Exception | LLPException | IOException e) {
        record(key, SubmissionLedger.State.UNKNOWN);
        LOG.info("MDM for submission {} attempt {} of {}: no ACK ({}); resending the same document", key, attempt,
            maxAttempts, e.getClass().getSimpleName());
        last = new AdapterException("HL7 MDM^T02 for note " + note.draftId() + ": no ACK within " + ackTimeout.toMillis()
            + " ms. The outcome is unknown; resending the same TXA-12 is safe for a de-duplicating receiver.", -1,
            true, e);
        quietClose(connection);
        resend = true;
      }
    }
    throw last;
  }

  private static void quietClose(Connection c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing MLLP connection: {}", e.getClass().getSimpleName());
    }
  }

  private static String controlId(String key, int attempt) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "VN" + HexFormat.of().formatHex(h, 0, 7) + "-" + attempt;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private void record(String key, SubmissionLedger.State state) {
    record(key, state, null);
  }

  private void record(String key, SubmissionLedger.State state, String recordId) {
    ledger.record(new SubmissionLedger.Entry(key, state, recordId, clock.instant()));
  }

  /** Closes open MLLP connections. */
  @Override
  public void close() {
    try {
      hapi.close();
    } catch (IOException e) {
      LOG.debug("closing HAPI context: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "Hl7MdmAdapter[" + name + ", " + host + ":" + port + "]";
  }

  /** Builds an {@link Hl7MdmAdapter}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private String name = "hl7v2-mdm";
    private String host;
    private int port = -1;
    private String sendingApplication = "VERINOTE";
    private String sendingFacility = "VERINOTE";
    private String receivingApplication = "EHR";
    private String receivingFacility = "EHR";
    private String completionStatus = "AU";
    private Duration ackTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private SubmissionLedger ledger;
    private ClinicalRecordAdapter reads;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the receiver's host and MLLP port. Required.
     *
     * @param host the host name or address
     * @param port 1–65535
     * @return this builder
     * @throws IllegalArgumentException if blank or out of range
     */
    public Builder endpoint(String host, int port) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1–65535, got " + port);
      }
      this.host = host.strip();
      this.port = port;
      return this;
    }

    /**
     * Sets the adapter name used in receipts (default {@code hl7v2-mdm}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = token(name, "name");
      return this;
    }

    /**
     * Sets MSH-3..6 (defaults {@code VERINOTE}/{@code VERINOTE} → {@code EHR}/{@code EHR}).
     *
     * @param sendingApp MSH-3
     * @param sendingFacility MSH-4
     * @param receivingApp MSH-5
     * @param receivingFacility MSH-6
     * @return this builder
     * @throws IllegalArgumentException if any is blank or contains HL7 delimiters
     */
    public Builder routing(String sendingApp, String sendingFacility, String receivingApp, String receivingFacility) {
      this.sendingApplication = token(sendingApp, "sendingApp");
      this.sendingFacility = token(sendingFacility, "sendingFacility");
      this.receivingApplication = token(receivingApp, "receivingApp");
      this.receivingFacility = token(receivingFacility, "receivingFacility");
      return this;
    }

    /**
     * Sets TXA-17 document completion status (default {@code AU}, authenticated; {@code LA} for legally
     * authenticated, {@code PA} for pre-authenticated).
     *
     * @param status a table 0271 code
     * @return this builder
     * @throws IllegalArgumentException if not one of AU, LA, PA, DO, IP, IN, DI
     */
    public Builder completionStatus(String status) {
      Objects.requireNonNull(status, "status");
      if (!status.matches("AU|LA|PA|DO|IP|IN|DI")) {
        throw new IllegalArgumentException("completionStatus must be an HL7 table 0271 code, got '" + status + "'");
      }
      this.completionStatus = status;
      return this;
    }

    /**
     * Sets how long to wait for each ACK (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder ackTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("ackTimeout must be positive, got " + timeout);
      }
      this.ackTimeout = timeout;
      return this;
    }

    /**
     * Sets how many sends one submit makes after lost ACKs (default 3).
     *
     * @param attempts 1–10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be 1–10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Sets the submission ledger (default: a new in-memory ledger per built adapter).
     *
     * @param ledger the ledger
     * @return this builder
     */
    public Builder ledger(SubmissionLedger ledger) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /**
     * Delegates {@code readPatient}/{@code readEncounter} to another adapter.
     *
     * @param source the adapter that reads
     * @return this builder
     */
    public Builder readsFrom(ClinicalRecordAdapter source) {
      this.reads = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the clock for message times and receipts (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @return the adapter
     * @throws IllegalStateException if no endpoint was set
     */
    public Hl7MdmAdapter build() {
      if (host == null) {
        throw new IllegalStateException("endpoint(host, port) is required");
      }
      return new Hl7MdmAdapter(this);
    }

    private static String token(String v, String what) {
      Objects.requireNonNull(v, what);
      if (v.isBlank() || v.matches(".*[|^~\\\\&\\r\\n].*")) {
        throw new IllegalArgumentException(what + " must be non-blank without HL7 delimiters, got '" + v + "'");
      }
      return v.strip();
    }
  }
}
