package org.verinote.guardrails;

import java.util.List;
import java.util.Objects;
import org.verinote.core.Evidence;
import org.verinote.core.Span;

/**
 * How well one note sentence is supported by the transcript.
 *
 * <p>Immutable. {@link #toString()} prints positions and scores only.
 *
 * @param sectionKey the note section
 * @param span the sentence's characters within the section text
 * @param terms how many clinical terms the sentence has (function words and boilerplate excluded)
 * @param score support in [0, 1]: the share of the sentence's terms found in its best window of transcript turns,
 *     averaged with the share found anywhere in the transcript; 1 for sentences too short to score
 * @param scored whether the sentence had enough terms to be scored
 * @param evidence the turns of the best window that contributed terms, with character offsets in each turn's text
 */
public record SentenceSupport(String sectionKey, Span span, int terms, double score, boolean scored,
    List<Evidence> evidence) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the score is outside [0, 1] or terms is negative
   */
  public SentenceSupport {
    Objects.requireNonNull(sectionKey, "sectionKey");
    Objects.requireNonNull(span, "span");
    if (!(score >= 0.0 && score <= 1.0) || terms < 0) {
      throw new IllegalArgumentException("score must be in [0, 1] and terms >= 0, got " + score + ", " + terms);
    }
    evidence = List.copyOf(evidence);
  }
}
