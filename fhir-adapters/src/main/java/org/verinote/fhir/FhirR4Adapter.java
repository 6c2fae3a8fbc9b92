package org.verinote.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.auth.AuthStrategy;

/**
 * A {@link ClinicalRecordAdapter} for FHIR R4 servers, on HAPI FHIR's generic client.
 *
 * <p>Reads Patient → {@link PatientContext} (names, birth date, sex, identifiers, address, telecom), Encounter →
 * {@link EncounterContext}, and recent notes, problems and medications ({@link #readRecentHistory}). Writes an
 * {@link ApprovedNote} as a US Core–shaped DocumentReference (status {@code current}, the profile's docStatus, the
 * template's LOINC type, category {@code clinical-note}, subject, encounter and period, author, date, the
 * submission key as business identifier, one base64 UTF-8 text attachment), optionally labelled AI-asserted and
 * followed by a Provenance naming the approving clinician and the model.
 *
 * <p>Writes are idempotent on {@link ApprovedNote#submissionKey()}: a {@link SubmissionLedger} records each step;
 * the create is conditional ({@code If-None-Exist: identifier=…}) where the profile allows; after a timeout or a
 * server error the adapter searches by identifier before any retry, so a note is never filed twice.
 *
 * <p>Thread-safe. Submissions of the same key are serialised; different keys run in parallel (64 lock
 * stripes). Adapters with the same
 * timeouts share one {@link FhirContext} (HAPI keeps timeouts there); the first build per timeout pair costs about
 * a second. Build one adapter per server and share it.
 *
 * {@snippet :
 * FhirR4Adapter ehr = FhirR4Adapter.builder()
 *     .serverBase(URI.create("https://ehr.example/fhir/r4"))
 *     .profile(VendorProfile.genericR4())
 *     .auth(AuthStrategy.bearer(token))
 *     .build();
 * SubmissionReceipt receipt = ehr.submit(approvedNote);
 * }
 */
public final class FhirR4Adapter implements ClinicalRecordAdapter {

  /** How the note's text is rendered into the attachment. */
  public enum Rendering {
    /** Markdown: {@code ## Title} per section (sent as text/plain unless the profile accepts text/markdown). */
    MARKDOWN,
    /** Plain text: titles on their own line. */
    PLAIN_TEXT
  }

  /** The default business identifier system for submission keys. */
  public static final String DEFAULT_IDENTIFIER_SYSTEM = "https://verinote.org/fhir/NamingSystem/submission-key";

  /**
   * HAPI applies timeouts per FhirContext (its client factory), so adapters share one context per timeout pair:
   * building a context costs a second or more, and hosts rarely use more than a few timeout settings.
   */
  private static final ConcurrentMap<List<Duration>, FhirContext> CONTEXTS = new ConcurrentHashMap<>();

  private final String name;
  private final IGenericClient client;
  private final VendorProfile profile;
  private final AuthStrategy auth;
  private final DocumentWriter writer;
  private final HistoryReader history;

