/**
 * Verinote core: the API ({@code org.verinote.core}), the SPIs (model providers, de-identification, guardrails,
 * clinical record adapters) and the review workflow.
 */
module org.verinote.core {
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires transitive java.sql;
  requires java.net.http;
  requires com.github.benmanes.caffeine;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.retry;
  requires io.github.resilience4j.circuitbreaker;
  requires io.github.resilience4j.bulkhead;
  requires io.github.resilience4j.timelimiter;

  exports org.verinote.core;
  exports org.verinote.core.model;
  exports org.verinote.core.providers;
  exports org.verinote.core.deid;
  exports org.verinote.core.events;
  exports org.verinote.core.guard;
  exports org.verinote.core.record;
  exports org.verinote.core.review;
  exports org.verinote.core.audit;
}
