package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The layers skip work they can prove useless (a hedge scan only where a word starts with a phrase's first letter, a
 * pattern scan only when the text holds an '@' or a digit, a sentence key without a regular expression). Each
 * shortcut must give exactly what the plain scan gives; these properties check that on text built to contain the
 * things the scans look for, in any case, between letters from outside ASCII.
 */
class ScanShortcutsPropertyTest {

  private static final HedgeStripping HEDGES = HedgeStripping.builder().build();
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Provide
  Arbitrary<String> mixedText() {
    List<String> pieces = new ArrayList<>();
    for (String p : HedgeStripping.DEFAULT_PHRASES) {
      pieces.add(p);
      pieces.add(p.toUpperCase(Locale.ROOT));
      pieces.add("x" + p);
    }
    pieces.addAll(List.of(" ", "  ", ".", ",", "\n", "a", "I", "İ", "ß", "é", "Ω", "١", "Ⅻ", "7", "555-123-4567",
        "(555) 123 4567", "jo@x.org", "@", "www.", "WWW.a.com", "http://", "://", "123 Main Street", "MRN 1234567",
        "123-45-6789", "note", "ai", "please", "-", "'", "\u2019", "\t"));
    return Arbitraries.of(pieces).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void hedgeScan_findsWhatAFullRegexScanFinds(@ForAll("mixedText") String text) {
    assertThat(spans(HEDGES.hedges(text))).isEqualTo(spans(findAll(HEDGES.pattern, text)));
  }

  @Property(tries = 1000)
  void patternPrecheck_neverSkipsAMatch(@ForAll("mixedText") String text) {
    for (PatternCheck.Kind k : PatternCheck.Kind.values()) {
      if (!PatternCheck.mayMatch(k, text)) {
        assertThat(findAll(k.pattern(), text)).as(k + " on " + text).isEmpty();
      }
    }
  }

  @Property(tries = 1000)
  void sentenceKey_isTheRegexKey(@ForAll("mixedText") String text) {
    String expected = NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    assertThat(RepetitionRemoval.wordKey(text, 0, text.length())).isEqualTo(expected);
  }

  @Example
  void hedgeScan_findsPhrasesAfterPunctuationButNotInsideAWord() {
    String text = "Knee pain.As an AI model I note this. Xplease note that it is fine; PLEASE NOTE THAT it hurts.";
    List<int[]> hits = HEDGES.hedges(text);
    // "Xplease" is no hedge, but the "note that" after it starts a word
    assertThat(hits).extracting(h -> text.substring(h[0], h[1]))
        .containsExactly("As an AI model", "note that", "PLEASE NOTE THAT");
    assertThat(spans(hits)).isEqualTo(spans(findAll(HEDGES.pattern, text)));
  }

  private static List<String> spans(List<int[]> hits) {
    return hits.stream().map(h -> h[0] + "-" + h[1]).collect(java.util.stream.Collectors.toList());
  }

  private static List<int[]> findAll(Pattern p, String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }
}
