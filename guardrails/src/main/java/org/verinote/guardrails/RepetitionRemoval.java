package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Repetition removal, the degenerate loops small models fall into: a phrase of one to
 * {@link Builder#maxPhraseWords(int) eight} words repeated back to back {@link Builder#minRepeats(int) three} or
 * more times is cut to one copy ({@code REPEATED_PHRASE}); a sentence immediately repeated (case, spacing and
 * punctuation ignored) keeps its first occurrence ({@code DUPLICATE_SENTENCE}), and so does a line said twice with
 * the break between lost ("Blood pressure: 120/70 mmHg Blood pressure: 120/70 mmHg", "MiraLax MiraLax").
 * Non-adjacent repeats are left alone: "Continue current medications." under two problems of one plan is
 * legitimate. Both are {@link Severity#WARNING} findings whose span is the removed text in the section as this layer received it. Identical sentences in
 * different sections are left alone (notes legitimately restate the opening line in the assessment).
 *
 * <p>Immutable and thread-safe; time linear in the text length times the phrase length.
 */
public final class RepetitionRemoval implements Guardrail {

  /** The layer name. */
  public static final String NAME = "repetition";


  private final int minRepeats;
  private final int maxPhraseWords;

  private RepetitionRemoval(Builder b) {
    this.minRepeats = b.minRepeats;
    this.maxPhraseWords = b.maxPhraseWords;
  }

  /** @return a builder (defaults: 3 repeats, phrases up to 8 words) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    List<NoteSection> out = Layers.copy(context.note());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      NoteSection s = out.get(i);
      String text = s.text();
      List<int[]> cuts = repeatedPhrases(text);
      for (int[] c : cuts) {
        findings.add(Finding.of(NAME, "REPEATED_PHRASE", Severity.WARNING,
            "A phrase was repeated " + c[2] + " times in a row; the extra copies were removed.")
            .at(s.key(), new Span(c[0], c[1])));
      }
      if (!cuts.isEmpty()) {
        text = Layers.remove(text, cuts);
      }
      List<int[]> dups = duplicateSentences(text);
      for (int[] d : dups) {
        findings.add(Finding.of(NAME, "DUPLICATE_SENTENCE", Severity.WARNING,
            "A sentence was immediately repeated; the repeat was removed.")
            .at(s.key(), new Span(d[0], d[1])));
      }
      if (!dups.isEmpty()) {
        text = Layers.remove(text, dups);
      }
      if (!text.equals(s.text())) {
        out.set(i, s.withText(text, s.evidence()));
      }
    }
    return Layers.verdict(context.note(), out, findings, Map.of());
  }

  private List<int[]> repeatedPhrases(String text) {
    List<Tok> all = Tokenizer.tokenize(text);
    List<Tok> words = new ArrayList<>(all.size());
    for (Tok t : all) {
      if (t.kind() != Tok.Kind.PUNCT) {
        words.add(t);
      }
    }
    List<int[]> cuts = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int bestN = 0;
      int bestCount = 0;
      for (int n = 1; n <= maxPhraseWords && i + n * minRepeats <= words.size(); n++) {
        int count = 1;
        while (i + (count + 1) * n <= words.size() && same(words, i, i + count * n, n)) {
          count++;
        }
        if (count >= minRepeats && count * n > bestCount * bestN) {
          bestN = n;
          bestCount = count;
        }
      }
      if (bestCount >= minRepeats) {
        int start = words.get(i + bestN - 1).end();
        int end = words.get(i + bestCount * bestN - 1).end();
        cuts.add(new int[] {start, end, bestCount});
        i += bestCount * bestN;
      } else {
        i++;
      }
    }
    return cuts;
  }

  private static boolean same(List<Tok> w, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      if (!w.get(a + k).raw().equalsIgnoreCase(w.get(b + k).raw())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The sentence lower-cased with every run of characters other than letters and numbers made one space, trimmed
   * (what {@code [^\\p{L}\\p{N}]+ → " "} gives, without a regular expression per sentence).
   */
  static String wordKey(String text, int from, int to) {
    String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean word = Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
          || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
      if (word) {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return b.toString();
  }

  private static List<int[]> duplicateSentences(String text) {
    List<int[]> dups = new ArrayList<>();
    String previous = null;
    for (Span sp : Sentences.split(text)) {
      String key = wordKey(text, sp.start(), sp.end());
      if (!key.isEmpty() && key.equals(previous)) {
        dups.add(new int[] {sp.start(), sp.end()});
      } else if (doubled(key)) {
        int[] half = doubledLine(text, sp);
        if (half != null) {
          dups.add(half);
        }
      }
      previous = key;
    }
    return dups;
  }

  /** Whether a normalised sentence (words joined by single spaces) is one run of words said twice. */
  private static boolean doubled(String key) {
    int spaces = 0;
    for (int i = 0; i < key.length(); i++) {
      spaces += key.charAt(i) == ' ' ? 1 : 0;
    }
    if (spaces % 2 == 0) {
      return false;
    }
    int mid = -1;
    for (int i = 0, seen = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ' && ++seen == spaces / 2 + 1) {
        mid = i;
        break;
      }
    }
    return mid == key.length() - 1 - mid && key.regionMatches(0, key, mid + 1, mid);
  }

  /**
   * A sentence that is one line said twice with the break between lost ("Blood pressure: 120/70 mmHg Blood
   * pressure: 120/70 mmHg", "MiraLax MiraLax"): the span of the second copy, or null.
   */
  private static int[] doubledLine(String text, Span sp) {
    List<Tok> words = new ArrayList<>();
    for (Tok t : Tokenizer.tokenize(text.substring(sp.start(), sp.end()))) {
      if (t.kind() != Tok.Kind.PUNCT) {
        words.add(t);
      }
    }
    int h = words.size() / 2;
    if (h == 0 || words.size() % 2 != 0 || !same(words, 0, h, h)) {
      return null;
    }
    return new int[] {sp.start() + words.get(h - 1).end(), sp.start() + words.get(2 * h - 1).end()};
  }

  @Override
  public String toString() {
    return "RepetitionRemoval[minRepeats=" + minRepeats + ", maxPhraseWords=" + maxPhraseWords + "]";
  }

  /** Builds {@link RepetitionRemoval}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private int minRepeats = 3;
    private int maxPhraseWords = 8;

    private Builder() {}

    /**
     * Sets how many back-to-back copies make a repetition (default 3).
     *
     * @param n 2..10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder minRepeats(int n) {
      if (n < 2 || n > 10) {
        throw new IllegalArgumentException("minRepeats must be in 2..10, got " + n);
      }
      this.minRepeats = n;
      return this;
    }

    /**
     * Sets the longest phrase looked for, in words (default 8).
     *
     * @param n 1..30
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxPhraseWords(int n) {
      if (n < 1 || n > 30) {
        throw new IllegalArgumentException("maxPhraseWords must be in 1..30, got " + n);
      }
      this.maxPhraseWords = n;
      return this;
    }

    /** @return the layer */
    public RepetitionRemoval build() {
      return new RepetitionRemoval(this);
    }
  }
}
