package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ConText-style status of single tokens ({@link Polarity}): scope, terminators, pseudo-negations, experiencer. */
class PolarityTest {

  private static byte status(String text, String word) {
    List<Tok> toks = Tokenizer.tokenize(text);
    return Polarity.of(toks)[indexOf(toks, word)];
  }

  private static int indexOf(List<Tok> toks, String word) {
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).raw().equals(word)) {
        return i;
      }
    }
    throw new AssertionError("no token '" + word + "' in the test text");
  }

  @Test
  void auxiliaryRightAfterCue_keepsScope() {
    assertThat(status("i never had any nausea or vomiting", "vomiting")).isEqualTo(Polarity.NEGATED);
    assertThat(status("she has n't had any chills", "chills")).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void auxiliaryAfterNegatedContent_endsScope() {
    assertThat(status("no fever , has a cough", "fever")).isEqualTo(Polarity.NEGATED);
    assertThat(status("no fever , has a cough", "cough")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void aNegatedSubjectOrABan_deniesWhatFollows() {
    // "no one" / "nobody" / "none of" is the subject: its own words are not denied content, so the verb after them
    // does not end the scope as it would after a denied finding ("no fever , has a cough")
    assertThat(status("all of them are doing good , no one has any memory issues", "memory"))
        .isEqualTo(Polarity.NEGATED);
    assertThat(status("nobody in the family was diagnosed with colon cancer", "cancer")).isEqualTo(Polarity.NEGATED);
    assertThat(status("no one else at home is sick", "sick")).isEqualTo(Polarity.NEGATED);
    assertThat(status("none of them have diabetes", "diabetes")).isEqualTo(Polarity.NEGATED);
    // a ban denies too: "my mother has forbidden smoking in her home"
    assertThat(status("nope . my mother has forbidden smoking in her home", "smoking"))
        .isEqualTo(Polarity.OTHER_NEGATED);
    // the subject reaches its verb within five words, and a full stop ends it
    assertThat(status("no one . she has a cough", "cough")).isEqualTo(Polarity.AFFIRMED);
    assertThat(status("no fever , has a cough", "cough")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void orAndAny_renewScopeOverALongList() {
    String s = "i do n't appreciate any jugular venous distension or any carotid bruits";
    assertThat(status(s, "bruits")).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void terminator_endsScope() {
    assertThat(status("no fever but some cough", "cough")).isEqualTo(Polarity.AFFIRMED);
    assertThat(status("denies chest pain , however reports dyspnea", "dyspnea")).isEqualTo(Polarity.AFFIRMED);
    assertThat(status("no fever , some chills", "chills")).isEqualTo(Polarity.AFFIRMED);
    assertThat(status("negative for fever , positive for cough", "cough")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void pseudoNegation_isNotACue() {
    // "no change in" asserts nothing either way: "no change in vision" is not a vision problem
    assertThat(status("no change in the swelling", "swelling")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("no change in vision", "vision")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("not only pain", "pain")).isEqualTo(Polarity.AFFIRMED);
    assertThat(status("no increase in headaches", "headaches")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void unawareOf_denies() {
    assertThat(status("she is unaware of any drug allergies", "allergies")).isEqualTo(Polarity.NEGATED);
    // about the family, the denial is the family's
    assertThat(status("he is unaware of any family members with neurological disorders", "disorders"))
        .isEqualTo(Polarity.OTHER_NEGATED);
  }

  @Test
  void notRemembering_isNoDenial() {
    assertThat(status("i don't remember hurting my shoulder", "shoulder")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("i do not recall any injury", "injury")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("i don't even remember how long the bunion has been there", "bunion"))
        .isEqualTo(Polarity.UNKNOWN);
    assertThat(status("i don't have any injury", "injury")).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void noBeforePronoun_isAnAnswerNotACue() {
    assertThat(status("no i wish , i've gained some weight", "weight")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void otherIsATerminatorOnlyInOtherThan() {
    assertThat(status("no other injuries", "injuries")).isEqualTo(Polarity.NEGATED);
    assertThat(status("no symptoms other than fatigue", "fatigue")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void experiencerAndNegation_areKeptTogether() {
    assertThat(status("no family history of colon cancer", "cancer")).isEqualTo(Polarity.OTHER_NEGATED);
    assertThat(status("family history of colon cancer", "cancer")).isEqualTo(Polarity.OTHER);
  }

  @Test
  void questionTokens_takeTheAnswer_negatedOnesOnlyIfConfirmed() {
    assertThat(Polarity.fromAnswer(Polarity.AFFIRMED, Polarity.NEGATED)).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.fromAnswer(Polarity.NEGATED, Polarity.NEGATED)).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.fromAnswer(Polarity.NEGATED, Polarity.AFFIRMED)).isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.fromAnswer(Polarity.OTHER, Polarity.NEGATED)).isEqualTo(Polarity.OTHER_NEGATED);
    assertThat(Polarity.fromAnswer(Polarity.OTHER, Polarity.UNKNOWN)).isEqualTo(Polarity.OTHER_UNKNOWN);
  }

  @Test
  void clinicianOwnNegation_isAStatement() {
    List<Tok> toks = Tokenizer.tokenize("i do n't see any laceration what happened");
    int laceration = 5;
    assertThat(toks.get(laceration).raw()).isEqualTo("laceration");
    assertThat(Polarity.statedNegation(toks, laceration)).isTrue();
    List<Tok> asked = Tokenizer.tokenize("and no other injuries");
    assertThat(Polarity.statedNegation(asked, 3)).isFalse();
  }

  @Test
  void unpunctuatedQuestion_widensToItsFirstCue() {
    List<Tok> toks = Tokenizer.tokenize("okay and are you having any chest pain or anything like that");
    int last = Polarity.unpunctuatedQuestionStart(toks);
    assertThat(toks.get(last).raw()).isEqualTo("anything");
    assertThat(toks.get(Polarity.widenQuestion(toks, last)).raw()).isEqualTo("are");
  }

  @Test
  void cueContinuingAStatedNegation_isStatedToo() {
    List<Tok> toks = Tokenizer.tokenize("i did n't see any gait disturbance and no edema so that's great");
    int edema = 9;
    assertThat(toks.get(edema).raw()).isEqualTo("edema");
    assertThat(Polarity.statedNegation(toks, edema)).isTrue();
    List<Tok> asked = Tokenizer.tokenize("any gait disturbance and no edema");
    assertThat(Polarity.statedNegation(asked, 5)).isFalse();
  }

  @Test
  void family_isAboutRelativesOnlyBeforeHistoryOrMembers() {
    assertThat(status("no family history of diabetes", "diabetes")).isEqualTo(Polarity.OTHER_NEGATED);
    assertThat(status("family members have diabetes", "diabetes")).isEqualTo(Polarity.OTHER);
    assertThat(status("denies a good family support system", "support")).isEqualTo(Polarity.NEGATED);
    assertThat(status("lives with her family , no tobacco use", "tobacco")).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void restrictiveAnswer_confirmsANegatedQuestion_andAffirmsAnAffirmedOne() {
    assertThat(Polarity.answer(Tokenizer.tokenize("um , just the middle finger ."))).isEqualTo(Polarity.RESTRICTIVE);
    assertThat(Polarity.fromAnswer(Polarity.NEGATED, Polarity.RESTRICTIVE)).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.fromAnswer(Polarity.AFFIRMED, Polarity.RESTRICTIVE)).isEqualTo(Polarity.AFFIRMED);
    assertThat(Polarity.fromAnswer(Polarity.OTHER, Polarity.RESTRICTIVE)).isEqualTo(Polarity.OTHER);
  }

  @Test
  void orRightAfterTheScopesLastNegatedWord_continuesTheList() {
    List<Tok> toks = Tokenizer.tokenize(
        "i'm showing no tenderness to palpation of the abdomen or tenderness of the cva");
    int second = -1;
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).raw().equals("tenderness")) {
        second = i;
      }
    }
    assertThat(Polarity.of(toks)[second]).isEqualTo(Polarity.NEGATED);
    assertThat(status("no fever . cough or cold", "cold")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void negationInsideAHypothetical_isNotAnAssertion() {
    assertThat(status("referred to neurosurgery if there is no improvement", "improvement"))
        .isEqualTo(Polarity.UNKNOWN);
    assertThat(status("there is no improvement", "improvement")).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void affirmativeYeah_endsANegationsScope() {
    assertThat(status("without stopping , then yeah , i do get short of breath", "short"))
        .isEqualTo(Polarity.AFFIRMED);
  }

  private static boolean planned(String text, String word) {
    List<Tok> toks = Tokenizer.tokenize(text);
    return Polarity.planned(toks)[indexOf(toks, word)];
  }

  @Test
  void futureAndPlanClauses_areMarkedPlanned_toTheEndOfTheClause() {
    assertThat(planned("i'm gon na prescribe you some medications for the knee", "medications")).isTrue();
    assertThat(planned("we'll start physical therapy next week", "therapy")).isTrue();
    assertThat(planned("i want to order an mri of the knee", "mri")).isTrue();
    // a new subject, a negation or a clause word ends the plan: what follows is a statement
    assertThat(planned("i'm gon na listen here real quick no i do n't hear any carotid bruits", "bruits")).isFalse();
    assertThat(planned("i'll give you something because the pain is bad", "pain")).isFalse();
    assertThat(planned("let's now do you feel sick to your stomach", "sick")).isFalse();
    assertThat(planned("you have pain in the knee", "pain")).isFalse();
  }

  @Test
  void objectBeforeARelativePlanClause_isPlanned() {
    assertThat(planned("but the medications i'm gon na give you are strong", "medications")).isTrue();
    assertThat(planned("the cream we'll use is new", "cream")).isTrue();
  }

  @Test
  void continuingWhatIsTakenNow_isNotAPlan() {
    assertThat(planned("i wan na just go ahead and continue on lisinopril twenty milligrams", "lisinopril"))
        .isFalse();
    assertThat(planned("we'll keep the metformin the same", "metformin")).isFalse();
  }

  @Test
  void planMarker_foundInANoteSentence() {
    List<Tok> future = Tokenizer.tokenize("We will start physical therapy.");
    List<Tok> now = Tokenizer.tokenize("She takes ibuprofen daily.");
    assertThat(Polarity.hasPlanMarker(future, 0, future.size())).isTrue();
    assertThat(Polarity.hasPlanMarker(now, 0, now.size())).isFalse();
  }

  @Test
  void deniedClause_negatesItsEffectVerb_howeverFarPastTheScope() {
    String s = "She denies fully extending her arm while resting it on a pillow alleviates some of her pain.";
    assertThat(status(s, "alleviates")).isEqualTo(Polarity.NEGATED);
    // what the effect acts on is not denied: she has the pain
    assertThat(status(s, "pain")).isEqualTo(Polarity.AFFIRMED);
    // an effect verb outside a denial keeps its status
    assertThat(status("She notes resting it on a pillow with the arm straight alleviates her pain.", "alleviates"))
        .isEqualTo(Polarity.AFFIRMED);
    // a terminator ends the denied clause
    assertThat(status("She denies swelling in the wrist but resting it on a pillow alleviates her pain.",
        "alleviates")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void deniedBy_tellsADenialFromAPlainNegation() {
    List<Tok> denied = Tokenizer.tokenize("She denies that resting it on a pillow helps.");
    List<Tok> not = Tokenizer.tokenize("Ibuprofen does not help.");
    assertThat(Polarity.deniedBy(denied, denied.size() - 2)).isTrue();
    assertThat(Polarity.deniedBy(not, not.size() - 2)).isFalse();
  }

  @Test
  void statementBeforeAnUnpunctuatedQuestion_staysOutOfIt() {
    List<Tok> toks = Tokenizer.tokenize(
        "so i believe we have you on lisinopril about twenty milligrams a day any side effects from that");
    int last = Polarity.unpunctuatedQuestionStart(toks);
    // "we have you on" states; only "any side effects from that" asks
    assertThat(toks.get(Polarity.widenQuestion(toks, last)).raw()).isEqualTo("any");
  }

  @Test
  void conditionList_staysHypothetical_toItsLastMember() {
    String s = "call us if you have any fever or chills or a rash";
    assertThat(status(s, "chills")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status(s, "rash")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("call us if it gets worse. you have a fever", "fever")).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void readOutFindingList_isTold_fromASentence() {
    assertThat(findingList("shortness of breath")).isTrue();
    assertThat(findingList("okay and fever or chills")).isTrue();
    assertThat(findingList("you have a fever")).isFalse();
    assertThat(findingList("okay alright")).isFalse();
    assertThat(findingList("fever chills nausea vomiting diarrhea constipation rash")).isFalse();
  }

  private static boolean findingList(String text) {
    List<Tok> toks = Tokenizer.tokenize(text);
    return TranscriptIndex.findingList(toks, Terms.of(toks, 0, toks.size(), true));
  }

  @Test
  void raisingVerb_betweenCueAndContent_keepsTheScope() {
    String s = "you do n't seem to have any pain or tenderness with flexion";
    assertThat(status(s, "pain")).isEqualTo(Polarity.NEGATED);
    assertThat(status(s, "tenderness")).isEqualTo(Polarity.NEGATED);
    assertThat(status("it does not appear to be infected", "infected")).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void turnOpeningWithAnAuxiliaryBeforeItsSubject_isAQuestion() {
    List<Tok> asked = Tokenizer.tokenize("okay so does the pain radiate frequently");
    assertThat(asked.get(Polarity.unpunctuatedQuestionStart(asked)).raw()).isEqualTo("does");
    List<Tok> stated = Tokenizer.tokenize("okay so the pain does radiate down the arm");
    assertThat(Polarity.unpunctuatedQuestionStart(stated)).isEqualTo(-1);
  }

  @Test
  void shortTurnEndingInNo_negatesTheFindingsItNames() {
    List<Tok> toks = Tokenizer.tokenize("diarrhea no");
    byte[] p = Polarity.of(toks);
    Polarity.trailingNo(toks, p);
    assertThat(p[indexOf(toks, "diarrhea")]).isEqualTo(Polarity.NEGATED);
    // a longer turn is not a short answer: its "no" at the end is no post-negation
    List<Tok> longer = Tokenizer.tokenize("i had diarrhea last week and then no");
    byte[] q = Polarity.of(longer);
    Polarity.trailingNo(longer, q);
    assertThat(q[indexOf(longer, "diarrhea")]).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void closingCheck_beforeATrailingAtAll_isAQuestion() {
    List<Tok> toks = Tokenizer.tokenize("and when i push on the outside does that hurt at all");
    assertThat(toks.get(Polarity.unpunctuatedQuestionStart(toks)).raw()).isEqualTo("does");
  }

  @Test
  void examCheck_anywhereInTheLastSentence_isAQuestion() {
    List<Tok> toks = Tokenizer.tokenize("let's take a quick look at that knee so does it hurt when i press on it");
    assertThat(toks.get(Polarity.unpunctuatedQuestionStart(toks)).raw()).isEqualTo("does");
    // not a check: a statement about what hurts
    List<Tok> said = Tokenizer.tokenize("it does hurt when i climb the stairs");
    assertThat(Polarity.unpunctuatedQuestionStart(said)).isEqualTo(-1);
  }

  @Test
  void theAnswersFirstSentenceAnswers_unlessTheNextOpensWithTheAnswerWord() {
    // "much better. i don't know why i didn't take it": the "don't" is not the answer
    assertThat(Polarity.answer(Tokenizer.tokenize("much better . i don't know why i didn't take it with me .")))
        .isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.answer(Tokenizer.tokenize("i see . no , not at all ."))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("um . yes ."))).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void ofCourse_answersYes_unlessNot() {
    assertThat(Polarity.answer(Tokenizer.tokenize("of course"))).isEqualTo(Polarity.AFFIRMED);
    assertThat(Polarity.answer(Tokenizer.tokenize("oh of course not"))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("the course of it was long"))).isEqualTo(Polarity.UNKNOWN);
  }

  @Test
  void aQuestionWrittenWithAFullStop_isStillAQuestion_butAStatementIsNot() {
    List<Tok> q = Tokenizer.tokenize("Have you been experiencing any bowel or , bladder dysfunction .");
    assertThat(Polarity.unpunctuatedQuestionStart(q)).isZero();
    assertThat(Polarity.unpunctuatedQuestionStart(Tokenizer.tokenize("I don't see any swelling ."))).isEqualTo(-1);
    // the turn's last sentence: "okay. have you had any fever." asks; "… any fever. i see." does not
    assertThat(Polarity.unpunctuatedQuestionStart(Tokenizer.tokenize("Okay. Have you had any fever.")))
        .isEqualTo(2);
    assertThat(Polarity.unpunctuatedQuestionStart(Tokenizer.tokenize("Okay. Have you had any fever. I see.")))
        .isEqualTo(-1);
    assertThat(Polarity.answer(Tokenizer.tokenize("oh , absolutely not ."))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("definitely not"))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("absolutely , every day"))).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void nothingAndEverythingIsFine_answerNo_unlessAnExceptionOrADegreeFollows() {
    assertThat(Polarity.answer(Tokenizer.tokenize("nothing like that ."))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("everything is fine ."))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("right , that's it"))).isEqualTo(Polarity.AFFIRMED);
    // "except some chills" had made it a yes to every item asked ("some" answers yes)
    assertThat(Polarity.answer(Tokenizer.tokenize("everything is fine except some chills ? i am sleeping okay")))
        .isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.answer(Tokenizer.tokenize("nothing other than my typical arthritic pain")))
        .isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.answer(Tokenizer.tokenize("nothing substantial that i would say in the past")))
        .isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.answer(Tokenizer.tokenize("everything hurts"))).isEqualTo(Polarity.UNKNOWN);
  }

  @Test
  void questionAnsweredInsideTheTurn_takesThatAnswer() {
    List<Tok> toks = Tokenizer.tokenize("okay and do you have any pain in your foot no no no pain at all okay");
    byte[] p = Polarity.of(toks);
    boolean[] asked = new boolean[toks.size()];
    Polarity.inTurnAnswers(toks, p, asked);
    assertThat(p[indexOf(toks, "pain")]).isEqualTo(Polarity.NEGATED);
    assertThat(asked[indexOf(toks, "pain")]).isTrue();
    List<Tok> yes = Tokenizer.tokenize("is there any swelling yeah");
    byte[] q = Polarity.of(yes);
    Polarity.inTurnAnswers(yes, q, new boolean[yes.size()]);
    assertThat(q[indexOf(yes, "swelling")]).isEqualTo(Polarity.AFFIRMED);
    // "no" that starts a statement is no answer: "any pain no swelling" says nothing about the pain
    List<Tok> stmt = Tokenizer.tokenize("any pain no swelling though");
    byte[] r = Polarity.of(stmt);
    byte[] before = r.clone();
    Polarity.inTurnAnswers(stmt, r, new boolean[stmt.size()]);
    assertThat(r).isEqualTo(before);
  }

  @Test
  void conditionList_continuesOverOrAfterItsScopeRanOut() {
    List<Tok> toks = Tokenizer.tokenize("give us a call if the headaches become more severe or suddenly worsen or you"
        + " develop a fever");
    assertThat(Polarity.of(toks)[indexOf(toks, "fever")]).isEqualTo(Polarity.UNKNOWN);
    // a statement after a condition is no part of it
    List<Tok> after = Tokenizer.tokenize("call if it gets worse . she has a fever or chills");
    assertThat(Polarity.of(after)[indexOf(after, "fever")]).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void definitionForThePatient_assertsNothing() {
    List<Tok> toks = Tokenizer.tokenize("there is no overlying erythema and that just means redness or bruising");
    byte[] p = Polarity.of(toks);
    assertThat(p[indexOf(toks, "erythema")]).isEqualTo(Polarity.NEGATED);
    assertThat(p[indexOf(toks, "redness")]).isEqualTo(Polarity.UNKNOWN);
    assertThat(p[indexOf(toks, "bruising")]).isEqualTo(Polarity.UNKNOWN);
  }

  @Test
  void howAbout_opensAnUnpunctuatedQuestion() {
    List<Tok> toks = Tokenizer.tokenize("and how about a loss of sensation in the genital or the rectal area");
    assertThat(toks.get(Polarity.unpunctuatedQuestionStart(toks)).raw()).isEqualTo("how");
  }

  @Test
  void lookLike_carriesTheNegationToItsContent() {
    List<Tok> toks = Tokenizer.tokenize("from the x-ray it does n't look like there is any , uh , broken bone or"
        + " fracture . my guess is you hurt your joint");
    byte[] p = Polarity.of(toks);
    assertThat(p[indexOf(toks, "fracture")]).isEqualTo(Polarity.NEGATED);
    assertThat(p[indexOf(toks, "joint")]).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void yourStartingAClause_endsTheNegation() {
    List<Tok> toks = Tokenizer.tokenize("there is no bruits your lungs are clear your heart exam is normal");
    byte[] p = Polarity.of(toks);
    assertThat(p[indexOf(toks, "bruits")]).isEqualTo(Polarity.NEGATED);
    assertThat(p[indexOf(toks, "lungs")]).isEqualTo(Polarity.AFFIRMED);
    // a site after a preposition stays in the scope
    List<Tok> site = Tokenizer.tokenize("no pain in your knee is there");
    assertThat(Polarity.of(site)[indexOf(site, "knee")]).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void writtenNote_commaListKeepsTheDenialToItsEnd() {
    List<Tok> toks = Tokenizer.tokenize("Larry has not experienced any weakness, loss of sensation in the genital or"
        + " rectal area, loss of control of the bladder or bowel.");
    byte[] note = Polarity.of(toks, true);
    assertThat(note[indexOf(toks, "rectal")]).isEqualTo(Polarity.NEGATED);
    assertThat(note[indexOf(toks, "bladder")]).isEqualTo(Polarity.NEGATED);
    // spoken text keeps the shorter renewal: a comma there is often a pause, not a list
    byte[] spoken = Polarity.of(toks);
    assertThat(spoken[indexOf(toks, "bladder")]).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void reportedSpeechAndExamActions_endANegationsScope_onceItHasContent() {
    List<Tok> toks = Tokenizer.tokenize("so the lateral aspect not a problem and you said that you heard a pop");
    assertThat(Polarity.of(toks)[indexOf(toks, "problem")]).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.of(toks)[indexOf(toks, "pop")]).isEqualTo(Polarity.AFFIRMED);
    // so does an exam action: the lungs are listened to, not denied
    List<Tok> exam = Tokenizer.tokenize("i do n't appreciate any murmur when i listen to your lungs");
    assertThat(Polarity.of(exam)[indexOf(exam, "murmur")]).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.of(exam)[indexOf(exam, "lungs")]).isEqualTo(Polarity.AFFIRMED);
    // a denial the reported speech itself makes is read as ever
    List<Tok> inside = Tokenizer.tokenize("and you mentioned no fever and no chills");
    assertThat(Polarity.of(inside)[indexOf(inside, "chills")]).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void aDegreeAnswer_isNotANo() {
    assertThat(Polarity.answer(Tokenizer.tokenize("not too much . i have iced a bit"))).isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.answer(Tokenizer.tokenize("not that bad"))).isEqualTo(Polarity.UNKNOWN);
    assertThat(Polarity.answer(Tokenizer.tokenize("not really"))).isEqualTo(Polarity.NEGATED);
    assertThat(Polarity.answer(Tokenizer.tokenize("not at all"))).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void aStateAfterADenialListsComma_startsANewAffirmedItem() {
    List<Tok> toks = Tokenizer.tokenize("Hands: no clubbing, strong bilateral pulses, brisk capillary refill.");
    for (byte[] p : List.of(Polarity.of(toks, true), Polarity.of(toks))) {
      assertThat(p[indexOf(toks, "clubbing")]).isEqualTo(Polarity.NEGATED);
      assertThat(p[indexOf(toks, "pulses")]).isEqualTo(Polarity.AFFIRMED);
      assertThat(p[indexOf(toks, "refill")]).isEqualTo(Polarity.AFFIRMED);
    }
    // other items keep the denial
    List<Tok> list = Tokenizer.tokenize("Denies fever, chills, severe headache.");
    assertThat(Polarity.of(list, true)[indexOf(list, "headache")]).isEqualTo(Polarity.NEGATED);
  }

  @Test
  void labelColonNegative_negatesTheLabel_butOnlyRightAfterTheColon() {
    List<Tok> lab = Tokenizer.tokenize("Leukocytes: Negative. Protein: Negative. Blood: Trace.");
    byte[] p = Polarity.of(lab, true);
    assertThat(p[indexOf(lab, "Protein")]).isEqualTo(Polarity.NEGATED);
    assertThat(p[indexOf(lab, "Leukocytes")]).isEqualTo(Polarity.NEGATED);
    assertThat(p[indexOf(lab, "Blood")]).isEqualTo(Polarity.AFFIRMED);
    // a colon further back still ends the scope: "negative" is the value of "sounds", not of "abdomen"
    List<Tok> far = Tokenizer.tokenize("Abdomen: bowel sounds negative");
    assertThat(Polarity.of(far, true)[indexOf(far, "Abdomen")]).isEqualTo(Polarity.AFFIRMED);
  }

  @Test
  void openQuestion_isOneWithAWhWordBeforeTheTermInItsSentence() {
    List<Tok> open = Tokenizer.tokenize("okay . how often do you check your blood sugar");
    assertThat(Polarity.openQuestion(open, indexOf(open, "sugar"))).isTrue();
    List<Tok> polar = Tokenizer.tokenize("how are you . do you check your blood sugar");
    assertThat(Polarity.openQuestion(polar, indexOf(polar, "sugar"))).isFalse();
  }
  @Test
  void spokenCommaBeforeASubject_endsTheDenial_writtenListsGoOn() {
    // "not well, it feels unstable": the second clause is stated, not denied
    List<Tok> said = Tokenizer.tokenize("not well , it feels unstable , like i'm going to fall .");
    assertThat(Polarity.of(said)[indexOf(said, "unstable")]).isEqualTo(Polarity.AFFIRMED);
    List<Tok> list = Tokenizer.tokenize("no fever , chills or cough .");
    assertThat(Polarity.of(list)[indexOf(list, "cough")]).isEqualTo(Polarity.NEGATED);
    List<Tok> written = Tokenizer.tokenize("No fever, it is not present.");
    assertThat(Polarity.of(written, true)[indexOf(written, "fever")]).isEqualTo(Polarity.NEGATED);
  }
  @Test
  void positiveBeforeAnyContent_qualifiesTheDenial_afterContentEndsIt() {
    assertThat(status("she has not had positive blood cultures .", "cultures")).isEqualTo(Polarity.NEGATED);
    assertThat(status("no fever , positive for chills .", "chills")).isEqualTo(Polarity.AFFIRMED);
    assertThat(status("no fever , positive for chills .", "fever")).isEqualTo(Polarity.NEGATED);
  }
  @Test
  void checkingOrEvaluatingFor_assertsNothing() {
    assertThat(status("i'm just checking for lymph nodes .", "nodes")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("we are evaluating for a fracture .", "fracture")).isEqualTo(Polarity.UNKNOWN);
    assertThat(status("i feel a lymph node .", "node")).isEqualTo(Polarity.AFFIRMED);
  }
}
