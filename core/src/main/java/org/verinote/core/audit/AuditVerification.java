package org.verinote.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link AuditChain#verify(List)}: how many events were checked and every problem found.
 *
 * @param eventsChecked the number of events read
 * @param problems every problem, in sequence order; empty if the chain is intact
 */
public record AuditVerification(int eventsChecked, List<AuditProblem> problems) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code problems} is null
   */
  public AuditVerification {
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /**
   * Whether the chain is intact: no event altered, removed or reordered.
   *
   * @return {@code true} if there are no problems
   */
  public boolean intact() {
    return problems.isEmpty();
  }
}
