package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.guard.GuardVerdict;

class NumericGroundingTest {

  private final NumericGrounding layer = NumericGrounding.builder().build();

  @Test
  void spokenNumbers_groundDigitsInNote() {
    GuardVerdict v = Fixtures.run(layer, "57-year-old with BP 140/90. Lisinopril increased to 40 mg daily for two"
        + " weeks of chest pain.");
    assertThat(v.findings()).isEmpty();
    assertThat(v.scores()).containsEntry("numeric_grounding", 1.0);
  }

  @Test
  void changedDose_isFlaggedAsError_withSpan() {
    String note = "Lisinopril increased to 80 mg daily.";
    GuardVerdict v = Fixtures.run(layer, note);
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("NUMBER_NOT_IN_TRANSCRIPT");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(note.substring(f.location().start(), f.location().end())).isEqualTo("80");
      assertThat(f.message()).doesNotContain("80").contains("dose");
    });
  }

  @Test
  void changedVitalAndAge_areFlagged() {
    GuardVerdict v = Fixtures.run(layer, "A 61-year-old. Blood pressure 150/90.");
    assertThat(v.findings()).extracting(Finding::code).containsExactly("NUMBER_NOT_IN_TRANSCRIPT",
        "NUMBER_NOT_IN_TRANSCRIPT");
  }

  @Test
  void doseWithAGluedUnit_isCheckedLikeASpacedOne() {
    // "80mg" was once one opaque word, so a changed dose written that way passed unchecked
    String note = "Lisinopril increased to 80mg daily.";
    GuardVerdict v = Fixtures.run(layer, note);
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("NUMBER_NOT_IN_TRANSCRIPT");
      assertThat(note.substring(f.location().start(), f.location().end())).isEqualTo("80");
    });
    assertThat(Fixtures.run(layer, "Lisinopril increased to 40mg daily.").findings()).isEmpty();
    // a decade and an ordinal are their numbers, without a unit (next test)
    assertThat(Tokenizer.tokenize("40mg 5mL 120mmHg 50s 2nd")).extracting(Tok::raw)
        .containsExactly("40", "mg", "5", "mL", "120", "mmHg", "50", "2");
  }

  @Test
  void placeholdersAndGluedDigits_areOpaque() {
    GuardVerdict v = Fixtures.run(layer, "[PATIENT_1] seen on [DATE_12]; A1c and COVID-19 discussed; L4 pain.");
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void numbers_spokenForms_parse() {
    assertThat(Numbers.spokenValues(java.util.List.of("one", "forty"))).contains("140");
    assertThat(Numbers.spokenValues(java.util.List.of("fifty", "seven"))).contains("57");
    assertThat(Numbers.spokenValues(java.util.List.of("two", "point", "five"))).contains("2.5");
    assertThat(Numbers.compose(java.util.List.of("one", "hundred", "and", "twenty"))).isEqualTo(120);
    assertThat(Numbers.compose(java.util.List.of("two", "thousand", "nine"))).isEqualTo(2009);
  }

  private GuardVerdict runWith(String transcript, String note) {
    return Fixtures.run(layer, "vitals", transcript, note);
  }

  @Test
  void bloodPressure_isGroundedAsAPair_notNumberByNumber() {
    String t = "[doctor] your blood pressure is one forty over seventy and your heart rate is ninety\n[patient] okay\n";
    assertThat(runWith(t, "Blood pressure: 140/70 mmHg. Heart rate: 90 bpm.").findings()).isEmpty();
    // 90 is said, but as the heart rate: 140/90 is a reading the transcript never gives
    assertThat(runWith(t, "Blood pressure: 140/90 mmHg. Heart rate: 90 bpm.").findings()).singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("VITAL_NOT_CONFIRMED");
          assertThat(f.message()).contains("pair");
        });
  }

  @Test
  void spokenReadingWithFillers_andOtherFractions_areNotPressurePairs() {
    String t = "[patient] at home i see like a hundred and eighty over you know eighty\n"
        + "[doctor] and the pain is a seven out of ten , a two over six murmur , strength four out of five\n";
    assertThat(runWith(t, "Blood pressure at home 180/80.").findings()).isEmpty();
    // a pain score, a murmur grade and a strength grade are fractions, not readings
    assertThat(runWith(t, "Pain 7/10. Grade 2/6 murmur. Strength 4/5.").findings())
        .noneMatch(f -> f.message().contains("pair"));
  }

  @Test
  void aDose_isPairedWithItsDrug_withinATurnOnlyByNearness() {
    String t = "[doctor] we changed her torsemide to twenty milligrams by mouth daily . she also takes lisinopril"
        + " every day for her blood pressure .\n[patient] yes .\n";
    // twenty is said, but for torsemide: within one long turn the drug's mere presence confirms nothing
    assertThat(Fixtures.run(layer, "plan", t, "Lisinopril 20 mg daily.").findings()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("DOSE_NOT_CONFIRMED"));
    assertThat(Fixtures.run(layer, "plan", t, "Torsemide 20 mg daily.").findings()).isEmpty();
    // the question-and-answer pair in neighbouring turns still confirms it
    String qa = "[doctor] and the lisinopril ?\n[patient] twenty milligrams , and five of the other one .\n";
    assertThat(Fixtures.run(layer, "plan", qa, "Lisinopril 20 mg daily.").findings()).isEmpty();
  }

  @Test
  void aDrugAfterItsDose_isPairedToo() {
    String t = "[doctor] take ten milligrams of melatonin as needed .\n[patient] ok .\n"
        + "[doctor] i also want you on aspirin , and five milligrams of the amlodipine .\n";
    assertThat(Fixtures.run(layer, "plan", t, "Take 10 mg of melatonin as needed.").findings()).isEmpty();
    assertThat(Fixtures.run(layer, "plan", t, "Take 5 mg of melatonin as needed.").findings()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("DOSE_NOT_CONFIRMED"));
  }

  @Test
  void aFullStopBetweenSpokenNumbers_isTheirDecimalPoint() {
    java.util.List<Tok> toks = Tokenizer.tokenize("you're on two . five of norvasc . temperature ninety eight . six");
    assertThat(Terms.of(toks, 0, toks.size(), true)).extracting(Terms.Term::text).contains("#2.5", "#98.6")
        .doesNotContain("#5");
    String t = "[doctor] you're on two . five of norvasc for your blood pressure .\n[patient] yes .\n";
    assertThat(Fixtures.run(layer, "plan", t, "Norvasc 2.5 mg daily.").findings()).isEmpty();
    assertThat(Fixtures.run(layer, "plan", t, "Norvasc 5 mg daily.").findings()).isNotEmpty();
  }

  @Test
  void aDecade_isItsNumber_groundedByTheSpokenDecade() {
    assertThat(Tokenizer.tokenize("the 50s, her 80's, the 1970’s, 50sx")).extracting(Tok::raw, Tok::kind)
        .contains(org.assertj.core.groups.Tuple.tuple("50", Tok.Kind.NUMBER),
            org.assertj.core.groups.Tuple.tuple("80", Tok.Kind.NUMBER),
            org.assertj.core.groups.Tuple.tuple("1970", Tok.Kind.NUMBER),
            org.assertj.core.groups.Tuple.tuple("50sx", Tok.Kind.WORD));
    String t = "[doctor] they stopped the cardizem when your heart rate came to fifties .\n"
        + "[patient] my sister is in her fifty's , and i quit drinking in the seventies .\n";
    assertThat(Fixtures.run(layer, "hpi", t, "Cardizem was stopped with heart rate in the 50s.").findings()).isEmpty();
    assertThat(Fixtures.run(layer, "hpi", t, "Sister diagnosed in her 50s. Quit drinking in the 1970s.")
        .findings()).isEmpty();
    // "62s" was once an opaque word, so a changed decade passed unchecked
    String changed = "Cardizem was stopped with heart rate in the 62s.";
    assertThat(Fixtures.run(layer, "hpi", t, changed).findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("NUMBER_NOT_IN_TRANSCRIPT");
      assertThat(changed.substring(f.location().start(), f.location().end())).isEqualTo("62");
    });
    assertThat(Fixtures.run(layer, "hpi", t, "Heart rate in the 90s.").findings()).isNotEmpty();
    // an ordinal is its number: a changed percentile or date is checked ("ninety fifth", "the 24th")
    String growth = "[doctor] her head circumference is still over the ninety fifth percentile .\n";
    assertThat(Fixtures.run(layer, "hpi", growth, "Still over 95th percentile for head circumference.").findings())
        .isEmpty();
    assertThat(Fixtures.run(layer, "hpi", growth, "Still over 97th percentile for head circumference.").findings())
        .singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("NUMBER_NOT_IN_TRANSCRIPT"));
    assertThat(Fixtures.run(layer, "hpi", "[doctor] surgery is on june 24th .\n", "Surgery on 06/24/2021.")
        .findings()).extracting(f -> f.location().start()).doesNotContain(3);
    // a decade is a span of ages or years, not a reading: "heart disease in his 60s" is no vital sign
    String family = "[patient] my father had heart problems , he died in his sixties .\n";
    assertThat(Fixtures.run(layer, "hpi", family, "Father died of heart disease in his 60s.").findings()).isEmpty();
  }
}
