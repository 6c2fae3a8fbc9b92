package org.verinote.eval.rouge;

/**
 * ACI-Bench's four note divisions, as assigned by the benchmark's section tagger.
 */
public enum Division {
  /** Chief complaint, history of present illness, review of systems, other histories. */
  SUBJECTIVE("subjective"),
  /** Physical examination and vitals. */
  OBJECTIVE_EXAM("objective_exam"),
  /** Results and findings. */
  OBJECTIVE_RESULTS("objective_results"),
  /** Assessment, plan, impression. */
  ASSESSMENT_AND_PLAN("assessment_and_plan");

  private final String key;

  Division(String key) {
    this.key = key;
  }

  /** @return the ACI-Bench name, e.g. {@code objective_exam} (tables print {@code division-objective_exam}) */
  public String key() {
    return key;
  }
}
