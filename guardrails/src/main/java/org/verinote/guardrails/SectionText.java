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

  /** Assertion status per token ({@link Polarity#of}), computed on first use; never modified. */
  private volatile byte[] polarity;

  /** @return the assertion status of every token, shared: callers must not modify it */
  byte[] polarity() {
    byte[] p = polarity;
    if (p == null) {
      p = Polarity.of(toks, true);
      polarity = p;
    }
    return p;
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

  private static final Object LOCK = new Object();
  private static java.lang.ref.WeakReference<org.verinote.core.StructuredNote> lastNote =
      new java.lang.ref.WeakReference<>(null);
  private static List<SectionText> lastSections = List.of();

  /**
   * The analysed sections of a note. The last note analysed is remembered by identity (weakly), so the layers of
   * one chain run that see the same note share one analysis.
   */
  static List<SectionText> of(org.verinote.core.StructuredNote note) {
    synchronized (LOCK) {
      org.verinote.core.StructuredNote last = lastNote.get();
      if (last == note) {
        return lastSections;
      }
      if (last == null) {
        lastSections = List.of();
      }
    }
    List<SectionText> built = build(note);
    synchronized (LOCK) {
      lastNote = new java.lang.ref.WeakReference<>(note);
      lastSections = built;
    }
    return built;
  }

  private static List<SectionText> build(org.verinote.core.StructuredNote note) {
    List<SectionText> out = new ArrayList<>(note.sections().size());
    for (org.verinote.core.NoteSection s : note.sections()) {
      out.add(new SectionText(s.key(), s.text()));
    }
    return List.copyOf(out);
  }
}
