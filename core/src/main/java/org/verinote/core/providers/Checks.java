package org.verinote.core.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.Objects;

/** Builder argument checks shared by the providers: fail at the setter, with a message that says what to pass. */
final class Checks {

  private Checks() {}

  static URI baseUrl(String url) {
    Objects.requireNonNull(url, "baseUrl");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URI: expected e.g. https://api.openai.com/v1", e);
    }
    if (!uri.isAbsolute() || uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new IllegalArgumentException("baseUrl must be an absolute http or https URL such as"
          + " http://localhost:11434, got scheme '" + uri.getScheme() + "'");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment; paths are appended to it");
    }
    return uri;
  }

  static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Validates like {@link HttpRequest.Builder#header} does, but now rather than at the first call. */
  static void header(String name, String value) {
    Objects.requireNonNull(name, "header name");
    Objects.requireNonNull(value, "header value");
    try {
      HttpRequest.newBuilder().header(name, value);
    } catch (IllegalArgumentException e) {
      // The JDK's message names the header, never the value.
      throw new IllegalArgumentException("Header '" + name + "' cannot be set: it is restricted or malformed", e);
    }
  }

  /**
   * Validates a header and adds it to a builder's headers.
   *
   * @throws IllegalArgumentException if the JDK HTTP client refuses it
   * @throws IllegalStateException if a header of that name (any case) was already set
   */
  static void putHeader(java.util.Map<String, String> headers, String name, String value) {
    header(name, value);
    if (headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
      throw new IllegalStateException("header '" + name + "' was already set");
    }
    headers.put(name, value);
  }

  static String secret(String key, String name) {
    notBlank(key, name);
    if (key.indexOf('\r') >= 0 || key.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(name + " must not contain line breaks");
    }
    return key;
  }

  static int contextTokens(int tokens) {
    if (tokens < 256) {
      throw new IllegalArgumentException("contextTokens must be >= 256, got " + tokens);
    }
    return tokens;
  }

  static <T> T once(T current, T value, String name) {
    Objects.requireNonNull(value, name);
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
    return value;
  }
}
