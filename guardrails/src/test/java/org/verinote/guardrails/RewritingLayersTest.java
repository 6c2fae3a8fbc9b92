package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.Finding;
import org.verinote.core.guard.GuardVerdict;

class RewritingLayersTest {

  @Test
  void hedgeSharingSentenceWithFact_keepsTheFact() {
    GuardVerdict v = Fixtures.run(HedgeStripping.builder().build(),
        "Please note that lisinopril was increased to 40 mg daily. As an AI language model, I cannot provide"
            + " medical advice.");
    assertThat(Fixtures.textOf(v)).isEqualTo("Lisinopril was increased to 40 mg daily.");
    assertThat(v.findings()).extracting(Finding::code).containsOnly("HEDGE_REMOVED").hasSize(3);
  }

  @Test
  void hedgeList_isConfigurable() {
    GuardVerdict v = Fixtures.run(HedgeStripping.builder().phrases(java.util.List.of("in my opinion")).build(),
        "In my opinion, chest pain is cardiac. Please note that it is stable.");
    assertThat(Fixtures.textOf(v)).isEqualTo("Chest pain is cardiac. Please note that it is stable.");
  }

  @Test
  void repeatedPhraseAndDuplicateSentence_areRemoved() {
    GuardVerdict v = Fixtures.run(RepetitionRemoval.builder().build(),
        "Chest pain chest pain chest pain for two weeks. Get an EKG. Get an EKG.");
    assertThat(Fixtures.textOf(v)).isEqualTo("Chest pain for two weeks. Get an EKG.");
    assertThat(v.findings()).extracting(Finding::code).containsExactly("REPEATED_PHRASE", "DUPLICATE_SENTENCE");
  }

  @Test
  void lineSaidTwiceWithTheBreakLost_keepsOneCopy() {
    GuardVerdict v = Fixtures.run(RepetitionRemoval.builder().build(),
        "Blood pressure: 120/70 mmHg Blood pressure: 120/70 mmHg\nMiraLax MiraLax.\nHeart rate: 60 bpm");
    assertThat(Fixtures.textOf(v)).isEqualTo("Blood pressure: 120/70 mmHg\nMiraLax.\nHeart rate: 60 bpm");
    assertThat(v.findings()).extracting(Finding::code).containsExactly("DUPLICATE_SENTENCE", "DUPLICATE_SENTENCE");
  }

  @Test
  void lineWithARepeatedWordInside_isLeftAlone() {
    String note = "She had had two falls.\nPain pain medication as needed.";
    GuardVerdict v = Fixtures.run(RepetitionRemoval.builder().build(), note);
    assertThat(v).isInstanceOf(GuardVerdict.Pass.class);
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void jsonFragmentSection_isFlattenedWithEveryValueKept() {
    GuardVerdict v = Fixtures.run(ValueFlattening.create(),
        "{\"medications\": [\"lisinopril 40 mg\", \"aspirin\"], \"blood_pressure\": \"140/90\"}");
    assertThat(Fixtures.textOf(v)).isEqualTo("Medications: lisinopril 40 mg; aspirin. Blood pressure: 140/90.");
  }

  @Test
  void patternCheck_removeMode_removesInventedPhoneAndEmail() {
    GuardVerdict v = Fixtures.run(PatternCheck.builder().mode(PatternCheck.Mode.REMOVE).build(),
        "Call (555) 123-4567 or write to jo@example.com with results.");
    assertThat(Fixtures.textOf(v)).doesNotContain("555").doesNotContain("@");
    assertThat(v.findings()).extracting(Finding::code).containsExactly("INVENTED_PHONE", "INVENTED_EMAIL");
  }

  @Test
  void verifyTags_becomeFindings_andStayVisible() {
    String note = "Chest pain for two weeks. Possibly cardiac. [VERIFY]";
    GuardVerdict v = Fixtures.run(VerifyTags.builder().build(), note);
    assertThat(v).isInstanceOf(GuardVerdict.Flag.class);
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(note.substring(f.location().start(), f.location().end())).isEqualTo("Possibly cardiac. [VERIFY]"));
  }
}
