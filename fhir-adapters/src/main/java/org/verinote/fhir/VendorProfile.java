package org.verinote.fhir;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.verinote.fhir.auth.AuthStrategy;

/**
 * What differs between FHIR servers, as settings rather than code: which attachment types they accept, whether a
 * note is filed final or preliminary, whether an author may be sent, whether an encounter is required, whether
 * conditional create and business identifiers are honoured, which type codes they want, how they authenticate,
 * and which extra headers they need.
 *
 * <p>Immutable and thread-safe. {@link #genericR4()} follows the FHIR R4 specification and the US Core
 * DocumentReference profile; derive a site profile with {@link #toBuilder()}. See {@code docs/guides/adapter.md}
 * for the sources behind each shipped profile.
 */
public final class VendorProfile {

  /** The {@code docStatus} the adapter writes. */
  public enum DocStatus {
    /** {@code final}: the note is complete and signed. */
    FINAL,
    /** {@code preliminary}: the server files it for signature in the EHR. */
    PRELIMINARY,
    /** No {@code docStatus} element: the server decides. */
    OMITTED
  }

  /** A proprietary document type code a server wants instead of (or beside) LOINC. */
  public record TypeCode(String system, String code, String display) {
    /**
     * Validates.
     *
     * @throws NullPointerException if system or code is null
     */
    public TypeCode {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(code, "code");
    }
  }

  static final String TEXT_PLAIN = "text/plain; charset=utf-8";

  private static final VendorProfile GENERIC_R4 = builder("generic-r4").build();

  private final String name;
  private final Set<String> attachmentTypes;
  private final DocStatus docStatus;
  private final boolean authorAllowed;
  private final boolean encounterRequired;
  private final boolean conditionalCreate;
  private final boolean identifierHonoured;
  private final boolean loincTypeAccepted;
  private final Map<String, TypeCode> proprietaryTypes;
  private final Set<AuthStrategy.Style> authStyles;
  private final boolean provenanceAccepted;
  private final Map<String, String> extraHeaders;

  private VendorProfile(Builder b) {
    this.name = b.name;
    this.attachmentTypes = Set.copyOf(b.attachmentTypes);
    this.docStatus = b.docStatus;
    this.authorAllowed = b.authorAllowed;
    this.encounterRequired = b.encounterRequired;
    this.conditionalCreate = b.conditionalCreate;
    this.identifierHonoured = b.identifierHonoured;
    this.loincTypeAccepted = b.loincTypeAccepted;
    this.proprietaryTypes = Map.copyOf(b.proprietaryTypes);
    this.authStyles = Set.copyOf(b.authStyles);
    this.provenanceAccepted = b.provenanceAccepted;
    this.extraHeaders = Map.copyOf(b.extraHeaders);
  }

  /**
   * The generic FHIR R4 profile: {@code text/plain} attachments, {@code docStatus final}, author and encounter
   * sent, encounter optional, conditional create ({@code If-None-Exist}) and identifier search honoured, LOINC type
   * codes, any auth style, Provenance accepted, no extra headers.
   *
   * @return the generic profile
   */
  public static VendorProfile genericR4() {
    return GENERIC_R4;
  }

  /**
   * Starts a profile from the generic R4 defaults.
   *
   * @param name a short name for logs, e.g. {@code "site-a"}
   * @return a builder
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A builder pre-filled with this profile's settings, under a new name.
   *
   * @param newName the derived profile's name
   * @return a builder
   */
  public Builder toBuilder(String newName) {
    Builder b = new Builder(newName);
    b.attachmentTypes.clear();
    b.attachmentTypes.addAll(attachmentTypes);
    b.docStatus = docStatus;
    b.authorAllowed = authorAllowed;
    b.encounterRequired = encounterRequired;
    b.conditionalCreate = conditionalCreate;
    b.identifierHonoured = identifierHonoured;
    b.loincTypeAccepted = loincTypeAccepted;
    b.proprietaryTypes.putAll(proprietaryTypes);
    b.authStyles.clear();
    b.authStyles.addAll(authStyles);
    b.provenanceAccepted = provenanceAccepted;
    b.extraHeaders.putAll(extraHeaders);
    return b;
  }

