package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Facilities and towns without a street: "Memorial" names, universities named after a place, saints' names after a
 * place preposition, and towns recognised by the shape of their name after "in", "from", "of".
 */
class FacilityExamplesTest {

  private static final SafeHarborDeIdentifier DEID = SafeHarborDeIdentifier.standard();

  private static List<String> places(String text) {
    List<String> out = new ArrayList<>();
    for (PhiSpan s : DEID.find(text)) {
      out.add(text.substring(s.start(), s.end())); // a town may also be taken as a surname: either way it goes
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "PT WAS ADMITTED TO FREDERICK MEMORIAL FOR VFIB ARREST|FREDERICK MEMORIAL",
      "he works as an aide at Harford Memorial Hospital.|Harford Memorial",
      "Pt was taken to Memorial Hospital for a CT.|Memorial",
      "Pt received from University of Maryland hospital.|University of Maryland",
      "PRESENTED TO U OF MD MED CENTER ON ARRIVAL|U OF MD",
      "?transfer to St. Mary's tomorrow|St. Mary's",
      "had a heart transplant at Holy Cross. He is well.|Holy Cross",
      "WEAKNESS AND WENT TO HOLY CROSS WITH FEVER|HOLY CROSS",
      "PT FOUND IN HIS HOME IN MILFORD MILL BY EMS|MILFORD",
      "She went via ambulance to St. Mary Hospital. She received|St. Mary",
      "MedFlight from Greater Baltimore Med Ctr for further care|Greater Baltimore Med",
      "her nephew of Towson visited today.|Towson",
      "he lives nearby in rockport and will come later|rockport",
      "She lives in Catonsville with her husband.|Catonsville",
      "pt to quartermain 3 this am.|quartermain",
      "INTUBATED ON QUARTERMAIN 2 FOR ACUTE RESP FAILURE|QUARTERMAIN",
      "ADMITTED TO QUARTERMAIN7 W/ CHF|QUARTERMAIN7",
      "Plan: transfer to westbrook 4 today.|westbrook",
      "brought to vamc by ems|vamc",
      "PT BROUGHT TO MGH ER FOR CP|MGH",
      "RETIRED FROM GBMC LAST YEAR|GBMC",
  })
  void place_isFound(String text, String expected) {
    assertThat(places(text)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sats 98% on room air",
      "give 3 mg of morphine in the morning",
      "pain in the bottom of the foot",
      "a long history of diabetes from childhood",
      "good air movement in both bases",
      "the University of the patient's choice",
      "on meds, center line in place",
      "OOB TO CH FOR MOST OF DAY",
      "WENT HOME TO NH TONIGHT",
      "Pt was started on Propofol 20 mcg/kg/min",
      "titrated to Levophed 12 mcg",
      "placed on Bipap 10/5",
      "transfer to unit 2 today",
      "sent to floor 4 after lunch",
      "on supplemental 02 via nc",
      "converted to junctional 60 overnight",
      "PT WAS IN USOH UNTIL 8/23",
  })
  void clinicalText_hasNoPlace(String text) {
    assertThat(places(text)).noneMatch(p -> !p.contains("/"));
  }

  @org.junit.jupiter.api.Test
  void facilityFoundOnce_isFoundWhereverItRecursWithoutACue() {
    String text = "Transferred to GH for care. At GH EW he remained intubated. GH attorneys will review. gh is lower.";
    assertThat(places(text)).containsExactly("GH", "GH", "GH");
  }

  @org.junit.jupiter.api.Test
  void wardFoundOnce_isFoundInAnyCaseLaterInTheText() {
    String text = "transfer to Westbrook 2 today. Team from WESTBROOK/CCU aware; westbrook bed ready.";
    assertThat(places(text)).containsExactly("Westbrook", "WESTBROOK", "westbrook");
  }

  @org.junit.jupiter.api.Test
  void weakPlaceCue_seedsNoPropagation() {
    // "returned from angio" is taken as a place by the weakest cue; that guess must not spread through the note
    String text = "pt returned from angio at noon. angio report pending.";
    assertThat(places(text)).doesNotContain("angio report");
    assertThat(places(text).stream().filter("angio"::equals).count()).isLessThanOrEqualTo(1);
  }
}
