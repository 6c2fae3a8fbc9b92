package org.verinote.eval.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered, immutable list of {@link EvalCase}s with unique ids, loaded by {@link Datasets}.
 *
 * @param name a display name (usually the file name)
 * @param cases the cases, in file order
 */
public record Dataset(String name, List<EvalCase> cases) {

  /**
   * Copies and validates.
   *
   * @throws NullPointerException if an argument or case is null
   * @throws IllegalArgumentException if two cases share an id
   */
  public Dataset {
    Objects.requireNonNull(name, "name");
    cases = List.copyOf(cases);
    Set<String> seen = new HashSet<>();
    for (EvalCase c : cases) {
      if (!seen.add(c.id())) {
        throw new IllegalArgumentException("Dataset " + name + " has the id " + c.id() + " twice; ids must be unique");
      }
    }
  }

  /** @return the number of cases */
  public int size() {
    return cases.size();
  }

  /**
   * Finds a case by id.
   *
   * @param id the id
   * @return the case, if present
   */
  public Optional<EvalCase> find(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** @return the gold notes, in order */
  public List<String> references() {
    List<String> out = new ArrayList<>(cases.size());
    for (EvalCase c : cases) {
      out.add(c.reference());
    }
    return out;
  }

  /**
   * The first {@code n} cases (for smoke runs).
   *
   * @param n how many
   * @return a dataset with at most {@code n} cases
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Dataset limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + n);
    }
    return new Dataset(name, cases.subList(0, Math.min(n, cases.size())));
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ", cases=" + cases.size() + "]";
  }
}
