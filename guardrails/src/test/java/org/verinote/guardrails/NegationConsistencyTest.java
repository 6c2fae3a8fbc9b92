package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardVerdict;

class NegationConsistencyTest {

  private final NegationConsistency layer = NegationConsistency.builder().build();

  @Test
  void findingNegatedInTranscript_butAssertedInNote_isFlagged() {
    GuardVerdict v = Fixtures.run(layer, "Reports shortness of breath.");
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("POLARITY_CONFLICT");
      assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript");
    });
  }

  @Test
  void findingAssertedInTranscript_butNegatedInNote_isFlagged() {
    GuardVerdict v = Fixtures.run(layer, "Denies chest pain.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
  }

  @Test
  void consistentPolarity_passes() {
    GuardVerdict v = Fixtures.run(layer, "Chest pain for two weeks. Denies shortness of breath and fever.");
    assertThat(v.findings()).isEmpty();
  }

  private GuardVerdict run(String transcript, String note) {
    return layer.check(Fixtures.context(Transcript.parse(transcript), Fixtures.note("plan", note)));
  }

  @Test
  void clinicalTerm_isComparedWithThePatientsOwnWords() {
    // hematochezia is "blood in my stool", dysarthria "slurred speech", palpitations "heart racing"
    assertThat(run("[doctor] any blood in your stool ?\n[patient] no , never .\n", "He has had hematochezia.")
        .findings()).singleElement().satisfies(f ->
            assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run("[patient] my speech has been slurred since monday .\n", "No dysarthria.").findings())
        .singleElement().satisfies(f ->
            assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
    assertThat(run("[doctor] any heart racing ?\n[patient] no .\n", "Denies palpitations.").findings()).isEmpty();
  }

  @Test
  void negatedQuestion_confirmedByNegativeAnswer_countsAsNegated() {
    GuardVerdict v = run("[doctor] so no issues with the swelling ?\n[patient] none whatsoever .\n",
        "Reports swelling.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void clinicianNegation_insideAQuestionSentence_staysNegated() {
    GuardVerdict v = run("[doctor] i do n't see any laceration what happened there ?\n[patient] i fell .\n",
        "Some lacerations.");
    assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("POLARITY_CONFLICT"));
  }

  @Test
  void unpunctuatedQuestion_withSwappedSpeakerLabels_takesAClearAnswer() {
    GuardVerdict v = run("[patient] have you experienced any numbness or tingling in your hands\n"
        + "[doctor] no i have n't\n", "Reports numbness.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void statedMention_outweighsTheAnswerToAQuestion() {
    GuardVerdict v = run("[doctor] do you have any numbness in your hand ?\n"
        + "[patient] a little bit when i move my wrist . um , no numbness in my hand .\n", "Reports numbness.");
    assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("POLARITY_CONFLICT"));
  }

  @Test
  void familyHistory_comparedWithFamilyMentionsOnly() {
    String t = "[doctor] any family history of breast cancer ?\n[patient] none .\n"
        + "[doctor] you had breast cancer treated last year .\n[patient] yes .\n";
    assertThat(run(t, "Family history of breast cancer.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "No family history of breast cancer.").findings()).isEmpty();
  }

  @Test
  void anAnswerToAFamilyQuestion_speaksOfTheFamily_unlessThePatientSpeaksOfThemselves() {
    String t = "[doctor] any family history of heart disease or diabetes ?\n"
        + "[patient] my other brother had prostate cancer but that's just it . no diabetes or heart issues .\n";
    // the answer's "no diabetes" is the family's: before, it was the patient's and the family note went unjudged
    assertThat(run(t, "Family history of diabetes.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "No family history of heart disease or diabetes.").findings()).isEmpty();
    String self = "[doctor] any family history of diabetes ?\n[patient] no , but i have diabetes myself .\n";
    assertThat(run(self, "No family history of diabetes.").findings()).isEmpty();
  }

  @Test
  void aQuestionWrittenWithAFullStop_takesItsAnswer() {
    String t = "[doctor] have you been experiencing any bowel or , bladder dysfunction .\n[patient] no .\n";
    assertThat(run(t, "Some bladder dysfunction.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "No bowel or bladder dysfunction.").findings()).isEmpty();
  }

  @Test
  void aYesToATagQuestion_confirmsTheStatementAsSaid() {
    String t = "[doctor] and you are not allergic to anything , right ?\n[patient] that's right .\n";
    assertThat(run(t, "Reports allergies.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "Not allergic to anything.").findings()).isEmpty();
    // a plain question is still answered: "are you allergic to anything?" — "right" is a yes
    String plain = "[doctor] are you allergic to anything ?\n[patient] right , to penicillin .\n";
    assertThat(run(plain, "No allergies.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
  }

  @Test
  void bodySiteAlone_isNotJudged_butKeepsAFindingSpecific() {
    String t = "[doctor] any swelling in your legs ?\n[patient] no .\n[doctor] your legs look strong .\n";
    // "legs" alone is where, not what: affirmed in the transcript, negated in the note, still no conflict
    assertThat(run(t, "No swelling. Legs: none.").findings()).isEmpty();
    assertThat(run(t, "Reports leg swelling.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void findingNotItsSite_carriesTheStatus() {
    String t = "[doctor] your lower extremities have no edema .\n[patient] okay .\n"
        + "[doctor] your lower extremities look strong .\n";
    assertThat(run(t, "Lower extremity edema.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void negationContinuingAClinicianStatement_insideARunOnQuestion_staysNegated() {
    String t = "[doctor] i did n't see any gait disturbance and no edema so that's great , any questions ?\n"
        + "[patient] yes .\n";
    assertThat(run(t, "Some edema.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void familySupport_isThePatients_notAFamilyHistory() {
    String t = "[doctor] how is your support at home ?\n[patient] i do feel like i have support .\n";
    assertThat(run(t, "Denies a good family support system.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
    assertThat(run(t, "Reports a good family support system.").findings()).isEmpty();
  }

  @Test
  void noteTermTheTranscriptNeverSays_isComparedThroughItsLayWord() {
    String t = "[doctor] have you iced it or put a splint on it ?\n[patient] no .\n";
    assertThat(run(t, "She reports icing it.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "She denies icing it.").findings()).isEmpty();
  }

  @Test
  void findingBothAffirmedAndNegated_isDecidedByTheMentionSharingTheNoteClause() {
    String t = "[doctor] okay so pain on the medial side with palpation .\n[patient] yes .\n"
        + "[doctor] and no pain with palpation outside of the elbow .\n[patient] right .\n";
    assertThat(run(t, "Some pain to palpation on the lateral aspect of the elbow.").findings()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "No pain to palpation on the lateral aspect of the elbow.").findings()).isEmpty();
    assertThat(run(t, "Pain to palpation on the medial side.").findings()).isEmpty();
  }

  @Test
  void findingBothAffirmedAndNegated_withoutADistinguishingContext_isNotJudged() {
    String t = "[patient] the tylenol did n't help at all .\n[doctor] okay .\n"
        + "[patient] the brace helped a lot though .\n";
    assertThat(run(t, "He reports relief.").findings()).isEmpty();
  }

  @Test
  void layWordAndContext_together_catchAFlippedTreatmentResponse() {
    String t = "[patient] i put some ice on it and i tried two advils and it did n't help .\n"
        + "[doctor] okay .\n[patient] the only thing that helped was a hot shower .\n";
    assertThat(run(t, "Ice and Advil provided some relief.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "Ice and Advil provided no relief.").findings()).isEmpty();
  }

  @Test
  void degreeQualifiedNegation_isNotAgainstAPartialEffect() {
    String t = "[patient] i took some ibuprofen that helped a little bit .\n";
    assertThat(run(t, "Ibuprofen is not providing significant relief.").findings()).isEmpty();
  }

  @Test
  void problemWithAFinding_isComparedOnlyWithProblemsWithIt() {
    String t = "[doctor] he has a history of migraines .\n[doctor] let's talk about your migraines .\n"
        + "[doctor] so no issues with the migraines ?\n[patient] none whatsoever .\n";
    assertThat(run(t, "He denies issues with the migraines.").findings()).isEmpty();
    assertThat(run(t, "He reports issues with the migraines.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run("[patient] i sleep well most nights .\n", "Denies problems sleeping.").findings()).isEmpty();
  }

  @Test
  void negatedQuestion_confirmedByARestrictiveAnswer_countsAsNegated() {
    String t = "[doctor] okay . and no other injuries ? just the finger ?\n[patient] just the middle finger .\n";
    assertThat(run(t, "She has some other injuries.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "She has no other injuries.").findings()).isEmpty();
  }

  @Test
  void bodySiteFramedAsAProblem_isJudged() {
    String t = "[doctor] on fosamax , any issues with your joints , any issues like-\n[patient] no .\n"
        + "[doctor] your joints look fine .\n";
    assertThat(run(t, "He reports issues with his joints.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "He denies any issues with his joints.").findings()).isEmpty();
  }

  @Test
  void sentenceAdverb_isNotTheFinding() {
    String t = "[doctor] well there's no guarantees , but it is a possibility .\n";
    assertThat(run(t, "Unfortunately some guarantees could be given.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void clinicalTermsAndTheirLayWords_meet() {
    String stools = "[doctor] do your stools look dark or tarry or black ?\n[patient] no .\n";
    assertThat(run(stools, "Reports melena.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(stools, "Denies melena.").findings()).isEmpty();
    String allergy = "[doctor] are you allergic to any medications ?\n[patient] no , not that i know of .\n";
    assertThat(run(allergy, "Some known allergies.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(allergy, "No known allergies.").findings()).isEmpty();
  }

  @Test
  void listedFindings_fallBackToTheOneTheTranscriptSays() {
    String t = "[patient] i have no numbness in my hand .\n";
    assertThat(run(t, "She reports numbness or tingling in her hand.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(run(t, "She denies numbness or tingling in her hand.").findings()).isEmpty();
  }

  @Test
  void hypotheticalNegation_isNotJudged() {
    String t = "[patient] the ibuprofen helps a lot with the pain .\n";
    assertThat(run(t, "If ibuprofen does not help her pain, she will take naproxen.").findings()).isEmpty();
    assertThat(run(t, "The ibuprofen does not help with the pain.").findings()).isNotEmpty();
  }

  private static final String PLANNED_MEDICATIONS = "[doctor] are you on any medications at this time ?\n"
      + "[patient] no .\n"
      + "[doctor] okay . i'm gon na prescribe you some medications for the knee .\n"
      + "[patient] okay .\n";

  private GuardVerdict runIn(String section, String transcript, String note) {
    return Fixtures.run(layer, section, transcript, note);
  }

  @Test
  void clinicianPlan_isNotEvidenceOfWhatThePatientTakesNow() {
    GuardVerdict v = runIn("medications", PLANNED_MEDICATIONS, "She reports needing medications.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void clinicianPlan_isEvidenceForThePlan() {
    assertNoConflict("assessment_and_plan", PLANNED_MEDICATIONS, "Prescribe medications for the knee.");
    // a note sentence about the future is compared with the plan wherever it stands
    assertNoConflict("history_of_present_illness", PLANNED_MEDICATIONS, "We will prescribe medications.");
  }

  @Test
  void examNarration_afterAPlanMarker_isAStatement() {
    GuardVerdict v = runIn("physical_exam",
        "[doctor] i'm gon na listen here real quick no i do n't hear any carotid bruits .\n[patient] okay .\n",
        "Carotid bruits.");
    assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("POLARITY_CONFLICT"));
  }

  @Test
  void deniedEffect_againstAnEffectThePatientDescribes_isFlagged() {
    String t = "[doctor] does anything help ?\n"
        + "[patient] when i put it on a pillow and just let it stay straight i feel better .\n";
    GuardVerdict v = runIn("history_of_present_illness", t,
        "She denies fully extending her arm while resting it on a pillow alleviates some of her pain.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
    assertNoConflict("history_of_present_illness", t,
        "She notes fully extending her arm while resting it on a pillow alleviates some of her pain.");
  }

  @Test
  void effectSummedUpByTheNote_isNotJudged() {
    // notes write "does not help" for "it helps a little": measured on ACI-Bench gold, judging it flagged 6 clean
    // sentences for no injected error caught
    GuardVerdict v = runIn("history_of_present_illness",
        "[doctor] does the ibuprofen help ?\n[patient] it helps a little bit but the pain comes back .\n",
        "Ibuprofen does not help.");
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void reviewOfSystemsReadOut_asksEachFinding() {
    // the clinician's bare "shortness of breath" is a question, not a statement against the patient's "no"
    GuardVerdict v = runIn("review_of_systems",
        "[doctor] any chest pain ?\n[patient] no chest pain\n[doctor] shortness of breath\n"
            + "[patient] no shortness of breath\n", "Respiratory: Reports shortness of breath.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void dictatedExamList_pairsEachManeuverWithItsOwnFinding() {
    String t = "[doctor] pain with supination no pain with pronation\n[patient] okay\n"
        + "[doctor] no pain on extension some pain on flexion\n[patient] okay\n";
    // "pronation" goes with the second "pain" (negated), not the first; "extension" with the first
    assertSingleConflict(NOTE_ASSERTS, "physical_exam", t, "Pain with pronation.");
    assertSingleConflict(NOTE_ASSERTS, "physical_exam", t, "Pain on extension.");
    assertNoConflict("physical_exam", t, "Pain with supination. Pain on flexion.");
  }

  @Test
  void procedureName_isComparedThroughTheOrgansLayName() {
    String t = "[doctor] and you had your gallbladder out about ten years ago correct\n[patient] yes that's right\n";
    assertSingleConflict(NOTE_DENIES, "surgical_history", t, "Patient denies history of cholecystectomy.");
    assertNoConflict("surgical_history", t, "Cholecystectomy 10 years ago.");
  }

  @Test
  void majority_flagsAPhraseTheTranscriptMostlyContradicts_unanimityByDefault() {
    String t = "[patient] i have no nausea .\n[patient] there's been no nausea at all .\n"
        + "[patient] no nausea this week .\n[patient] i felt some nausea last month .\n";
    String note = "Reports nausea.";
    assertNoConflict("history_of_present_illness", t, note);
    NegationConsistency majority = NegationConsistency.builder().majority(3).build();
    assertThat(majority.check(Fixtures.context(Transcript.parse(t), Fixtures.note("history_of_present_illness",
        note))).findings()).singleElement().satisfies(f ->
            assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertThat(majority.toString()).contains("majority=3:1");
  }

  @Test
  void majority_outOfRange_isRejected() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> NegationConsistency.builder().majority(1)).withMessageContaining("2..10");
  }

  @Test
  void oneWordReadAsTwo_isComparedAsTheTwoTogether() {
    // "hematuria" is "blood" + "urine": "blood pressure" and "blood sugars" are not about it
    String t = "[doctor] are you still noticing any blood in your urine\n[patient] no no more blood\n"
        + "[patient] at home my blood pressure is always great\n[doctor] and your blood sugars are good\n";
    assertSingleConflict(NOTE_ASSERTS, "review_of_systems", t, "Genitourinary: Reports hematuria.");
    assertNoConflict("review_of_systems", t, "Genitourinary: Denies hematuria.");
  }

  @Test
  void unpunctuatedYesNoQuestion_takesTheAnswer() {
    GuardVerdict v = runIn("history_of_present_illness",
        "[doctor] okay so does the pain radiate frequently\n[patient] no\n", "She reports radiating pain.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void palpation_isComparedWithAPushThePatientAnswers() {
    GuardVerdict v = runIn("physical_exam",
        "[doctor] now when i push on the outside of the knee does that hurt at all\n[patient] no\n",
        "Pain to palpation of the lateral aspect of the knee.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
  }

  @Test
  void longListedQuestion_takesTheAnswerForEveryMember() {
    String t = "[doctor] okay alright and any other symptoms like a cough or shortness of breath or dizziness or"
        + " anything like that\n[patient] no\n";
    GuardVerdict v = runIn("review_of_systems", t, "Respiratory: Reports cough.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertNoConflict("review_of_systems", t, "Respiratory: Denies cough or shortness of breath.");
  }

  @Test
  void examCheckInALongDictatedTurn_takesTheAnswer() {
    String t = "[doctor] your lungs are clear to auscultation bilaterally okay now let's take a quick look at that"
        + " knee so does it hurt when i press on it\n[patient] no\n";
    GuardVerdict v = runIn("physical_exam", t, "Pain with palpation of the knee.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertNoConflict("physical_exam", t, "No pain with palpation of the knee.");
  }

  @Test
  void findingAtASite_isComparedWithMentionsOfTheTwoTogether() {
    String t = "[doctor] does that seem to hurt ?\n[patient] yes , that hurts a lot .\n"
        + "[doctor] all right . any other pain down here in your calves ?\n[patient] no .\n";
    GuardVerdict v = runIn("physical_exam", t, "Pain in the calf.");
    assertThat(v.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    assertNoConflict("physical_exam", t, "No pain in the calf.");
    // never said at that site: the finding alone decides, as before
    assertNoConflict("physical_exam", "[patient] yes , that hurts a lot .\n", "Pain in the shin.");
  }

  @Test
  void planAssertionsOff_leavesAPlansTreatedFindingUnjudged_butStillJudgesItsDenials() {
    String t = "[doctor] everything's looking normal , you do n't have a fever , which is really good .\n"
        + "[patient] i have been coughing a lot .\n";
    String note = "Fever and cough, likely viral syndrome.";
    assertSingleConflict(NOTE_ASSERTS, "assessment_and_plan", t, note);
    NegationConsistency off = NegationConsistency.builder().planAssertions(false).build();
    assertThat(Fixtures.run(off, "assessment_and_plan", t, note).findings()).isEmpty();
    assertThat(Fixtures.run(off, "assessment_and_plan", t, "No cough at this time.").findings()).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
    // elsewhere the option changes nothing
    assertThat(Fixtures.run(off, "review_of_systems", t, "Constitutional: Reports fever.").findings()).hasSize(1);
  }

  @Test
  void alternativeQuestion_isNotAnsweredByNo() {
    String t = "[doctor] and did you fall down or did you just kind of catch yourself\n[patient] no i fell\n";
    assertNoConflict("history_of_present_illness", t, "She reports falling down.");
    // a plain yes/no question still takes its answer
    String plain = "[doctor] and did you fall down\n[patient] no\n";
    assertThat(runIn("history_of_present_illness", plain, "She reports falling down.").findings()).hasSize(1);
  }

  @Test
  void questionAskedInTwoTenses_isNotAnAlternative() {
    // "did you or do you" offers one question in two tenses, so its "no" answers it
    String t = "[doctor] did you or do you feel depressed ?\n[patient] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", t, "The patient reports depression.");
    assertNoConflict("history_of_present_illness", t, "The patient denies depression.");
  }

  @Test
  void confirmedNegativeQuestion_standsAsSaid() {
    String t = "[doctor] so i can assume you've never had surgery ?\n[patient] correct , i never have .\n";
    assertSingleConflict(NOTE_ASSERTS, "past_surgical_history", t, "She has had surgery.");
    assertNoConflict("past_surgical_history", t, "She has never had surgery.");
    // a "correct" to a question that only says "any" confirms nothing either way
    String any = "[doctor] do you have any pain ?\n[patient] correct .\n";
    assertNoConflict("history_of_present_illness", any, "She reports pain.");
  }

  @Test
  void openQuestionThatPresupposes_assertsUnlessDenied() {
    String t = "[doctor] how long have you been feeling weakness and fatigue ?\n"
        + "[patient] well , i'd say it's been a lot worse this week .\n";
    assertSingleConflict(NOTE_DENIES, "review_of_systems", t, "The patient denies feeling weak.");
    assertNoConflict("review_of_systems", t, "The patient reports feeling weak.");
    // a denial still answers it, and "when did you last" asks about a time, not a finding
    String denied = "[doctor] how often do you get headaches ?\n[patient] i don't .\n";
    assertNoConflict("history_of_present_illness", denied, "She denies headaches.");
    String last = "[doctor] when did you last have a fever ?\n[patient] years ago .\n";
    assertNoConflict("history_of_present_illness", last, "She denies fever.");
  }

  @Test
  void labelThenDenies_andNotAnIssue_negateWhatCameBefore() {
    String t = "[doctor] alcohol ?\n[patient] no , i do n't drink .\n"
        + "[doctor] how are you dealing with your pain now ?\n[patient] oh no , i have no issues with my pain .\n";
    assertNoConflict("social_history", t, "Alcohol use, denies.");
    assertSingleConflict(NOTE_ASSERTS, "social_history", t, "Alcohol use, daily.");
    assertNoConflict("history_of_present_illness", t, "The pain is not an issue at this time.");
  }

  @Test
  void dictatedDenialList_goesOnAfterTheScopeRunsOutAtAComma() {
    String t = "[doctor] he denies any recent symptoms of fever or shortness of breath , cough , vomiting , diarrhea"
        + " , or night sweats .\n[patient] right .\n";
    assertNoConflict("review_of_systems", t, "Denies cough, vomiting, or diarrhea.");
    assertSingleConflict(NOTE_ASSERTS, "review_of_systems", t, "Reports vomiting.");
    // a clause after the comma is not part of the list
    String clause = "[patient] i was n't staying on top of my blood sugar readings , and i felt kinda woozy .\n";
    assertNoConflict("history_of_present_illness", clause, "He felt woozy.");
  }

  @Test
  void suchAsExamples_nonSmoker_andNoChangeIn_readAsWritten() {
    String school = "[doctor] any learning disabilities or problems in school ?\n[patient] no , none .\n";
    assertNoConflict("social_history", school,
        "She denied any history of problems in school such as learning disabilities, failed grades.");
    String smoke = "[doctor] do you smoke ?\n[patient] no , never .\n";
    assertNoConflict("social_history", smoke, "Non-smoker.");
    assertNoConflict("social_history", smoke, "He is a non-cigarette smoker.");
    assertSingleConflict(NOTE_ASSERTS, "social_history", smoke, "Smoker.");
    String foods = "[doctor] any new foods ?\n[patient] no .\n";
    assertNoConflict("history_of_present_illness", foods, "There have been no changes in his foods.");
  }

  @Test
  void loseConsciousness_isLossOfConsciousness() {
    String t = "[doctor] did you lose consciousness after the fall ?\n[patient] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", t, "He reports loss of consciousness.");
    assertNoConflict("history_of_present_illness", t, "He denies loss of consciousness.");
  }

  @Test
  void modifierNeverHeadsAPhrase_andOnlyADenialOfTheWholeCounts() {
    // "illicit drug use" is never said whole: "drugs" decides, not "illicit"
    String denied = "[doctor] do you drink or use any drugs ?\n[patient] i drink a little but i do n't do drugs .\n";
    assertSingleConflict(NOTE_ASSERTS, "social_history", denied, "He reports illicit drug use.");
    assertNoConflict("social_history", denied, "He denies illicit drug use.");
    // using drugs does not say which: a denial of intravenous use is not against it
    String used = "[doctor] any drugs ?\n[patient] yes , i do drugs on weekends .\n";
    assertNoConflict("social_history", used, "He denies intravenous drug use.");
    // "regularly" is a modifier too; side effects of the medications say nothing of taking them
    String none = "[doctor] do you take any medications ?\n[patient] no , none .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", none, "He takes some medications regularly.");
    String nasal = "[doctor] do you use anything nasal ?\n[patient] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", nasal, "She uses prescription nasal drops.");
    String effects = "[doctor] are you having any side effects from the medications at all ?\n"
        + "[patient] not really .\n";
    assertNoConflict("history_of_present_illness", effects, "She takes her medication regularly.");
    // "nothing that i have known" answers no
    String allergies = "[doctor] any known allergies ?\n[patient] nothing that i have known .\n";
    assertSingleConflict(NOTE_ASSERTS, "allergies", allergies, "Some known drug allergies.");
  }

  @Test
  void associatedNeverHeads_andLayWordsForStrainingAndIncarceration() {
    String dizzy = "[doctor] were you dizzy before you fell ?\n[patient] no , i was not dizzy at all .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", dizzy,
        "There was some dizziness associated with the fall.");
    String force = "[doctor] do you apply a lot of force to urinate ?\n[patient] nope .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", force, "Some straining to urinate.");
    assertNoConflict("history_of_present_illness", force, "No straining to urinate.");
    String heart = "[doctor] any history of irregular heartbeats ?\n[patient] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "cardiovascular", heart, "Some history of arrhythmias.");
    String clots = "[doctor] any family history of blood clots ?\n[patient] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "family_history", clots, "Some family history of thrombosis.");
    String injury = "[doctor] did you injure it or have a fall ?\n[patient] no .\n"
        + "[doctor] any pins and needles ?\n[patient] no pins and needles .\n"
        + "[doctor] do you drink or do drugs ?\n[patient] i don't drink or do drugs .\n";
    for (String note : List.of("He reports injury.", "He reported trauma to this area.", "Some paresthesias.",
        "Some history of substance abuse.")) {
      assertThat(runIn("history_of_present_illness", injury, note).findings()).as(note).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("Asserted in the note but negated in the transcript"));
    }
    String jail = "[doctor] have you ever been incarcerated ?\n[patient] nope .\n";
    assertSingleConflict(NOTE_ASSERTS, "social_history", jail, "Some history of incarceration.");
  }

  @Test
  void historyOf_isComparedWithTheHistoryAskedAbout() {
    String t = "[patient] well , i am having a severe headache .\n"
        + "[doctor] does she have any history of headaches ?\n[other] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", t, "She has some past history of headaches.");
    assertNoConflict("history_of_present_illness", t, "No past history of headaches.");
    // today's headache is still compared with what is said of today
    assertThat(runIn("history_of_present_illness", t, "She denies headache.").findings()).isNotEmpty();
    // the history is also said "before this injury"
    String before = "[patient] i felt a sharp pain from my back down into my leg .\n"
        + "[doctor] have you had back pain or surgeries before this injury ?\n[patient] no , i haven't .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", before,
        "He reported previous history of back pain.");
    assertNoConflict("history_of_present_illness", before, "He denied any previous history of back pain.");
    // "other medications" likewise with the other medications asked about
    String meds = "[patient] i take accutane for my acne .\n[doctor] any other medications ?\n[patient] no .\n";
    assertSingleConflict(NOTE_ASSERTS, "medications", meds, "Accutane. She takes some other medications.");
    assertNoConflict("medications", meds, "Accutane. No other medications.");
  }

  @Test
  void bladderControl_isIncontinenceTheOtherWayRound() {
    String control = "[doctor] do you have control over your bladder and bowel movements ?\n"
        + "[patient] yes , i have complete control over everything like that .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", control, "She reports incontinence.");
    assertNoConflict("history_of_present_illness", control, "She denies incontinence.");
    String lost = "[patient] i lost control of my bladder twice last week .\n";
    assertSingleConflict(NOTE_DENIES, "history_of_present_illness", lost, "She denies urinary incontinence.");
    // "no issues with bladder control, right?" — "yeah, it's fine" is no incontinence; "any accidents?" — "no"
    // denies the accidents, not the control
    String fine = "[doctor] and no issues with bladder control , right ?\n[patient] yeah , it's fine .\n"
        + "[doctor] what about bowel control , any accidents ?\n[patient] no .\n";
    assertNoConflict("review_of_systems", fine, "Negative incontinence.");
  }

  @Test
  void allButAnswer_deniesEachItemButTheExcepted() {
    // "everything is fine except some chills": no fever, but chills
    String t = "[doctor] how about fever , chills , nausea , diarrhea , anything like that ?\n"
        + "[patient] everything is fine except some chills . i am sleeping okay .\n";
    assertSingleConflict(NOTE_ASSERTS, "history_of_present_illness", t, "Some diarrhea.");
    assertSingleConflict(NOTE_DENIES, "history_of_present_illness", t, "No chills.");
    assertNoConflict("history_of_present_illness", t, "No diarrhea. Some chills.");
  }

  @Test
  void deniedTreatmentAlone_isNotJudgedAgainstItsDiscussion() {
    String t = "[doctor] we will hold off on medication or therapy at this time .\n[patient] okay .\n"
        + "[doctor] did they put you on antibiotics\n[patient] they did start me on some but i did n't pick them up\n";
    assertNoConflict("history_of_present_illness", t, "He does not want to start medication or therapy.");
    assertNoConflict("history_of_present_illness", t, "He has not taken the antibiotics.");
  }

  @Test
  void saidBothWays_theClinicianRecapDecides() {
    String t = "[patient] the past couple of months i've been really tired .\n"
        + "[doctor] okay .\n"
        + "[patient] before that i was relatively okay and i have n't gotten tired at work .\n"
        + "[doctor] so in terms of review of systems you endorse some fatigue and some dizziness .\n";
    assertThat(run(t, "Denies fatigue.").findings()).singleElement().satisfies(f ->
        assertThat(f.message()).startsWith("Negated in the note but asserted in the transcript"));
    assertThat(run(t, "Reports fatigue.").findings()).isEmpty();
    // without the recap the transcript says both, and nothing is flagged either way
    String mixed = t.substring(0, t.indexOf("[doctor] so"));
    assertThat(run(mixed, "Denies fatigue.").findings()).isEmpty();
  }

  @Test
  void recapWords_needAClinicianStatement_andPositiveNeedsFor() {
    // "positive cva tenderness" is an exam result at another site, not a read-back: no recap, no conflict
    String t = "[doctor] there is no tenderness to palpation there is positive cva tenderness on the right flank .\n";
    assertThat(run(t, "No tenderness to palpation.").findings()).isEmpty();
    // a patient saying "i deny" is not a clinician's recap
    String p = "[patient] i've had some fatigue .\n[patient] i have n't had fatigue at work .\n"
        + "[patient] i would deny fatigue really .\n";
    assertThat(run(p, "Reports fatigue.").findings()).isEmpty();
  }

  @Test
  void whatIsExaminedOrTested_orALineLabel_isNoFinding() {
    String t = "[doctor] you do n't have covid . no pain in your belly . i do n't feel any vascular problems .\n"
        + "[doctor] your brain looks fine , there is nothing in your brain .\n";
    assertNoConflict("results", t, "Covid test is pending.");
    assertNoConflict("physical_exam", t, "Vascular exam reveals palpable pulses. Belly exam is benign.");
    assertNoConflict("results", t, "MRI of the brain shows a small vessel.");
    // a line's label: its status is in the value after the colon, which these rules do not read
    String path = "[doctor] the pathology report shows there is no perineural invasion .\n";
    assertNoConflict("results", path, "Perineural invasion: not identified.");
    assertThat(runIn("results", path, "There is perineural invasion.").findings()).hasSize(1);
    // the same words as findings are still judged
    assertThat(runIn("history_of_present_illness", t, "She has covid.").findings()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("POLARITY_CONFLICT"));
  }

  @Test
  void examined_readsTheWordsAroundThePhrase() {
    SectionText s = new SectionText("physical_exam", "Examination of Abdomen: soft.\nMRI of his left knee. Knee pain.");
    java.util.List<Terms.Term> terms = Terms.of(s.toks, 0, s.toks.size(), false);
    java.util.List<Terms.Term> knees = terms.stream().filter(t -> t.text().equals("kne")).toList();
    assertThat(knees).hasSize(2);
    // a line's label, and the object of a study ("MRI of his left knee")
    assertThat(NegationConsistency.examined(s, java.util.List.of(terms.get(0)))).isTrue();
    assertThat(NegationConsistency.examined(s, java.util.List.of(knees.get(0)))).isTrue();
    // "Knee pain." names a finding
    assertThat(NegationConsistency.examined(s, java.util.List.of(knees.get(1)))).isFalse();
  }

  @Test
  void whatATreatmentIsFor_takesNoStatusFromTheTreatment() {
    String t = "[patient] my depression has been really bad lately .\n"
        + "[doctor] you do n't have a fever today .\n";
    assertNoConflict("history_of_present_illness", t, "He is not interested in medications for his depression.");
    assertNoConflict("plan", t, "Advise ibuprofen or tylenol for fever.");
    // the finding itself is still judged
    assertThat(runIn("history_of_present_illness", t, "He denies depression.").findings()).hasSize(1);
    assertThat(runIn("history_of_present_illness", t, "He has a fever.").findings()).hasSize(1);
  }

  @Test
  void aQuestionAboutAState_isNotAnsweredForThePresence() {
    String t = "[doctor] are your blood sugars okay ?\n[patient] no , they've been running high .\n"
        + "[doctor] is the knee pain better ?\n[patient] no .\n";
    assertNoConflict("history_of_present_illness", t, "He monitors his blood sugars.");
    assertNoConflict("history_of_present_illness", t, "He reports knee pain.");
    // a question about presence still takes its answer
    String presence = "[doctor] do you have any knee pain ?\n[patient] no .\n";
    assertThat(runIn("history_of_present_illness", presence, "He reports knee pain.").findings()).hasSize(1);
  }
  private static final String NOTE_ASSERTS = "Asserted in the note but negated in the transcript";
  private static final String NOTE_DENIES = "Negated in the note but asserted in the transcript";

  /** Asserts that the note, in the given section, has no finding at all. */
  private void assertNoConflict(String section, String transcript, String note) {
    assertThat(runIn(section, transcript, note).findings()).as(note).isEmpty();
  }

  /** Asserts that the note, in the given section, has exactly one polarity conflict of the given kind. */
  private void assertSingleConflict(String kind, String section, String transcript, String note) {
    assertThat(runIn(section, transcript, note).findings()).as(note).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith(kind));
  }
}
