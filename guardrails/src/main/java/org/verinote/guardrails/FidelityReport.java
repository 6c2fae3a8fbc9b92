package org.verinote.guardrails;

import java.util.List;

/**
 * Sentence-by-sentence support of a note by its transcript ({@link SourceFidelity#assess}).
 *
 * @param sentences every sentence of every section, in note order
 * @param fidelity the note-level score in [0, 1]: mean support of the scored sentences, weighted by their term
 *     counts; 1 when no sentence could be scored
 * @param unsupported how many scored sentences fell below the layer's threshold
 */
public record FidelityReport(List<SentenceSupport> sentences, double fidelity, int unsupported) {

  /** Copies the list. */
  public FidelityReport {
    sentences = List.copyOf(sentences);
  }

  /** @return how many sentences were scored */
  public int scoredSentences() {
    int n = 0;
    for (SentenceSupport s : sentences) {
      n += s.scored() ? 1 : 0;
    }
    return n;
  }
}
