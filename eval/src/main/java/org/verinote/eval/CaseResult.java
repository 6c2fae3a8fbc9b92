package org.verinote.eval;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The metric values of one evaluated case (encounter), keyed by metric name ({@code rouge1}, {@code rougeLsum},
 * {@code subjective.rouge1}, {@code completeness}, {@code latency_ms}, …). ROUGE values are F1 × 100; rates and
 * shares are in {@code [0, 1]}.
 *
 * @param id the case id
 * @param metrics metric name → finite value, sorted by name
 */
public record CaseResult(String id, Map<String, Double> metrics) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument, key or value is null
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public CaseResult {
    Objects.requireNonNull(id, "id");
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      double v = Objects.requireNonNull(e.getValue(), "metric value");
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Metric " + e.getKey() + " of case " + id + " must be finite, got " + v);
      }
      copy.put(Objects.requireNonNull(e.getKey(), "metric name"), v);
    }
    metrics = Collections.unmodifiableMap(copy);
  }

  /**
   * One metric.
   *
   * @param name the metric name
   * @return its value, or empty if this case lacks it
   */
  public OptionalDouble metric(String name) {
    Double v = metrics.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