  /** @return the profile's name */
  public String name() {
    return name;
  }

  /** @return the accepted attachment media types, lower case without parameters, e.g. {@code text/plain} */
  public Set<String> attachmentTypes() {
    return attachmentTypes;
  }

  /** @return the docStatus written */
  public DocStatus docStatus() {
    return docStatus;
  }

  /** @return whether {@code DocumentReference.author} may be sent */
  public boolean authorAllowed() {
    return authorAllowed;
  }

  /** @return whether a note must reference an encounter the server knows */
  public boolean encounterRequired() {
    return encounterRequired;
  }

  /** @return whether the server honours {@code If-None-Exist} conditional create */
  public boolean conditionalCreate() {
    return conditionalCreate;
  }

  /** @return whether the server stores the business identifier and can search by it */
  public boolean identifierHonoured() {
    return identifierHonoured;
  }

  /** @return whether the server accepts LOINC type codings */
  public boolean loincTypeAccepted() {
    return loincTypeAccepted;
  }

  /**
   * The proprietary type code for a LOINC document type.
   *
   * @param loinc the LOINC code
   * @return the proprietary code, or empty
   */
  public Optional<TypeCode> proprietaryType(String loinc) {
    return Optional.ofNullable(proprietaryTypes.get(loinc));
  }

  /** @return the auth styles the server accepts */
  public Set<AuthStrategy.Style> authStyles() {
    return authStyles;
  }

  /** @return whether the server accepts Provenance writes */
  public boolean provenanceAccepted() {
    return provenanceAccepted;
  }

  /** @return headers added to every request (names as given); never secrets in logs */
  public Map<String, String> extraHeaders() {
    return extraHeaders;
  }

  @Override
  public String toString() {
    return "VendorProfile[" + name + ", docStatus=" + docStatus + ", conditionalCreate=" + conditionalCreate
        + ", identifierHonoured=" + identifierHonoured + ", headers=" + extraHeaders.keySet() + "]";
  }

  /** Builds a {@link VendorProfile}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final String name;
    private final Set<String> attachmentTypes = new LinkedHashSet<>(Set.of("text/plain"));
    private DocStatus docStatus = DocStatus.FINAL;
    private boolean authorAllowed = true;
    private boolean encounterRequired;
    private boolean conditionalCreate = true;
    private boolean identifierHonoured = true;
    private boolean loincTypeAccepted = true;
    private final Map<String, TypeCode> proprietaryTypes = new LinkedHashMap<>();
    private final Set<AuthStrategy.Style> authStyles = EnumSet.allOf(AuthStrategy.Style.class);
    private boolean provenanceAccepted = true;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("Profile name must not be blank");
      }
      this.name = name.strip();
    }

    /**
     * Replaces the accepted attachment media types.
     *
     * @param types e.g. {@code text/plain}, {@code text/markdown}
     * @return this builder
     * @throws IllegalArgumentException if empty, or a type is not {@code type/subtype}
     */
    public Builder attachmentTypes(Set<String> types) {
      Objects.requireNonNull(types, "types");
      if (types.isEmpty()) {
        throw new IllegalArgumentException("At least one attachment type is required");
      }
      Set<String> norm = new LinkedHashSet<>();
      for (String t : types) {
        String m = Objects.requireNonNull(t, "type").strip().toLowerCase(Locale.ROOT);
        if (!m.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
          throw new IllegalArgumentException("Attachment type must be 'type/subtype' without parameters, got '"
              + t + "'");
        }
        norm.add(m);
      }
      attachmentTypes.clear();
      attachmentTypes.addAll(norm);
      return this;
    }

    /**
     * Sets the docStatus written (default {@link DocStatus#FINAL}).
     *
     * @param status the status
     * @return this builder
     */
    public Builder docStatus(DocStatus status) {
      this.docStatus = Objects.requireNonNull(status, "status");
      return this;
    }

