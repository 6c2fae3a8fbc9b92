/**
 * Verinote's optional OpenTelemetry bridge: {@link org.verinote.otel.OpenTelemetryListener} turns pipeline events
 * into spans and metrics. Needs only the OpenTelemetry API; the host supplies the SDK and exporters.
 */
module org.verinote.otel {
  requires transitive org.verinote.core;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports org.verinote.otel;
}
