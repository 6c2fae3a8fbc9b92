package org.verinote.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.verinote.core.PatientContext.Sex;
import org.verinote.core.SpeakerRole;

class ThirdPersonTest {

  private static final ThirdPerson MALE = new ThirdPerson(Sex.MALE);
  private static final ThirdPerson FEMALE = new ThirdPerson(Sex.FEMALE);
  private static final ThirdPerson UNKNOWN = new ThirdPerson(Sex.OTHER);

  @Test
  void patientFirstPerson_becomesThirdPersonWithAgreement() {
    assertThat(MALE.rewrite("i have pain in my knee and i feel tired.", SpeakerRole.PATIENT))
        .isEqualTo("he has pain in his knee and he feels tired.");
    assertThat(FEMALE.rewrite("i'm worried, i've tried ice and it hurts me.", SpeakerRole.PATIENT))
        .isEqualTo("she is worried, she has tried ice and it hurts her.");
    assertThat(MALE.rewrite("i don't smoke and i usually go to the gym myself.", SpeakerRole.PATIENT))
        .isEqualTo("he doesn't smoke and he usually goes to the gym himself.");
  }

  @Test
  void pastTenseAndModals_areLeftAlone() {
    assertThat(FEMALE.rewrite("i was running and i felt a pop, i could not walk.", SpeakerRole.PATIENT))
        .isEqualTo("she was running and she felt a pop, she could not walk.");
  }

  @Test
  void speechRecognitionGonna_isNotConjugated() {
    assertThat(MALE.rewrite(Utterances.clean("i gon na try it"), SpeakerRole.PATIENT))
        .isEqualTo("he going to try it");
  }

  @Test
  void unknownSex_usesThePatientAndTheir() {
    assertThat(UNKNOWN.rewrite("i take my inhaler twice a day.", SpeakerRole.PATIENT))
        .isEqualTo("the patient takes their inhaler twice a day.");
  }

  @Test
  void clinicianSecondPerson_becomesThirdPersonButOwnFirstPersonStays() {
    assertThat(MALE.rewrite("you have a sprain of your ankle and i want you to rest it.", SpeakerRole.CLINICIAN))
        .isEqualTo("he has a sprain of his ankle and I want him to rest it.");
    assertThat(FEMALE.rewrite("we'll continue you on the lisinopril and i'll see you in a month.",
        SpeakerRole.CLINICIAN)).isEqualTo("we'll continue her on the lisinopril and I'll see her in a month.");
    assertThat(MALE.rewrite("you're doing great and it looks like you need a refill.", SpeakerRole.CLINICIAN))
        .isEqualTo("he is doing great and it looks like he needs a refill.");
  }

  @Test
  void familyAndUnknownSpeakers_areNeverRewritten() {
    assertThat(MALE.rewrite("i think my son has a fever.", SpeakerRole.OTHER)).isEqualTo("i think my son has a fever.");
  }

  @Test
  void conjugate_regularAndIrregularForms() {
    assertThat(ThirdPerson.conjugate("try", "try")).isEqualTo("tries");
    assertThat(ThirdPerson.conjugate("watch", "watch")).isEqualTo("watches");
    assertThat(ThirdPerson.conjugate("play", "play")).isEqualTo("plays");
    assertThat(ThirdPerson.conjugate("noticed", "noticed")).isEqualTo("noticed");
    assertThat(ThirdPerson.conjugate("can", "can")).isEqualTo("can");
    assertThat(ThirdPerson.conjugate("going", "going")).isEqualTo("going");
  }
}