  private FhirR4Adapter(Builder b) {
    this.name = b.name;
    this.profile = b.profile;
    this.auth = b.auth;
    FhirContext ctx = CONTEXTS.computeIfAbsent(List.of(b.connectTimeout, b.readTimeout), k -> {
      FhirContext c = FhirContext.forR4();
      IRestfulClientFactory factory = c.getRestfulClientFactory();
      factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
      factory.setConnectTimeout((int) k.get(0).toMillis());
      factory.setSocketTimeout((int) k.get(1).toMillis());
      return c;
    });
    this.client = ctx.newRestfulGenericClient(b.serverBase.toString());
    client.registerInterceptor(new HeaderInterceptor(b.auth, profile.extraHeaders()));
    DocumentMapper.Settings settings = new DocumentMapper.Settings(profile, b.identifierSystem,
        b.rendering == Rendering.MARKDOWN, b.aiAssistedLabel);
    this.writer = new DocumentWriter(name, new DocumentWriter.Context() {
      @Override
      public IGenericClient client() {
        return client;
      }

      @Override
      public EncounterContext encounterOrNull(String encounterRef) {
        return readEncounter(encounterRef).orElse(null);
      }
    }, settings, b.ledger, b.auth, b.provenance, b.maxAttempts, b.retryBackoff, b.clock);
    this.history = new HistoryReader(client);
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

  /** @return the vendor profile in use */
  public VendorProfile profile() {
    return profile;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code GET Patient/{id}}. 404 and 410 mean empty.
   *
   * @throws IllegalArgumentException if {@code patientRef} is blank or names another resource type
   */
  @Override
  public Optional<PatientContext> readPatient(String patientRef) {
    IdType id = id("Patient", patientRef);
    return read(id, Patient.class).map(ContextMapper::patient);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code GET Encounter/{id}}. 404 and 410 mean empty.
   *
   * @throws IllegalArgumentException if {@code encounterRef} is blank or names another resource type
   */
  @Override
  public Optional<EncounterContext> readEncounter(String encounterRef) {
    IdType id = id("Encounter", encounterRef);
    return read(id, Encounter.class).map(ContextMapper::encounter);
  }

  /**
   * Reads a patient's recent notes (DocumentReference), problems (Condition) and medications (MedicationRequest):
   * three searches by patient, first page only, newest first.
   *
   * @param patientRef the patient, {@code Patient/{id}} or a bare id
   * @param limit at most this many of each, 1–100
   * @return the history; empty lists for a patient the server does not know
   * @throws IllegalArgumentException if {@code limit} is out of range or the reference is invalid
   * @throws AdapterException if the server cannot be read
   */
  public RecentHistory readRecentHistory(String patientRef, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1–100, got " + limit);
    }
    return history.read(id("Patient", patientRef), limit);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cost: one encounter read, one conditional create (or a search and a create), and, with Provenance on, one
   * search and one create; more on retries. Blocks for at most about {@code maxAttempts ×} the read timeout.
   */
  @Override
  public SubmissionReceipt submit(ApprovedNote note) {
    Objects.requireNonNull(note, "note");
    return writer.submit(note);
  }

  /** One GET; on 401 the auth strategy may refresh its credential once. 404/410 → empty. */
  private <T extends IBaseResource> Optional<T> read(IdType id, Class<T> type) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(client.read().resource(type).withId(id).execute());
      } catch (ResourceNotFoundException | ResourceGoneException e) {
        return Optional.empty();
      } catch (AuthenticationException e) {
        if (attempt == 1 && auth.invalidate()) {
          continue;
        }
        throw FhirErrors.map("read " + id.getValue(), e, false);
      } catch (RuntimeException e) {
        throw FhirErrors.map("read " + id.getValue(), e, false);
      }
    }
  }

  static IdType id(String type, String ref) {
    Objects.requireNonNull(ref, "ref");
    String r = ref.strip();
    if (r.isEmpty()) {
      throw new IllegalArgumentException(type + " reference must not be blank");
    }
    IdType id = r.indexOf('/') >= 0 ? new IdType(r) : new IdType(type, r);
    if (!type.equals(id.getResourceType()) || !id.hasIdPart()) {
      throw new IllegalArgumentException("Expected a " + type + " reference like '" + type + "/123', got a "
          + (id.getResourceType() == null ? "reference without type" : id.getResourceType() + " reference"));
    }
    return id.toUnqualifiedVersionless();
  }

  @Override
  public String toString() {
    return "FhirR4Adapter[" + name + ", profile=" + profile.name() + "]";
  }

  /** Builds a {@link FhirR4Adapter}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private String name = "fhir-r4";
    private URI serverBase;
    private VendorProfile profile = VendorProfile.genericR4();
    private AuthStrategy auth = AuthStrategy.none();
    private SubmissionLedger ledger;
    private String identifierSystem = DEFAULT_IDENTIFIER_SYSTEM;
    private Rendering rendering = Rendering.MARKDOWN;
    private boolean provenance = true;
    private boolean aiAssistedLabel = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration retryBackoff = Duration.ofMillis(500);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the adapter name used in receipts (default {@code fhir-r4}).
     *
     * @param name the name
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name.strip();
      return this;
    }

    /**
     * Sets the FHIR server base, e.g. {@code https://ehr.example/fhir/r4}. Required.
     *
     * @param base an absolute http(s) URI
     * @return this builder
     * @throws IllegalArgumentException if not absolute http(s)
     */
    public Builder serverBase(URI base) {
      Objects.requireNonNull(base, "base");
      if (!base.isAbsolute() || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
        throw new IllegalArgumentException("Server base must be an absolute http(s) URI, got '" + base + "'");
      }
      this.serverBase = base;
      return this;
    }

    /**
     * Sets the vendor profile (default {@link VendorProfile#genericR4()}).
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(VendorProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Sets the authentication (default none).
     *
     * @param auth the strategy
     * @return this builder
     */
    public Builder auth(AuthStrategy auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Sets the submission ledger (default: a new in-memory ledger per built adapter).
     *
     * @param ledger the ledger; share one durable ledger across restarts
     * @return this builder
     */
    public Builder ledger(SubmissionLedger ledger) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /**
     * Sets the business identifier system under which submission keys are written (default
     * {@link #DEFAULT_IDENTIFIER_SYSTEM}).
     *
     * @param system an absolute URI
     * @return this builder
     * @throws IllegalArgumentException if not an absolute URI
     */
    public Builder identifierSystem(String system) {
      Objects.requireNonNull(system, "system");
      if (!URI.create(system).isAbsolute() || system.indexOf('|') >= 0) {
        throw new IllegalArgumentException("Identifier system must be an absolute URI without '|', got '" + system
            + "'");
      }
      this.identifierSystem = system;
      return this;
    }

    /**
     * Sets the attachment rendering (default Markdown).
     *
     * @param rendering the rendering
     * @return this builder
     */
    public Builder rendering(Rendering rendering) {
      this.rendering = Objects.requireNonNull(rendering, "rendering");
      return this;
    }

    /**
     * Whether to write a Provenance (clinician + model) after each note (default {@code true}; skipped when the
     * profile does not accept Provenance).
     *
     * @param enabled the setting
     * @return this builder
     */
    public Builder provenance(boolean enabled) {
      this.provenance = enabled;
      return this;
    }

    /**
     * Whether to label notes with the HL7 {@code AIAST} ("Artificial Intelligence asserted") security label
     * (default {@code true}).
     *
     * @param enabled the setting
     * @return this builder
     */
    public Builder aiAssistedLabel(boolean enabled) {
      this.aiAssistedLabel = enabled;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout positive, at most 10 minutes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read (socket) timeout after which a write's outcome is unknown (default 30 s).
     *
     * @param timeout positive, at most 10 minutes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets how many create attempts one {@code submit} makes, reconciling before each retry (default 3).
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
     * Sets the pause before reconciling after a failure, multiplied by the attempt number (default 500 ms).
     *
     * @param backoff non-negative
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder retryBackoff(Duration backoff) {
      Objects.requireNonNull(backoff, "backoff");
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must not be negative, got " + backoff);
      }
      this.retryBackoff = backoff;
      return this;
    }

    /**
     * Sets the clock for receipts and ledger entries (default UTC system clock).
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
     * @throws IllegalStateException if no server base was set, or the auth style is one the profile does not accept
     */
    public FhirR4Adapter build() {
      if (serverBase == null) {
        throw new IllegalStateException("serverBase is required");
      }
      if (!profile.authStyles().contains(auth.style())) {
        throw new IllegalStateException("Vendor profile '" + profile.name() + "' accepts auth " + profile.authStyles()
            + ", got " + auth.style());
      }
      Builder copy = this;
      if (ledger == null) {
        copy = copy();
        copy.ledger = SubmissionLedger.inMemory();
      }
      return new FhirR4Adapter(copy);
    }

    private Builder copy() {
      Builder c = new Builder();
      c.name = name;
      c.serverBase = serverBase;
      c.profile = profile;
      c.auth = auth;
      c.ledger = ledger;
      c.identifierSystem = identifierSystem;
      c.rendering = rendering;
      c.provenance = provenance;
      c.aiAssistedLabel = aiAssistedLabel;
      c.connectTimeout = connectTimeout;
      c.readTimeout = readTimeout;
      c.maxAttempts = maxAttempts;
      c.retryBackoff = retryBackoff;
      c.clock = clock;
      return c;
    }

    private static Duration checkTimeout(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(what + " must be positive and at most 10 minutes, got " + d);
      }
      return d;
    }
  }
}
