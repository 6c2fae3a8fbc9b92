package org.verinote.fhir.testing;

import java.util.Map;

/**
 * One request the test server received, as sent on the wire.
 *
 * @param method the HTTP method
 * @param path the path below the FHIR base, e.g. {@code /DocumentReference}
 * @param query the raw query string, or {@code null}
 * @param headers headers, names lower-cased (last value wins)
 * @param body the body as UTF-8 text (empty for none)
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body) {

  /** @return the header value, or null; name is case-insensitive */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** @return the first path segment: the resource type */
  public String resourceType() {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return slash < 0 ? p : p.substring(0, slash);
  }

  @Override
  public String toString() {
    return method + " " + path + (query == null ? "" : "?" + query);
  }
}
