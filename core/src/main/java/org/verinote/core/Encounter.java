package org.verinote.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One consultation to document: who (tenant, encounter id, optional EHR patient reference), what was said
 * ({@link Transcript}), what the EHR knows ({@link PatientContext}) and the note layout ({@link NoteTemplate}).
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. {@link #toString()} prints ids and sizes only.
 *
 * {@snippet :
 * Encounter e = Encounter.builder()
 *     .tenantId("clinic-a")
 *     .encounterId("visit-42")
 *     .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] a cough for three days ."))
 *     .template(NoteTemplate.soap())
 *     .build();
 * }
 */
public final class Encounter {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

  private final String tenantId;
  private final String encounterId;
  private final String patientRef;
  private final Transcript transcript;
  private final PatientContext patientContext;
  private final NoteTemplate template;

  private Encounter(Builder b) {
    this.tenantId = b.tenantId;
    this.encounterId = b.encounterId;
    this.patientRef = b.patientRef;
    this.transcript = b.transcript;
    this.patientContext = b.patientContext == null ? PatientContext.empty() : b.patientContext;
    this.template = b.template == null ? NoteTemplate.soap() : b.template;
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
   * A builder pre-filled with this encounter's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tenantId = tenantId;
    b.encounterId = encounterId;
    b.patientRef = patientRef;
    b.transcript = transcript;
    b.patientContext = patientContext;
    b.template = template;
    return b;
  }

  /** @return the tenant (hospital, clinic) the encounter belongs to */
  public String tenantId() {
    return tenantId;
  }

  /** @return the encounter (visit) id, unique within the tenant */
  public String encounterId() {
    return encounterId;
  }

  /** @return the EHR's patient reference (e.g. a FHIR {@code Patient/123} id), if known */
  public Optional<String> patientRef() {
    return Optional.ofNullable(patientRef);
  }

  /** @return what was said */
  public Transcript transcript() {
    return transcript;
  }

  /** @return what the EHR knows about the patient; {@link PatientContext#empty()} if nothing */
  public PatientContext patientContext() {
    return patientContext;
  }

  /** @return the note layout; SOAP unless set */
  public NoteTemplate template() {
    return template;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Encounter e && tenantId.equals(e.tenantId) && encounterId.equals(e.encounterId)
        && Objects.equals(patientRef, e.patientRef) && transcript.equals(e.transcript)
        && patientContext.equals(e.patientContext) && template.equals(e.template);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, encounterId, patientRef, transcript, patientContext, template);
  }

  @Override
  public String toString() {
    return "Encounter[tenant=" + tenantId + ", encounter=" + encounterId + ", " + transcript + ", template="
        + template.id() + "]";
  }

  /** Builds an {@link Encounter}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private String tenantId;
    private String encounterId;
    private String patientRef;
    private Transcript transcript;
    private PatientContext patientContext;
    private NoteTemplate template;

    private Builder() {}

    /**
     * Sets the tenant id (required): letters, digits and {@code . _ : / -}, at most 128 characters.
     *
     * @param id the tenant id
     * @return this builder
     * @throws IllegalArgumentException if the id has another shape
     */
    public Builder tenantId(String id) {
      this.tenantId = checkId(id, "tenantId");
      return this;
    }

    /**
     * Sets the encounter id (required), same shape as a tenant id.
     *
     * @param id the encounter id
     * @return this builder
     * @throws IllegalArgumentException if the id has another shape
     */
    public Builder encounterId(String id) {
      this.encounterId = checkId(id, "encounterId");
      return this;
    }

    /**
     * Sets the EHR's patient reference.
     *
     * @param ref e.g. {@code Patient/123}
     * @return this builder
     * @throws IllegalArgumentException if the reference has another shape than an id
     */
    public Builder patientRef(String ref) {
      this.patientRef = checkId(ref, "patientRef");
      return this;
    }

    /**
     * Sets the transcript (required).
     *
     * @param transcript the transcript
     * @return this builder
     */
    public Builder transcript(Transcript transcript) {
      this.transcript = Objects.requireNonNull(transcript, "transcript");
      return this;
    }

    /**
     * Sets what the EHR knows about the patient.
     *
     * @param context the context
     * @return this builder
     */
    public Builder patientContext(PatientContext context) {
      this.patientContext = Objects.requireNonNull(context, "patientContext");
      return this;
    }

    /**
     * Sets the note template (default SOAP).
     *
     * @param template the template
     * @return this builder
     */
    public Builder template(NoteTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Builds the encounter.
     *
     * @return the encounter
     * @throws IllegalStateException if the tenant id, encounter id or transcript is missing
     */
    public Encounter build() {
      if (tenantId == null) {
        throw new IllegalStateException("Encounter needs a tenantId");
      }
      if (encounterId == null) {
        throw new IllegalStateException("Encounter needs an encounterId");
      }
      if (transcript == null) {
        throw new IllegalStateException("Encounter needs a transcript");
      }
      return new Encounter(this);
    }

    private static String checkId(String id, String name) {
      Objects.requireNonNull(id, name);
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(name + " must be 1-128 characters of letters, digits and . _ : / -"
            + " starting with a letter or digit (got " + id.length() + " characters)");
      }
      return id;
    }
  }
}
