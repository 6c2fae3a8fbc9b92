package org.verinote.core.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted answer of {@link MockModelServer}: status, headers, body, an optional delay, and an optional transport
 * fault. Immutable; the {@code with…} methods return copies.
 *
 * {@snippet :
 * server.enqueue(MockResponse.json(429, "{}").withHeader("Retry-After", "0"));
 * server.enqueue(MockResponse.fault(MockResponse.Fault.RESET));
 * }
 */
public final class MockResponse {

  /** A transport-level fault instead of (or in the middle of) a normal answer. */
  public enum Fault {
    /** A complete, well-formed HTTP response. */
    NONE,
    /** Close the connection with a TCP reset after reading the request, sending nothing. */
    RESET,
    /** Send the headers with the full Content-Length, then half of the body, then close. */
    TRUNCATE_BODY,
    /** Read the request and never answer (until the server closes). */
    NO_RESPONSE
  }

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Duration delay;
  private final Fault fault;

  private MockResponse(int status, Map<String, String> headers, byte[] body, Duration delay, Fault fault) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body.clone();
    this.delay = delay;
    this.fault = fault;
  }

  /**
   * A response with a JSON body.
   *
   * @param status the HTTP status
   * @param json the body
   * @return the response
   */
  public static MockResponse json(int status, String json) {
    return new MockResponse(status, Map.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8), Duration.ZERO, Fault.NONE);
  }

  /**
   * A response with any body and content type.
   *
   * @param status the HTTP status
   * @param contentType the Content-Type
   * @param body the body
   * @return the response
   */
  public static MockResponse body(int status, String contentType, String body) {
    return new MockResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
        Duration.ZERO, Fault.NONE);
  }

  /**
   * A transport fault.
   *
   * @param fault the fault; {@link Fault#TRUNCATE_BODY} cuts an empty JSON object body
   * @return the response
   */
  public static MockResponse fault(Fault fault) {
    return new MockResponse(200, Map.of("Content-Type", "application/json"),
        "{\"truncated\": \"body that will be cut in half\"}".getBytes(StandardCharsets.UTF_8), Duration.ZERO,
        Objects.requireNonNull(fault, "fault"));
  }

  /**
   * A copy with one more header.
   *
   * @param name the name
   * @param value the value
   * @return the copy
   */
  public MockResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new MockResponse(status, h, body, delay, fault);
  }

  /**
   * A copy that waits before answering.
   *
   * @param d the delay
   * @return the copy
   */
  public MockResponse withDelay(Duration d) {
    return new MockResponse(status, headers, body, Objects.requireNonNull(d, "delay"), fault);
  }

  /**
   * A copy with the given fault.
   *
   * @param f the fault
   * @return the copy
   */
  public MockResponse withFault(Fault f) {
    return new MockResponse(status, headers, body, delay, Objects.requireNonNull(f, "fault"));
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] bodyBytes() {
    return body.clone();
  }

  Duration delay() {
    return delay;
  }

  Fault faultKind() {
    return fault;
  }

  @Override
  public String toString() {
    return "MockResponse[" + status + ", " + body.length + " bytes, " + fault + "]";
  }
}
