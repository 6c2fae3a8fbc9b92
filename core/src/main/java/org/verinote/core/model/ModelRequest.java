package org.verinote.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Transcript;

/**
 * One request to a {@link ModelProvider}: the chat messages that go on the wire, output constraints, and the
 * structured inputs the messages were built from.
 *
 * <p>Remote providers send only {@link #messages()} (and the JSON schema). The structured inputs —
 * the already de-identified {@link #transcript()}, the {@link #template()}, and the patient's age and sex — exist
 * for in-process providers such as the embedded extractive model, which work on turns rather than prompt text.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. {@link #toString()} prints sizes only.
 */
public final class ModelRequest {

  /** The output form asked of the model. */
  public enum OutputFormat {
    /** Free text. */
    TEXT,
    /** A JSON object (JSON mode, or a JSON schema when {@link #jsonSchema()} is set). */
    JSON
  }

  private final List<Message> messages;
  private final OutputFormat format;
  private final String jsonSchema;
  private final int maxOutputTokens;
  private final double temperature;
  private final Transcript transcript;
  private final NoteTemplate template;
  private final Integer patientAge;
  private final PatientContext.Sex patientSex;

  private ModelRequest(Builder b) {
    this.messages = List.copyOf(b.messages);
    this.format = b.format;
    this.jsonSchema = b.jsonSchema;
    this.maxOutputTokens = b.maxOutputTokens;
    this.temperature = b.temperature;
    this.transcript = b.transcript;
    this.template = b.template;
    this.patientAge = b.patientAge;
    this.patientSex = b.patientSex;
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
   * A builder pre-filled with this request.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.messages.addAll(messages);
    b.format = format;
    b.jsonSchema = jsonSchema;
    b.maxOutputTokens = maxOutputTokens;
    b.temperature = temperature;
    b.transcript = transcript;
    b.template = template;
    b.patientAge = patientAge;
    b.patientSex = patientSex;
    return b;
  }

  /** @return the chat messages, in order; at least one */
  public List<Message> messages() {
    return messages;
  }

  /** @return the requested output format */
  public OutputFormat format() {
    return format;
  }

  /** @return a JSON schema for the output, if the caller wants schema-constrained output */
  public Optional<String> jsonSchema() {
    return Optional.ofNullable(jsonSchema);
  }

  /** @return the maximum number of output tokens */
  public int maxOutputTokens() {
    return maxOutputTokens;
  }

  /** @return sampling temperature; 0 (the default) for the most deterministic output */
  public double temperature() {
    return temperature;
  }

  /** @return the de-identified transcript the prompt was built from, for in-process providers */
  public Optional<Transcript> transcript() {
    return Optional.ofNullable(transcript);
  }

  /** @return the note template, for in-process providers */
  public Optional<NoteTemplate> template() {
    return Optional.ofNullable(template);
  }

  /** @return the patient's age in years, if known (ages over 89 are never passed) */
  public java.util.OptionalInt patientAge() {
    return patientAge == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(patientAge);
  }

  /** @return the patient's recorded sex, if known */
  public Optional<PatientContext.Sex> patientSex() {
    return Optional.ofNullable(patientSex);
  }

  /**
   * All message text concatenated, as it will leave the process. The egress check scans this.
   *
   * @return the outbound text
   */
  public String outboundText() {
    StringBuilder sb = new StringBuilder();
    for (Message m : messages) {
      sb.append(m.content()).append('\n');
    }
    if (jsonSchema != null) {
      sb.append(jsonSchema);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    int chars = 0;
    for (Message m : messages) {
      chars += m.content().length();
    }
    return "ModelRequest[messages=" + messages.size() + ", chars=" + chars + ", format=" + format + "]";
  }

  /** Builds a {@link ModelRequest}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final List<Message> messages = new ArrayList<>();
    private OutputFormat format = OutputFormat.JSON;
    private String jsonSchema;
    private int maxOutputTokens = 2048;
    private double temperature = 0.0;
    private Transcript transcript;
    private NoteTemplate template;
    private Integer patientAge;
    private PatientContext.Sex patientSex;

    private Builder() {}

    /**
     * Appends a message.
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(Message message) {
      messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    /**
     * Replaces all messages.
     *
     * @param all the messages
     * @return this builder
     */
    public Builder messages(List<Message> all) {
      List<Message> copy = List.copyOf(Objects.requireNonNull(all, "messages"));
      messages.clear();
      messages.addAll(copy);
      return this;
    }

    /**
     * Sets the output format (default JSON).
     *
     * @param format the format
     * @return this builder
     */
    public Builder format(OutputFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Sets a JSON schema for the output.
     *
     * @param schema the schema as JSON text
     * @return this builder
     */
    public Builder jsonSchema(String schema) {
      this.jsonSchema = Objects.requireNonNull(schema, "jsonSchema");
      return this;
    }

    /**
     * Sets the output token limit (default 2048).
     *
     * @param tokens the limit, 1..1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxOutputTokens(int tokens) {
      if (tokens < 1 || tokens > 1_000_000) {
        throw new IllegalArgumentException("maxOutputTokens must be in 1..1000000, got " + tokens);
      }
      this.maxOutputTokens = tokens;
      return this;
    }

    /**
     * Sets the sampling temperature (default 0).
     *
     * @param t the temperature, 0..2
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder temperature(double t) {
      if (!(t >= 0.0 && t <= 2.0)) {
        throw new IllegalArgumentException("temperature must be in [0, 2], got " + t);
      }
      this.temperature = t;
      return this;
    }

    /**
     * Attaches the de-identified transcript (for in-process providers).
     *
     * @param transcript the transcript
     * @return this builder
     */
    public Builder transcript(Transcript transcript) {
      this.transcript = Objects.requireNonNull(transcript, "transcript");
      return this;
    }

    /**
     * Attaches the template.
     *
     * @param template the template
     * @return this builder
     */
    public Builder template(NoteTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Attaches the patient's age. Ages over 89 are Safe Harbor identifiers and are dropped.
     *
     * @param years the age
     * @return this builder
     */
    public Builder patientAge(int years) {
      this.patientAge = years > 89 ? null : years;
      return this;
    }

    /**
     * Attaches the patient's sex.
     *
     * @param sex the sex
     * @return this builder
     */
    public Builder patientSex(PatientContext.Sex sex) {
      this.patientSex = Objects.requireNonNull(sex, "patientSex");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if there is no message
     */
    public ModelRequest build() {
      if (messages.isEmpty()) {
        throw new IllegalStateException("A model request needs at least one message");
      }
      return new ModelRequest(this);
    }
  }
}
