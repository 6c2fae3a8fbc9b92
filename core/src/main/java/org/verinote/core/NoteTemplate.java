package org.verinote.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of a note: ordered sections with keys, titles and guidance, plus a version that provenance records.
 *
 * <p>Immutable and thread-safe. Built-ins: {@link #soap()} and {@link #aciBench()}; look one up by name with
 * {@link #builtIn(String)}; build your own with {@link #builder(String)}.
 *
 * {@snippet :
 * NoteTemplate t = NoteTemplate.builder("ortho-followup")
 *     .version("2")
 *     .documentTypeCode("11506-3")
 *     .section("subjective", "Subjective", "Symptoms in the patient's words.")
 *     .section("plan", "Plan", "Treatment and follow-up.")
 *     .build();
 * }
 */
public final class NoteTemplate {

  /** LOINC 11506-3, "Progress note". */
  public static final String LOINC_PROGRESS_NOTE = "11506-3";

  private static final NoteTemplate SOAP = builder("soap")
      .version("1")
      .documentTypeCode(LOINC_PROGRESS_NOTE)
      .section("subjective", "Subjective",
          "Chief complaint, history of present illness, relevant history and symptoms as the patient reports them.")
      .section("objective", "Objective", "Vital signs, physical examination findings and results stated in the visit.")
      .section("assessment", "Assessment", "The clinician's diagnoses and impressions as stated in the visit.")
      .section("plan", "Plan", "Tests, medications, referrals, instructions and follow-up as stated in the visit.")
      .build();

  private static final NoteTemplate ACI_BENCH = builder("aci-bench")
      .version("1")
      .documentTypeCode(LOINC_PROGRESS_NOTE)
      .section("chief_complaint", "Chief Complaint", "The main reason for the visit, in a few words.")
      .section("history_of_present_illness", "History of Present Illness",
          "The story of the current problem: onset, duration, character, severity, modifying factors.")
      .section("review_of_systems", "Review of Systems", "Symptoms the patient reports or denies, by system.")
      .section("physical_exam", "Physical Exam", "Vital signs and examination findings the clinician states.")
      .section("results", "Results", "Laboratory, imaging and other test results discussed.")
      .section("assessment_and_plan", "Assessment and Plan",
          "Each problem with the clinician's assessment and the plan: tests, medications, referrals, follow-up.")
      .build();

  private static final Map<String, NoteTemplate> BUILT_INS = Map.of("soap", SOAP, "aci-bench", ACI_BENCH);

  private final String id;
  private final String version;
  private final String documentTypeCode;
  private final List<SectionSpec> sections;

  private NoteTemplate(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.documentTypeCode = b.documentTypeCode;
    this.sections = List.copyOf(b.sections);
  }

  /**
   * The SOAP template: subjective, objective, assessment, plan.
   *
   * @return the built-in SOAP template
   */
  public static NoteTemplate soap() {
    return SOAP;
  }

  /**
   * The ACI-Bench layout: chief complaint, history of present illness, review of systems, physical exam, results,
   * assessment and plan.
   *
   * @return the built-in ACI-Bench template
   */
  public static NoteTemplate aciBench() {
    return ACI_BENCH;
  }

  /**
   * Looks a built-in template up by id, ignoring case.
   *
   * @param id {@code "soap"} or {@code "aci-bench"}
   * @return the template, or empty if there is no built-in of that id
   * @throws NullPointerException if {@code id} is null
   */
  public static Optional<NoteTemplate> builtIn(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(BUILT_INS.get(id.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * The ids of the built-in templates.
   *
   * @return the sorted ids
   */
  public static List<String> builtInIds() {
    return List.of("aci-bench", "soap");
  }

  /**
   * Starts a builder for a custom template.
   *
   * @param id the template id, non-blank
   * @return the builder
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** @return the template id */
  public String id() {
    return id;
  }

  /** @return the template version, recorded in provenance */
  public String version() {
    return version;
  }

  /** @return the LOINC document type code written to the EHR, e.g. {@code 11506-3} */
  public String documentTypeCode() {
    return documentTypeCode;
  }

  /** @return the sections in note order, at least one */
  public List<SectionSpec> sections() {
    return sections;
  }

  /**
   * Finds a section by key.
   *
   * @param key the section key
   * @return the section, or empty
   */
  public Optional<SectionSpec> section(String key) {
    for (SectionSpec s : sections) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteTemplate t && id.equals(t.id) && version.equals(t.version)
        && documentTypeCode.equals(t.documentTypeCode) && sections.equals(t.sections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, documentTypeCode, sections);
  }

  @Override
  public String toString() {
    return "NoteTemplate[" + id + "@" + version + ", sections=" + sections.size() + "]";
  }

  /** Builds a {@link NoteTemplate}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final String id;
    private String version;
    private String documentTypeCode;
    private final List<SectionSpec> sections = new ArrayList<>();

    private Builder(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("Template id must not be blank");
      }
      this.id = id.strip();
    }

    /**
     * Sets the version (default {@code "1"}).
     *
     * @param version the version
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder version(String version) {
      Objects.requireNonNull(version, "version");
      if (this.version != null) {
        throw new IllegalStateException("version was already set");
      }
      this.version = version;
      return this;
    }

    /**
     * Sets the LOINC document type (default {@link #LOINC_PROGRESS_NOTE}).
     *
     * @param code the LOINC code
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder documentTypeCode(String code) {
      Objects.requireNonNull(code, "code");
      if (this.documentTypeCode != null) {
        throw new IllegalStateException("documentTypeCode was already set");
      }
      this.documentTypeCode = code;
      return this;
    }

    /**
     * Appends a section.
     *
     * @param key snake_case key
     * @param title heading
     * @param guidance instruction for the model
     * @return this builder
     * @throws IllegalArgumentException if the key is invalid or already used
     */
    public Builder section(String key, String title, String guidance) {
      SectionSpec s = new SectionSpec(key, title, guidance);
      for (SectionSpec existing : sections) {
        if (existing.key().equals(key)) {
          throw new IllegalArgumentException("Duplicate section key '" + key + "' in template '" + id + "'");
        }
      }
      sections.add(s);
      return this;
    }

    /**
     * Builds the template.
     *
     * @return the template
     * @throws IllegalStateException if no section was added
     */
    public NoteTemplate build() {
      if (sections.isEmpty()) {
        throw new IllegalStateException("Template '" + id + "' needs at least one section");
      }
      Set<String> titles = new HashSet<>();
      for (SectionSpec s : sections) {
        if (!titles.add(s.title().toLowerCase(Locale.ROOT))) {
          throw new IllegalStateException("Duplicate section title '" + s.title() + "' in template '" + id + "'");
        }
      }
      Builder copy = this;
      if (version == null || documentTypeCode == null) {
        copy = new Builder(id);
        copy.version = version == null ? "1" : version;
        copy.documentTypeCode = documentTypeCode == null ? LOINC_PROGRESS_NOTE : documentTypeCode;
        copy.sections.addAll(sections);
      }
      return new NoteTemplate(copy);
    }
  }
}