    /**
     * Whether {@code author} may be sent (default {@code true}).
     *
     * @param allowed the setting
     * @return this builder
     */
    public Builder authorAllowed(boolean allowed) {
      this.authorAllowed = allowed;
      return this;
    }

    /**
     * Whether the note must reference an existing encounter (default {@code false}).
     *
     * @param required the setting
     * @return this builder
     */
    public Builder encounterRequired(boolean required) {
      this.encounterRequired = required;
      return this;
    }

    /**
     * Whether the server honours {@code If-None-Exist} (default {@code true}).
     *
     * @param supported the setting
     * @return this builder
     */
    public Builder conditionalCreate(boolean supported) {
      this.conditionalCreate = supported;
      return this;
    }

    /**
     * Whether the server stores {@code DocumentReference.identifier} and searches by it (default {@code true}).
     * Without it, a write whose outcome is unknown cannot be reconciled and is reported, never retried.
     *
     * @param honoured the setting
     * @return this builder
     */
    public Builder identifierHonoured(boolean honoured) {
      this.identifierHonoured = honoured;
      return this;
    }

    /**
     * Whether LOINC type codings are accepted (default {@code true}). When not, every document type must have a
     * {@link #proprietaryType proprietary mapping}.
     *
     * @param accepted the setting
     * @return this builder
     */
    public Builder loincTypeAccepted(boolean accepted) {
      this.loincTypeAccepted = accepted;
      return this;
    }

    /**
     * Maps a LOINC document type to the server's own code, sent as an extra coding.
     *
     * @param loinc the LOINC code, e.g. {@code 11506-3}
     * @param code the server's code
     * @return this builder
     * @throws IllegalStateException if the LOINC code is already mapped
     */
    public Builder proprietaryType(String loinc, TypeCode code) {
      Objects.requireNonNull(loinc, "loinc");
      Objects.requireNonNull(code, "code");
      if (proprietaryTypes.putIfAbsent(loinc, code) != null) {
        throw new IllegalStateException("LOINC " + loinc + " is already mapped");
      }
      return this;
    }

    /**
     * Restricts the auth styles the server accepts (default: all).
     *
     * @param styles the styles
     * @return this builder
     * @throws IllegalArgumentException if empty
     */
    public Builder authStyles(Set<AuthStrategy.Style> styles) {
      Objects.requireNonNull(styles, "styles");
      if (styles.isEmpty()) {
        throw new IllegalArgumentException("At least one auth style is required");
      }
      authStyles.clear();
      authStyles.addAll(styles);
      return this;
    }

    /**
     * Whether the server accepts Provenance writes (default {@code true}).
     *
     * @param accepted the setting
     * @return this builder
     */
    public Builder provenanceAccepted(boolean accepted) {
      this.provenanceAccepted = accepted;
      return this;
    }

    /**
     * Adds a header sent with every request (e.g. {@code Epic-Client-ID}).
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name is not a valid token or is {@code Authorization}
     * @throws IllegalStateException if the header is already set
     */
    public Builder extraHeader(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw new IllegalArgumentException("Invalid header name '" + name + "'");
      }
      if (name.equalsIgnoreCase("Authorization")) {
        throw new IllegalArgumentException("Authorization is set by the AuthStrategy, not by a profile header");
      }
      if (extraHeaders.putIfAbsent(name, value) != null) {
        throw new IllegalStateException("Header " + name + " is already set");
      }
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws IllegalStateException if neither {@code text/plain} nor {@code text/markdown} is accepted
     */
    public VendorProfile build() {
      if (!attachmentTypes.contains("text/plain") && !attachmentTypes.contains("text/markdown")) {
        throw new IllegalStateException("Profile '" + name + "' must accept text/plain or text/markdown, got "
            + attachmentTypes);
      }
      return new VendorProfile(this);
    }
  }
}
