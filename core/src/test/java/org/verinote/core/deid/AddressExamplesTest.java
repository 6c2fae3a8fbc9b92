package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Street addresses in US and international layouts: a lot number before the house number, street words before the
 * name, lower-case street words before the number, post boxes and further USPS suffixes.
 */
class AddressExamplesTest {

  private static final SafeHarborDeIdentifier DEID = SafeHarborDeIdentifier.standard();

  private static List<String> addresses(String text) {
    List<String> out = new ArrayList<>();
    for (PhiSpan s : DEID.find(text)) {
      if (s.type() == PhiType.ADDRESS) {
        out.add(text.substring(s.start(), s.end()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The restaurant is at 17151 2450 Crown St|17151 2450 Crown St",
      "She lives at 86036 Rua do Arenque 1634, Goiania|86036 Rua do Arenque 1634",
      "The bus drops you off at 9383 ul. Chrzanowska 61 today|9383 ul. Chrzanowska 61",
      "send it to Calle Mayor 12 please|Calle Mayor 12",
      "Mail goes to P.O. Box 149 now|P.O. Box 149",
      "mail goes to PO Box 12 now|PO Box 12",
      "Her office: Erzsébet tér 19. on the corner|Erzsébet tér 19.",
      "He moved to Trenerys gate 232 last year|Trenerys gate 232",
      "Write to Piroska u. 97. soon|Piroska u. 97.",
      "Meet me at 420 Gairbekov Rapids tonight|420 Gairbekov Rapids",
      "The office is at 17031 2202 Rissik St Apt. 050|17031 2202 Rissik St Apt. 050",
      "it is the corner of Csabai kapu 39. and Mathias Pass|the corner of Csabai kapu 39. and Mathias Pass",
      "It is on the corner of Main Street and Elm|the corner of Main Street and Elm",
      "Write to 233 Erzsébet tér 19. soon|233 Erzsébet tér 19.",
      "at 370 3911 Fourth Avenue Apt. 397, Mora de Rubielos, Spain 16200, and|370 3911 Fourth Avenue Apt. 397, Mora de Rubielos, Spain 16200",
      "Please return to Unit 4719 Box 7394 DPO AP 70942 soon|Unit 4719 Box 7394 DPO AP 70942",
  })
  void address_isFoundWhole(String text, String expected) {
    assertThat(addresses(text)).anySatisfy(a -> assertThat(a).startsWith(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ZIP: 394 13|394 13",
      "My zip code is 880|880",
      "postcode 7412 SL please|7412 SL",
      "postal code: 3610-114 in Lisbon|3610-114",
  })
  void postalCode_afterExplicitCue_isFoundInAnyLayout(String text, String expected) {
    List<String> zips = new ArrayList<>();
    for (PhiSpan s : DEID.find(text)) {
      if (s.type() == PhiType.ZIP) {
        zips.add(text.substring(s.start(), s.end()));
      }
    }
    assertThat(zips).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "give 3 mg of morphine",
      "5/3 strength in the left arm",
      "sats 98% on room air",
      "took 2 Tylenol Extra Strength 500 mg",
      "walked 200 feet in the hall",
      "Pain 5 Well controlled on 2 Percocet",
      "in the Park 2 times a week",
      "pain at the corner of the mouth and the lip",
      "CXR AP view of the chest",
  })
  void clinicalText_hasNoAddress(String text) {
    assertThat(addresses(text)).isEmpty();
  }
}
