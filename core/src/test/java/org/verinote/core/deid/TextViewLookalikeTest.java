package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Symbols that stand in for Greek capitals ("∆" for "Δ") are letters of the word they sit in, nowhere else. */
class TextViewLookalikeTest {

  @Test
  void incrementSign_insideAGreekWord_isPartOfTheWord() {
    TextView v = TextView.of("ΧΑΝ\u2206ΡΙΑ, Cyprus");

    assertThat(v.size).isEqualTo(3);
    assertThat(v.raw(0)).isEqualTo("ΧΑΝ\u2206ΡΙΑ");
    assertThat(v.kind[0]).isEqualTo(TextView.WORD);
  }

  @Test
  void incrementSign_startingAWord_isPartOfTheWord() {
    TextView v = TextView.of("ΑΓΙΟΣ \u2206ΟΜΕΤΙΟΣ");

    assertThat(v.size).isEqualTo(2);
    assertThat(v.raw(1)).isEqualTo("\u2206ΟΜΕΤΙΟΣ");
  }

  @Test
  void incrementSign_betweenNumbersOrAlone_staysASign() {
    TextView v = TextView.of("\u2206 5 \u22063");

    assertThat(v.size).isEqualTo(4);
    assertThat(v.kind[0]).isEqualTo(TextView.PUNCT);
    assertThat(v.kind[2]).isEqualTo(TextView.PUNCT);
    assertThat(v.kind[3]).isEqualTo(TextView.NUMBER);
  }
}
