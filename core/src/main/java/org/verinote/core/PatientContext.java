package org.verinote.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the EHR already knows about the patient: the identifiers de-identification must catch wherever they occur,
 * and the demographics (age, sex) a note may use.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. Every field is optional. {@link #toString()} prints
 * which fields are present, never their values.
 */
public final class PatientContext {

  /** Biological sex as recorded by the EHR. */
  public enum Sex {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Other or unknown. */
    OTHER
  }

  private static final PatientContext EMPTY = new Builder().build();

  private final List<String> givenNames;
  private final String familyName;
  private final List<String> otherNames;
  private final LocalDate birthDate;
  private final Integer age;
  private final Sex sex;
  private final String mrn;
  private final List<String> identifiers;
  private final List<String> addressLines;
  private final String city;
  private final String postalCode;
  private final List<String> phones;
  private final List<String> emails;

  private PatientContext(Builder b) {
    this.givenNames = List.copyOf(b.givenNames);
    this.familyName = b.familyName;
    this.otherNames = List.copyOf(b.otherNames);
    this.birthDate = b.birthDate;
    this.age = b.age;
    this.sex = b.sex;
    this.mrn = b.mrn;
    this.identifiers = List.copyOf(b.identifiers);
    this.addressLines = List.copyOf(b.addressLines);
    this.city = b.city;
    this.postalCode = b.postalCode;
    this.phones = List.copyOf(b.phones);
    this.emails = List.copyOf(b.emails);
  }

  /**
   * A context with no fields: nothing is known.
   *
   * @return the empty context
   */
  public static PatientContext empty() {
    return EMPTY;
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
   * A builder pre-filled with this context's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.givenNames.addAll(givenNames);
    b.familyName = familyName;
    b.otherNames.addAll(otherNames);
    b.birthDate = birthDate;
    b.age = age;
    b.sex = sex;
    b.mrn = mrn;
    b.identifiers.addAll(identifiers);
    b.addressLines.addAll(addressLines);
    b.city = city;
    b.postalCode = postalCode;
    b.phones.addAll(phones);
    b.emails.addAll(emails);
    return b;
  }

  /** @return given (first and middle) names, possibly empty */
  public List<String> givenNames() {
    return givenNames;
  }

  /** @return the family name */
  public Optional<String> familyName() {
    return Optional.ofNullable(familyName);
  }

  /** @return other people's names the EHR knows for this encounter (relatives, care team) */
  public List<String> otherNames() {
    return otherNames;
  }

  /** @return the birth date */
  public Optional<LocalDate> birthDate() {
    return Optional.ofNullable(birthDate);
  }

  /** @return the age in years, if the EHR supplied it */
  public OptionalInt age() {
    return age == null ? OptionalInt.empty() : OptionalInt.of(age);
  }

  /** @return the recorded sex */
  public Optional<Sex> sex() {
    return Optional.ofNullable(sex);
  }

  /** @return the medical record number */
  public Optional<String> mrn() {
    return Optional.ofNullable(mrn);
  }

  /** @return other identifiers: insurance member ids, account numbers, licence numbers… */
  public List<String> identifiers() {
    return identifiers;
  }

  /** @return street address lines */
  public List<String> addressLines() {
    return addressLines;
  }

  /** @return the city */
  public Optional<String> city() {
    return Optional.ofNullable(city);
  }

  /** @return the postal (zip) code */
  public Optional<String> postalCode() {
    return Optional.ofNullable(postalCode);
  }

  /** @return phone and fax numbers */
  public List<String> phones() {
    return phones;
  }

  /** @return e-mail addresses */
  public List<String> emails() {
    return emails;
  }

  /**
   * Whether no field is set.
   *
   * @return {@code true} for a context that knows nothing
   */
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatientContext p && givenNames.equals(p.givenNames) && Objects.equals(familyName, p.familyName)
        && otherNames.equals(p.otherNames) && Objects.equals(birthDate, p.birthDate) && Objects.equals(age, p.age)
        && sex == p.sex && Objects.equals(mrn, p.mrn) && identifiers.equals(p.identifiers)
        && addressLines.equals(p.addressLines) && Objects.equals(city, p.city)
        && Objects.equals(postalCode, p.postalCode) && phones.equals(p.phones) && emails.equals(p.emails);
  }

  @Override
  public int hashCode() {
    return Objects.hash(givenNames, familyName, otherNames, birthDate, age, sex, mrn, identifiers, addressLines,
        city, postalCode, phones, emails);
  }

  @Override
  public String toString() {
    return "PatientContext[givenNames=" + givenNames.size() + ", familyName=" + (familyName != null)
        + ", otherNames=" + otherNames.size() + ", birthDate=" + (birthDate != null) + ", age=" + (age != null)
        + ", sex=" + (sex != null) + ", mrn=" + (mrn != null) + ", identifiers=" + identifiers.size()
        + ", address=" + (addressLines.size() + (city != null ? 1 : 0) + (postalCode != null ? 1 : 0))
        + ", phones=" + phones.size() + ", emails=" + emails.size() + "]";
  }

  /**
   * Builds a {@link PatientContext}. Not thread-safe. Blank strings are rejected so that an empty EHR field does not
   * silently become an identifier that matches everything.
   */
  public static final class Builder {
    private final List<String> givenNames = new ArrayList<>();
    private String familyName;
    private final List<String> otherNames = new ArrayList<>();
    private LocalDate birthDate;
    private Integer age;
    private Sex sex;
    private String mrn;
    private final List<String> identifiers = new ArrayList<>();
    private final List<String> addressLines = new ArrayList<>();
    private String city;
    private String postalCode;
    private final List<String> phones = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a given name (first or middle).
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder givenName(String name) {
      givenNames.add(nonBlank(name, "givenName"));
      return this;
    }

    /**
     * Sets the family name.
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder familyName(String name) {
      this.familyName = nonBlank(name, "familyName");
      return this;
    }

    /**
     * Adds another person's name known for the encounter (relative, clinician).
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder otherName(String name) {
      otherNames.add(nonBlank(name, "otherName"));
      return this;
    }

    /**
     * Sets the birth date.
     *
     * @param date the date
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if in the future
     */
    public Builder birthDate(LocalDate date) {
      Objects.requireNonNull(date, "birthDate");
      if (date.isAfter(LocalDate.now().plusDays(1))) {
        throw new IllegalArgumentException("birthDate must not be in the future");
      }
      this.birthDate = date;
      return this;
    }

    /**
     * Sets the age in years.
     *
     * @param years the age
     * @return this builder
     * @throws IllegalArgumentException if not in 0..150
     */
    public Builder age(int years) {
      if (years < 0 || years > 150) {
        throw new IllegalArgumentException("age must be in 0..150, got " + years);
      }
      this.age = years;
      return this;
    }

    /**
     * Sets the sex.
     *
     * @param sex the sex
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder sex(Sex sex) {
      this.sex = Objects.requireNonNull(sex, "sex");
      return this;
    }

    /**
     * Sets the medical record number.
     *
     * @param mrn the MRN
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder mrn(String mrn) {
      this.mrn = nonBlank(mrn, "mrn");
      return this;
    }

    /**
     * Adds another identifier (insurance member id, account number…).
     *
     * @param id the identifier
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder identifier(String id) {
      identifiers.add(nonBlank(id, "identifier"));
      return this;
    }

    /**
     * Adds a street address line.
     *
     * @param line the line
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder addressLine(String line) {
      addressLines.add(nonBlank(line, "addressLine"));
      return this;
    }

    /**
     * Sets the city.
     *
     * @param city the city
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder city(String city) {
      this.city = nonBlank(city, "city");
      return this;
    }

    /**
     * Sets the postal code.
     *
     * @param code the code
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder postalCode(String code) {
      this.postalCode = nonBlank(code, "postalCode");
      return this;
    }

    /**
     * Adds a phone or fax number.
     *
     * @param phone the number in any layout
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder phone(String phone) {
      phones.add(nonBlank(phone, "phone"));
      return this;
    }

    /**
     * Adds an e-mail address.
     *
     * @param email the address
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder email(String email) {
      emails.add(nonBlank(email, "email"));
      return this;
    }

    /**
     * Builds the context. Repeatable.
     *
     * @return the context
     */
    public PatientContext build() {
      return new PatientContext(this);
    }

    private static String nonBlank(String s, String name) {
      Objects.requireNonNull(s, name);
      if (s.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return s.strip();
    }
  }
}
