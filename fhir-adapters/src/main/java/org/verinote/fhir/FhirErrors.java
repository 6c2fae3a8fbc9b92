package org.verinote.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.verinote.core.AdapterException;

/**
 * Maps HAPI client failures (HTTP status + OperationOutcome) to {@link AdapterException}s that say whether to
 * retry. Messages carry the operation, the status and the OperationOutcome issue codes and paths — never the
 * server's free-text diagnostics, which may echo clinical content.
 */
final class FhirErrors {

  private FhirErrors() {}

  /**
   * Whether an HTTP status is worth retrying unchanged.
   *
   * @param status the status
   * @return {@code true} for 408, 409, 429 and 5xx other than 501
   */
  static boolean retriable(int status) {
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status != 501);
  }

  /**
   * Maps a failure.
   *
   * @param operation e.g. {@code "create DocumentReference"}
   * @param e the HAPI failure
   * @param write whether the call was a write (its outcome is then unknown on a lost answer)
   * @return the adapter exception
   */
  static AdapterException map(String operation, RuntimeException e, boolean write) {
    AdapterException nested = nestedAdapterException(e);
    if (nested != null) {
      return nested;
    }
    if (!(e instanceof BaseServerResponseException)) {
      return new AdapterException("FHIR " + operation + ": failed before a response was received ("
          + e.getClass().getSimpleName() + "). This is a client-side defect or misconfiguration; do not retry.", -1,
          false, e);
    }
    if (e instanceof FhirClientConnectionException || ((BaseServerResponseException) e).getStatusCode() <= 0) {
      String kind = hasCause(e, SocketTimeoutException.class) ? "timed out" : "connection failed";
      return new AdapterException("FHIR " + operation + ": no answer (" + kind + "). "
          + (write ? "The outcome is unknown; it is reconciled by identifier before any retry."
              : "Retry later."), -1, true, e);
    }
    BaseServerResponseException s = (BaseServerResponseException) e;
    int status = s.getStatusCode();
    String issues = issues(s.getOperationOutcome());
    return new AdapterException("FHIR " + operation + ": HTTP " + status + (issues.isEmpty() ? "" : " " + issues)
        + ". " + advice(status, write), status, retriable(status), e);
  }

  private static String advice(int status, boolean write) {
    switch (status) {
      case 400:
        return "The server rejected the request as invalid; fix the mapping or the vendor profile, do not retry.";
      case 401:
        return "Authentication failed; check the credentials.";
      case 403:
        return "Access forbidden; check the client's scopes and the server's permissions.";
      case 404:
        return "Not found; check the server base URL and that the server supports this resource type.";
      case 409:
        return "Conflict; retry later.";
      case 410:
        return "The resource is gone; do not retry.";
      case 412:
        return write
            ? "Several records already carry this submission key; resolve the duplicates in the EHR, do not retry."
            : "Precondition failed; do not retry.";
      case 422:
        return "The server could not process the resource; fix the mapping or the vendor profile, do not retry.";
      case 429:
        return "Rate limited; retry later.";
      case 501:
        return "The server does not implement this operation; adjust the vendor profile.";
      default:
        return status >= 500 ? "Server error; retry later." : "Unexpected status; do not retry.";
    }
  }

  /** Severity/code at path for each issue, without diagnostics. */
  static String issues(IBaseOperationOutcome outcome) {
    if (!(outcome instanceof OperationOutcome)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : ((OperationOutcome) outcome).getIssue()) {
      StringBuilder sb = new StringBuilder();
      sb.append(issue.getSeverity() == null ? "?" : issue.getSeverity().toCode()).append('/')
          .append(issue.getCode() == null ? "?" : issue.getCode().toCode());
      List<StringType> paths = issue.getExpression().isEmpty() ? issue.getLocation() : issue.getExpression();
      if (!paths.isEmpty()) {
        sb.append(" at ").append(paths.get(0).getValue());
      }
      parts.add(sb.toString());
      if (parts.size() == 5) {
        break;
      }
    }
    return parts.isEmpty() ? "" : parts.toString();
  }

  private static AdapterException nestedAdapterException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AdapterException) {
        return (AdapterException) c;
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
