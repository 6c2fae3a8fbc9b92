package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Hedge stripping: removes model disclaimers ("As an AI language model…", "This is not medical advice", "Please
 * consult a healthcare professional", "Please note that…") from the note. Each removal is an {@link Severity#INFO}
 * finding ({@code HEDGE_REMOVED}) whose span is the removed text in the section as this layer received it.
 *
 * <p>No clinical content is lost: the note is cut into clauses (at sentence ends, commas, semicolons and "but");
 * a clause containing a hedge phrase is removed whole only if nothing clinical remains in it once the phrase is
 * taken out (no number, no term outside the hedge vocabulary); otherwise only the phrase itself is removed and the
 * fact stays ("Please note that the patient takes lisinopril 20 mg." → "The patient takes lisinopril 20 mg.").
 *
 * <p>The phrase list is configurable ({@link Builder#phrases(List)}, {@link Builder#addPhrase(String)}); phrases
 * match case-insensitively on word boundaries. Immutable and thread-safe.
 */
public final class HedgeStripping implements Guardrail {

  /** The layer name. */
  public static final String NAME = "hedge-stripping";

  /** The default hedge phrases. */
  public static final List<String> DEFAULT_PHRASES = List.of(
      "as an ai language model", "as an ai model", "as an ai", "as a language model", "i am an ai",
      "i'm an ai", "i cannot provide medical advice", "i can't provide medical advice", "i cannot diagnose",
      "i am not a doctor", "i'm not a doctor", "i cannot", "i can't", "i am unable to", "i'm unable to",
      "this is not medical advice", "this does not constitute medical advice", "not a substitute for professional"
          + " medical advice", "for informational purposes only", "please consult a healthcare professional",
      "please consult a healthcare provider", "please consult your doctor", "please consult a doctor",
      "consult a healthcare professional", "consult with a healthcare professional",
      "consult a healthcare provider", "consult your doctor", "seek professional medical advice",
      "it is important to note that", "it's important to note that", "it is worth noting that",
      "please note that", "please note", "note that", "it is important to consult", "i hope this helps",
      "let me know if you need", "based on the transcript provided", "based on the information provided",
      "disclaimer");

  private static final Pattern CLAUSE_END = Pattern.compile("[.!?;,](?=\\s|$)|\\n|\\bbut\\b");

  private final List<String> phrases;
  // package-private for the test that checks the first-letter scan against pattern.find()
  final Pattern pattern;
  private final Set<Integer> firstLetters;

  private HedgeStripping(Builder b) {
    List<String> p = new ArrayList<>(b.phrases);
    p.sort((x, y) -> Integer.compare(y.length(), x.length()));
    this.phrases = List.copyOf(p);
    StringBuilder alt = new StringBuilder();
    for (String s : phrases) {
      if (alt.length() > 0) {
        alt.append('|');
      }
      alt.append(Pattern.quote(s).replace(" ", "\\E\\s+\\Q"));
    }
    // one alternation, longest phrase first, tried only where a word starts with a phrase's first letter (a scan of
    // every position of the text was a third of the chain's time)
    Set<Integer> first = new java.util.HashSet<>();
    for (String s : phrases) {
      int c = s.codePointAt(0);
      first.add(c);
      first.add(Character.toLowerCase(c));
      first.add(Character.toUpperCase(c));
      first.add(Character.toTitleCase(c));
    }
    this.firstLetters = Set.copyOf(first);
    this.pattern = Pattern.compile("(?<![\\p{L}])(?:" + alt + ")(?![\\p{L}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** @return a builder with {@link #DEFAULT_PHRASES} */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the phrases, longest first */
  public List<String> phrases() {
    return phrases;
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
      List<int[]> hits = hedges(text);
      if (hits.isEmpty()) {
        continue;
      }
      List<int[]> removals = new ArrayList<>();
      for (int[] h : hits) {
        int[] clause = clause(text, h[0], h[1]);
        String rest = text.substring(clause[0], h[0]) + " " + text.substring(h[1], clause[1]);
        int[] removal = hasClinicalContent(rest) ? trailing(text, h) : clause;
        if (!removals.isEmpty() && removals.get(removals.size() - 1)[1] > removal[0]) {
          int[] last = removals.get(removals.size() - 1);
          last[1] = Math.max(last[1], removal[1]);
          continue;
        }
        removals.add(removal);
      }
      for (int[] r : removals) {
        findings.add(Finding.of(NAME, "HEDGE_REMOVED", Severity.INFO,
            "Removed a model disclaimer or hedge that is not part of the clinical record.")
            .at(s.key(), new Span(r[0], r[1])));
      }
      String cleaned = capitaliseSentenceStarts(Layers.remove(text, removals));
      out.set(i, s.withText(cleaned, s.evidence()));
    }
    return Layers.verdict(context.note(), out, findings, Map.of());
  }

  List<int[]> hedges(String text) {
    List<int[]> hits = new ArrayList<>();
    // the same matches as pattern.find() over the whole text: find() takes the leftmost match, then goes on from
    // its end, and a match can only start where a phrase's first letter starts a word
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int next = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (i >= next && (i == 0 || !Character.isLetter(text.codePointBefore(i))) && startsPhrase(c)) {
        m.region(i, text.length());
        if (m.lookingAt()) {
          hits.add(new int[] {m.start(), m.end()});
          next = m.end() > i ? m.end() : i + 1;
        }
      }
      i += Character.charCount(c);
    }
    return hits;
  }

  private boolean startsPhrase(int c) {
    return firstLetters.contains(c) || firstLetters.contains(Character.toLowerCase(c))
        || firstLetters.contains(Character.toUpperCase(c));
  }

  /** The clause around [start, end): from after the previous clause end to the next clause end (inclusive). */
  private static int[] clause(String text, int start, int end) {
    int from = 0;
    Matcher m = CLAUSE_END.matcher(text);
    int to = text.length();
    while (m.find()) {
      if (m.end() <= start) {
        from = m.end();
      } else if (m.start() >= end) {
        to = m.group().equals("but") ? m.start() : m.end();
        break;
      }
    }
    return new int[] {from, to};
  }

  /** The hedge phrase plus a following "that"/comma/colon, so "Please note that X" leaves "X". */
  private static int[] trailing(String text, int[] h) {
    int e = h[1];
    Matcher m = Pattern.compile("^\\s*(?:that\\b|,|:)?\\s*").matcher(text.substring(e));
    if (m.find()) {
      e += m.end();
    }
    return new int[] {h[0], e};
  }

  private boolean hasClinicalContent(String rest) {
    List<Tok> toks = Tokenizer.tokenize(rest);
    for (Terms.Term t : Terms.of(toks, 0, toks.size(), false)) {
      if (t.isNumber() || !HEDGE_VOCABULARY.contains(t.text())) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> HEDGE_VOCABULARY = vocabulary();

  private static java.util.Set<String> vocabulary() {
    java.util.Set<String> v = new java.util.HashSet<>();
    for (String w : ("ai language model medical advice healthcare health care professional provider doctor"
        + " consult consulting seek qualified diagnose diagnosis assist help hope informational purpose purposes"
        + " only substitute constitute important note worth noting transcript information based unable cannot"
        + " can't accurate accurately provide any specific personalized professional always further guidance"
        + " questions question concerns appropriate evaluation treatment recommendation recommendations")
        .split(" ")) {
      v.add(Tokenizer.normalizeWord(w));
    }
    return java.util.Set.copyOf(v);
  }

  private static String capitaliseSentenceStarts(String text) {
    StringBuilder sb = new StringBuilder(text);
    boolean start = true;
    for (int i = 0; i < sb.length(); i++) {
      char c = sb.charAt(i);
      if (start && Character.isLetter(c)) {
        sb.setCharAt(i, Character.toUpperCase(c));
        start = false;
      } else if (c == '.' || c == '!' || c == '?' || c == '\n') {
        start = true;
      } else if (!Character.isWhitespace(c)) {
        start = false;
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "HedgeStripping[phrases=" + phrases.size() + "]";
  }

  /** Builds {@link HedgeStripping}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final List<String> phrases = new ArrayList<>(DEFAULT_PHRASES);

    private Builder() {}

    /**
     * Replaces the phrase list.
     *
     * @param list phrases, each non-blank
     * @return this builder
     * @throws IllegalArgumentException if a phrase is blank
     */
    public Builder phrases(List<String> list) {
      List<String> copy = List.copyOf(Objects.requireNonNull(list, "phrases"));
      copy.forEach(Builder::validate);
      phrases.clear();
      copy.forEach(p -> phrases.add(p.strip().toLowerCase(Locale.ROOT)));
      return this;
    }

    /**
     * Adds one phrase to the list.
     *
     * @param phrase non-blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder addPhrase(String phrase) {
      validate(phrase);
      phrases.add(phrase.strip().toLowerCase(Locale.ROOT));
      return this;
    }

    private static void validate(String p) {
      Objects.requireNonNull(p, "phrase");
      if (p.isBlank()) {
        throw new IllegalArgumentException("A hedge phrase must not be blank");
      }
    }

    /** @return the layer */
    public HedgeStripping build() {
      return new HedgeStripping(this);
    }
  }
}
