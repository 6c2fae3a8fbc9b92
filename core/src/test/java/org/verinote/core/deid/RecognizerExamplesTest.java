package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the standard recognizers catch, as they occur in transcripts and notes: each row is a text, the identifier
 * expected and its type ("-" for a text that must stay untouched).
 */
class RecognizerExamplesTest {

  private static final SafeHarborDeIdentifier DEID = SafeHarborDeIdentifier.standard();

  private static List<String> found(String text, PhiType type) {
    List<String> out = new ArrayList<>();
    for (PhiSpan s : DEID.find(text)) {
      if (s.type() == type) {
        out.add(text.substring(s.start(), s.end()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "hi , andrew . how are you ?|andrew|PERSON",
      "my name is mark and i have a cough|mark|PERSON",
      "Dr. Okafor reviewed the films.|Okafor|CLINICIAN",
      "DR SULLIVAN MADE AWARE.|SULLIVAN|CLINICIAN",
      "spoke with his daughter Philippa by phone|Philippa|PERSON",
      "AS PER E. WELSH: BILAT EFFUSIONS|E. WELSH|PERSON",
      "Mary Hulse, R.N.|Mary Hulse|PERSON",
      "Dr. Rakusin and Toolis aware.|Toolis|PERSON",
      "rectal tube placed per dr. white's order.|white|CLINICIAN",
      "spoke with dr small today about options|small|CLINICIAN",
      "Dr. o rourke and Dr. Lee in room.|o rourke|CLINICIAN",
      "plan to extubate tomorrow. s. roberto rrt|s. roberto|CLINICIAN",
      "Stord-Painter MD plans talc tomorrow|Stord-Painter|CLINICIAN",
      "Wife and lawyer (Wil Laberbera) aware of plan|Wil Laberbera|PERSON",
      "hct down to 30.5. dr walker notified and repeat hct|walker|CLINICIAN",
      "Reported results to Dr. Walker. CV: stable|Walker|CLINICIAN",
  })
  void names(String text, String expected, PhiType type) {
    assertThat(DEID.find(text)).anySatisfy(s -> {
      assertThat(text.substring(s.start(), s.end())).isEqualTo(expected);
      assertThat(s.type().isName()).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "born on january tenth two thousand nine .|january tenth two thousand nine",
      "last seen on March 3rd, 2019 in clinic|March 3rd, 2019",
      "the twenty first of june|the twenty first of june",
      "admitted 7/22 for chest pain|7/22",
      "CABG 10/26/05 at GH|10/26/05",
      "echo 2009-01-10 normal|2009-01-10",
      "AVR 8/88, DDD pacer|8/88",
      "may the nineteenth nineteen eighty four|may the nineteenth nineteen eighty four",
      "s/o: it is the 11th. pt oriented|the 11th",
      "admitted to GH from home in sept. and discharged|sept",
      "He returned to OR on 7-8 for coiling|7-8",
      "HCT 30 POST 3/3 TX|3/3",
      "PMHX: CABGx4 '79, GERD|79",
      "CVA 74'. CHOLECYSTECTOMY|74",
      "prostate CA'88, GERD|88",
      "HAD TREATMENTS 10/03/10/04 AND DUE AGAIN|10/03/10/04",
  })
  void dates(String text, String expected) {
    assertThat(found(text, PhiType.DATE)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "strength 5/5 in all extremities",
      "PS 10/5 with 40% FiO2",
      "give 1/2 amp of D50",
      "BP 120/80, HR 72",
      "you may take it in march if needed",
      "pain is 8/10 today",
      "on 2-3 L nasal cannula",
      "the 5th toe is swollen",
      "on 5/5 strength",
      "the 2nd, 3rd and 4th digits",
      "3 mg given",
      "height 5'10\" and weight 80 kg",
      "she rated it '10' on the scale",
  })
  void notDates(String text) {
    assertThat(found(text, PhiType.DATE)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "call me at (410) 555-0199 tomorrow|(410) 555-0199|PHONE",
      "cell# 410-322-1419 for the son|410-322-1419|PHONE",
      "international +46 (0)8 928 571 38 please|+46 (0)8 928 571 38|PHONE",
      "office 345-899-3560x4587 ext|345-899-3560x4587|PHONE",
      "pager #12345 overnight|12345|PHONE",
      "ssn 460-89-9847 on file|460-89-9847|SSN",
      "from 192.168.10.24 today|192.168.10.24|IP_ADDRESS",
      "v6 6e40:4041:c617:e898:c11:40d2:c669:2eb4 seen|6e40:4041:c617:e898:c11:40d2:c669:2eb4|IP_ADDRESS",
      "write to UtaKortig@jourrapide.com now|UtaKortig@jourrapide.com|EMAIL",
      "see https://www.UEarly.se/ for more|https://www.UEarly.se/|URL",
      "card 4111 1111 1111 1111 expired|4111 1111 1111 1111|ACCOUNT",
      "MRN: 00482133 in the chart|00482133|MRN",
      "member id XJ-449812 with Aetna|XJ-449812|ACCOUNT",
      "licence number D1234567 from MVA|D1234567|LICENSE",
      "she is 92 years old|92|AGE",
      "he is ninety four years old|ninety four|AGE",
      "lives at 138 Consul Place with her son|138 Consul Place|ADDRESS",
      "address 1072 Pohlstrasse 9 Suite 858|1072 Pohlstrasse 9 Suite 858|ADDRESS",
      "Baltimore, MD 21204 is home|21204|ZIP",
      "transferred from Calvert Hospital today|Calvert|ORGANIZATION",
      "Her sister lives in Randallstown now|Randallstown|LOCATION",
  })
  void patterns(String text, String expected, PhiType type) {
    assertThat(found(text, type)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "she is 45 years old and feels well",
      "ABG 7.32 - 90 - 77 - 49 - 94%",
      "shift 0700-1930 uneventful",
      "secretions.pt appears comfortable",
      "vent 600x12, peep 5",
      "the patient will see the doctor next week",
      "Hi, doctor. I'm here for pain in my right knee.",
      "thank you, nurse. I've been better",
  })
  void nothingFound(String text) {
    assertThat(DEID.find(text)).isEmpty();
  }
}
