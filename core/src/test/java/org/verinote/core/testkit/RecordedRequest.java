package org.verinote.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request {@link MockModelServer} received, exactly as it arrived.
 *
 * @param method the HTTP method
 * @param target the request target: path and query, e.g. {@code /v1/chat/completions?x=1}
 * @param headers the headers, names lower-cased, values in arrival order
 * @param body the body as UTF-8 text
 */
public record RecordedRequest(String method, String target, Map<String, List<String>> headers, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections. */
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** @return the path without the query */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * The body parsed as JSON.
   *
   * @return the tree
   * @throws UncheckedIOException if it is not JSON
   */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("request body is not JSON", e);
    }
  }

  @Override
  public String toString() {
    return "RecordedRequest[" + method + " " + target + ", " + body.length() + " chars]";
  }
}
