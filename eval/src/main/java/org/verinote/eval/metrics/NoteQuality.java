package org.verinote.eval.metrics;

/**
 * Reference-free quality measures of one drafted note.
 *
 * @param completeness share of the template's sections that have text, in {@code [0, 1]}
 * @param supportedSentenceShare share of note sentences whose content words occur in the transcript (lexical
 *     source fidelity, see {@link NoteMetrics}), in {@code [0, 1]}; 1 for a note without sentences
 * @param evidenceShare share of non-empty sections that carry at least one evidence span, in {@code [0, 1]}
 * @param jsonFragments count of leftover JSON syntax fragments ({@code {"key":}, {@code "]}"}) in the text
 * @param repeatedSentences count of sentences that occur more than once (after the first)
 * @param hedges count of hedging or assistant phrases ("I think", "as an AI", "it is possible that")
 */
public record NoteQuality(double completeness, double supportedSentenceShare, double evidenceShare,
    int jsonFragments, int repeatedSentences, int hedges) {

  /** @return {@code true} when the note has no JSON fragment, no repeated sentence and no hedge */
  public boolean structurallyConsistent() {
    return jsonFragments == 0 && repeatedSentences == 0 && hedges == 0;
  }
}
