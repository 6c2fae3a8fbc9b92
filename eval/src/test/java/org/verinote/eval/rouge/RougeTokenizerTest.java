package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** rouge-score's DefaultTokenizer without stemming (reference cases T1–T3, T5, T6). */
class RougeTokenizerTest {

  @Test
  void tokenize_lowercasesAndSplitsOnWhitespace() {
    assertThat(RougeScorer.tokenize("one Two three")).containsExactly("one", "two", "three");
    assertThat(RougeScorer.tokenize("one\n Two \nthree")).containsExactly("one", "two", "three");
    assertThat(RougeScorer.tokenize("this is a test")).containsExactly("this", "is", "a", "test");
  }

  @Test
  void tokenize_punctuationAndSlashesSeparateTokens() {
    assertThat(RougeScorer.tokenize("The patient's BP is 140/70 mmHg."))
        .containsExactly("the", "patient", "s", "bp", "is", "140", "70", "mmhg");
  }

  @Test
  void tokenize_nonAsciiLettersAreSeparators_noUnicodeNormalisation() {
    assertThat(RougeScorer.tokenize("Café au lait spots, naïve T-cells, COVID-19."))
        .containsExactly("caf", "au", "lait", "spots", "na", "ve", "t", "cells", "covid", "19");
    assertThat(RougeScorer.tokenize("a\u00a0b\u202fc ß x²")).containsExactly("a", "b", "c", "x");
  }

  @Test
  void tokenize_textWithoutWordCharacters_isEmpty() {
    assertThat(RougeScorer.tokenize("   \n\n/ •")).isEmpty();
  }

  @Property
  void tokens_areAlwaysLowercaseAsciiAlphanumeric(@ForAll String text) {
    assertThat(RougeScorer.tokenize(text)).allSatisfy(t -> assertThat(t).matches("[a-z0-9]+"));
  }
}
