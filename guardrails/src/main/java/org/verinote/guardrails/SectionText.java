package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import org.verinote.core.Span;

/**
 * One note section analysed once: its tokens, its sentence spans and, per sentence, the token range inside it.
 * Immutable.
 */
final class SectionText {

  final String key;
  final String text;
  final List<Tok> toks;
  final List<Span> sentences;
  /** For sentence i: tokens [tokFrom[i], tokTo[i]). */
  final int[] tokFrom;
  final int[] tokTo;

  SectionText(String key, String text) {
    this.key = key;
    this.text = text;
    this.toks = Tokenizer.tokenize(text);
    this.sentences = Sentences.split(text);
    this.tokFrom = new int[sentences.size()];
    this.tokTo = new int[sentences.size()];
    int t = 0;
    for (int i = 0; i < sentences.size(); i++) {
      Span s = sentences.get(i);
      while (t < toks.size() && toks.get(t).start() < s.start()) {
        t++;
      }
      tokFrom[i] = t;
      while (t < toks.size() && toks.get(t).end() <= s.end()) {
        t++;
      }
      tokTo[i] = t;
    }
  }

  /** @return the sentence index containing character {@code pos}, or -1 */
  int sentenceAt(int pos) {
    for (int i = 0; i < sentences.size(); i++) {
      if (sentences.get(i).start() <= pos && pos < sentences.get(i).end()) {
        return i;
      }
    }
    return -1;
  }

  static List<SectionText> of(org.verinote.core.StructuredNote note) {
    List<SectionText> out = new ArrayList<>(note.sections().size());
    for (org.verinote.core.NoteSection s : note.sections()) {
      out.add(new SectionText(s.key(), s.text()));
    }
    return out;
  }
}
