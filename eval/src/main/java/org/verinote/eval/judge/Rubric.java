package org.verinote.eval.judge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The criteria a judge model scores, each on a 1–5 scale.
 *
 * @param id a stable id (recorded in reports)
 * @param criteria criterion key (snake_case) → what it means, in prompt order
 */
public record Rubric(String id, List<Map.Entry<String, String>> criteria) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if there is no criterion, a key is not snake_case, or keys repeat
   */
  public Rubric {
    Objects.requireNonNull(id, "id");
    criteria = List.copyOf(criteria);
    if (criteria.isEmpty()) {
      throw new IllegalArgumentException("A rubric needs at least one criterion");
    }
    Set<String> keys = new HashSet<>();
    for (Map.Entry<String, String> c : criteria) {
      if (!c.getKey().matches("[a-z][a-z0-9_]{0,40}") || !keys.add(c.getKey())) {
        throw new IllegalArgumentException("Criterion keys must be unique snake_case, got '" + c.getKey() + "'");
      }
    }
  }

  /**
   * The default clinical-note rubric: accuracy, completeness, conciseness, organisation, safety.
   *
   * @return the rubric
   */
  public static Rubric clinicalNote() {
    return new Rubric("clinical-note/1", List.of(
        Map.entry("accuracy", "Every statement is supported by the transcript; nothing is invented."),
        Map.entry("completeness", "All clinically relevant facts of the visit are present."),
        Map.entry("conciseness", "No filler, repetition or conversational noise."),
        Map.entry("organization", "Facts sit in the right section; the note reads like a clinician's note."),
        Map.entry("safety", "No error that could harm the patient (wrong drug, dose, side, allergy).")));
  }

  /** @return the criterion keys in order */
  public List<String> keys() {
    return criteria.stream().map(Map.Entry::getKey).toList();
  }
}
