package org.verinote.otel;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives a stable trace id from tenant and encounter id, so that structuring, review and submission of one
 * encounter — hours apart, possibly in different processes — land in one trace.
 */
final class EncounterTraces {

  private EncounterTraces() {}

  /** 32 hex digits: the first 16 bytes of SHA-256("verinote-trace\0" + tenant + "\0" + encounter). */
  static String traceId(String tenantId, String encounterId) {
    return HexFormat.of().formatHex(digest(tenantId, encounterId), 0, 16);
  }

  /** A sampled remote parent carrying the encounter's trace id; its span id is derived the same way. */
  static Context parent(String tenantId, String encounterId) {
    byte[] d = digest(tenantId, encounterId);
    SpanContext sc = SpanContext.createFromRemoteParent(HexFormat.of().formatHex(d, 0, 16),
        HexFormat.of().formatHex(d, 16, 24), TraceFlags.getSampled(), TraceState.getDefault());
    return Context.root().with(Span.wrap(sc));
  }

  private static byte[] digest(String tenantId, String encounterId) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update("verinote-trace".getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(tenantId.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(encounterId.getBytes(StandardCharsets.UTF_8));
      byte[] d = md.digest();
      // An all-zero trace or span id is invalid; make the low byte non-zero in the (astronomically unlikely) case.
      d[15] |= 1;
      d[23] |= 1;
      return d;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
