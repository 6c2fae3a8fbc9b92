package org.verinote.fhir.conformance;

/** Faults a harness can inject into the backend behind the adapter under test. */
public enum Fault {
  /** The next write fails with a transient error (HTTP 5xx, HL7 AR): a retry must succeed without duplicating. */
  TRANSIENT_ERROR_ONCE,
  /** The next write is stored, but the answer is lost (timeout): reconciliation must find it, never duplicate. */
  LOST_RESPONSE_AFTER_STORE,
  /** Credentials are refused (HTTP 401): non-retriable, nothing written. */
  AUTH_REJECTED,
  /** The backend refuses the note for good (HTTP 422, HL7 AE, a broken drop folder): non-retriable. */
  PERMANENT_REJECTION
}
