package org.verinote.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of evaluating one system configuration on one dataset: per-case metric values plus descriptive
 * metadata (dataset, model id, configuration). The unit that the promotion gate compares, the reports render and
 * {@link EvalRuns} reads and writes as JSON.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the run name (e.g. the configuration label)
 * @param metadata free-form descriptive strings (dataset, model, template, date); never PHI
 * @param cases the per-case results, in dataset order, ids unique
 */
public record EvalRun(String name, Map<String, String> metadata, List<CaseResult> cases) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if two cases share an id
   */
  public EvalRun {
    Objects.requireNonNull(name, "name");
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    cases = List.copyOf(cases);
    Set<String> ids = new HashSet<>();
    for (CaseResult c : cases) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("Run " + name + " has case " + c.id() + " twice; ids must be unique");
      }
    }
  }

  /** @return every metric name present in at least one case, sorted */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    cases.forEach(c -> names.addAll(c.metrics().keySet()));
    return Collections.unmodifiableSet(names);
  }

  /**
   * The values of one metric over the cases that have it, in case order.
   *
   * @param metric the metric name
   * @return the values, possibly empty
   */
  public double[] values(String metric) {
    List<Double> out = new ArrayList<>();
    for (CaseResult c : cases) {
      Double v = c.metrics().get(metric);
      if (v != null) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The plain mean of one metric over the cases that have it.
   *
   * @param metric the metric name
   * @return the mean, or NaN if no case has it
   */
  public double mean(String metric) {
    double[] v = values(metric);
    if (v.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  @Override
  public String toString() {
    return "EvalRun[" + name + ", cases=" + cases.size() + ", metrics=" + metricNames().size() + "]";
  }
}
