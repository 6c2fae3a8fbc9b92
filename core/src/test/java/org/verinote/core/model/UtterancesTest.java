package org.verinote.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Transcript;

class UtterancesTest {

  @Test
  void clean_removesFillersFalseStartsRepeatsAndDictation() {
    assertThat(Utterances.clean("um , we- we're not , uh , wearing masks as much"))
        .isEqualTo("we're not, wearing masks as much");
    assertThat(Utterances.clean("i'm doing well , i'm doing well .")).isEqualTo("i'm doing well.");
    assertThat(Utterances.clean("okay . hey , dragon . order a hemoglobin a1c ."))
        .isEqualTo("okay. order a hemoglobin a1c.");
    assertThat(Utterances.clean("hey dragon , show me the diabetic labs . your a1c is eight"))
        .isEqualTo("your a1c is eight");
    assertThat(Utterances.clean("i'm gon na order it , i did n't see it"))
        .isEqualTo("i'm going to order it, i didn't see it");
  }

  @Test
  void split_dropsBareOpenersAndGivesSentencesWithTurnRolePositionAndQuestionFlag() {
    List<Utterances.Sentence> s = Utterances.split(Transcript.parse(
        "[doctor] so , how is the knee ? okay .\n[patient] it hurts . and it swells at night ."));
    assertThat(s).extracting(Utterances.Sentence::text)
        .containsExactly("how is the knee?", "it hurts.", "it swells at night.");
    assertThat(s.get(0).question()).isTrue();
    assertThat(s.get(1).role()).isEqualTo(SpeakerRole.PATIENT);
    assertThat(s.get(2).position()).isEqualTo(1.0);
  }

  @Test
  void split_unpunctuatedRun_isCutIntoBoundedPieces() {
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      run.append('w').append(i).append(' ');
    }
    List<Utterances.Sentence> s = Utterances.split(Transcript.parse(run.toString()));
    assertThat(s).hasSize(1000 / Utterances.MAX_SENTENCE_WORDS + 1);
    assertThat(s).allMatch(x -> x.words() <= Utterances.MAX_SENTENCE_WORDS);
  }
}
