/**
 * Verinote's evaluation kit: benchmark loaders, rouge-score compatible ROUGE, note metrics, LLM-as-judge, drift
 * detection, the promotion gate and reports.
 */
module org.verinote.eval {
  requires transitive org.verinote.core;
  requires org.verinote.guardrails;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.csv;
  requires org.slf4j;

  exports org.verinote.eval;
  exports org.verinote.eval.dataset;
  exports org.verinote.eval.metrics;
  exports org.verinote.eval.corrections;
  exports org.verinote.eval.drift;
  exports org.verinote.eval.gate;
  exports org.verinote.eval.judge;
  exports org.verinote.eval.report;
  exports org.verinote.eval.rouge;
  exports org.verinote.eval.stats;
}
