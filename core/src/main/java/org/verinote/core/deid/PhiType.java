package org.verinote.core.deid;

/**
 * The kinds of protected health information the Safe Harbor de-identifier replaces. Each kind names the token
 * prefix it is replaced with: {@code [PATIENT_1]}, {@code [DATE_2]}…
 *
 * <p>Together they cover the 18 HIPAA Safe Harbor identifiers as they occur in consultation transcripts and notes
 * (see {@code docs/guides/deid.md} for the mapping).
 */
public enum PhiType {
  /** The patient's name (known from the patient context, or addressed as the patient). */
  PATIENT,
  /** A clinician's name ("Dr. Lee", "Mary Hulse, RN"). */
  CLINICIAN,
  /** Any other person's name: relatives, friends, unknown people. */
  PERSON,
  /** A date element other than the year alone: numeric, written or spoken. */
  DATE,
  /** An age over 89. */
  AGE,
  /** A telephone, fax or pager number. */
  PHONE,
  /** An e-mail address. */
  EMAIL,
  /** A social security number. */
  SSN,
  /** A medical record number. */
  MRN,
  /** A health-plan, account, member, policy or card number. */
  ACCOUNT,
  /** A licence or certificate number. */
  LICENSE,
  /** A vehicle identifier: VIN, licence plate. */
  VEHICLE,
  /** A device identifier or serial number. */
  DEVICE,
  /** A web address. */
  URL,
  /** An IP address (v4 or v6). */
  IP_ADDRESS,
  /** A street address. */
  ADDRESS,
  /** A geographic unit smaller than a state: a city, town, county, neighbourhood. */
  LOCATION,
  /** A hospital, clinic or other facility name. */
  ORGANIZATION,
  /** A zip or postal code. */
  ZIP,
  /** Any other unique identifying number or code. */
  ID;

  /**
   * Whether this is a person's name.
   *
   * @return {@code true} for {@link #PATIENT}, {@link #CLINICIAN} and {@link #PERSON}
   */
  public boolean isName() {
    return this == PATIENT || this == CLINICIAN || this == PERSON;
  }
}
