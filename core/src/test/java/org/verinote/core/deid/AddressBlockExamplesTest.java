package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole address blocks: the lines after the street (unit, city with its particles, region code, a missing region
 * exported as "nan", country, postal code) belong to the address; a phone line ends it. Also the first and last
 * lines of military addresses, streets named after "lives on", crossings ("Elm and 42 Oak Street") and postal codes
 * after a place named after "in".
 */
class AddressBlockExamplesTest {

  private static final SafeHarborDeIdentifier DEID = SafeHarborDeIdentifier.standard();

  private static List<String> found(String text, PhiType type) {
    List<String> out = new ArrayList<>();
    for (PhiSpan s : DEID.find(text.replace("\\n", "\n"))) {
      if (s.type() == type) {
        out.add(text.replace("\\n", "\n").substring(s.start(), s.end()).replace("\n", "\\n"));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // region code after a comma, country line, postal code
      "Ship it to 6750 Mannerheimintie 25 Apt. 8\\nEspoo\\n, ES\\n Finland 02100 today|6750 Mannerheimintie 25 Apt. 8\\nEspoo\\n, ES\\n Finland 02100",
      // the export's "nan" for a missing region
      "The office is at 12 Dalmatinova 43 Apt. 6 Celje nan|12 Dalmatinova 43 Apt. 6 Celje nan",
      "Send it to 31 Koskikatu 5\\nTURKU\\n, nan\\n 20100 please|31 Koskikatu 5\\nTURKU\\n, nan\\n 20100",
      // a region code between a city and its postal code
      "Mrs. Jane Roe Apt. 6 62314 Mellemvej 32\\nOdense NO 5000|Apt. 6 62314 Mellemvej 32\\nOdense NO 5000",
      // a region code after a city in capitals
      "I once lived in 416 Hämeenkatu 98 Apt. 9 TAMPERE PI. Now elsewhere|416 Hämeenkatu 98 Apt. 9 TAMPERE PI",
      // particles inside a place name, a two-word country
      "Write to 50 Karlova 12\\n Suite 4\\n Ústí nad Labem\\n Czech Republic 40001|50 Karlova 12\\n Suite 4\\n Ústí nad Labem\\n Czech Republic 40001",
      // a parenthesised note after the country
      "The address is 7 Kennedy Avenue 14\\n Suite 2\\n Nicosia\\n Cyprus (Greek) 1075|7 Kennedy Avenue 14\\n Suite 2\\n Nicosia\\n Cyprus (Greek) 1075",
      // lower-case text: particle between place words, country
      "address: 947 trg svobode 17 apt. 8 kranjska na gorenjskem slovenia.|947 trg svobode 17 apt. 8 kranjska na gorenjskem slovenia",
  })
  void addressBlock_isFoundToItsLastLine(String text, String expected) {
    assertThat(found(text, PhiType.ADDRESS)).contains(expected);
  }

  @Test
  void addressBlock_withBulletedLines_takesEveryLine() {
    String text = "??? Freja Holm\\n??? 83854 Strickstrasse 61\\n??? Suite 292\\n??? Zuoz\\n??? Switzerland 7524";

    assertThat(found(text, PhiType.ADDRESS)).containsExactly(
        "83854 Strickstrasse 61\\n??? Suite 292\\n??? Zuoz\\n??? Switzerland 7524");
  }

  @Test
  void addressBlock_withPossessivePlaceName_continuesPastIt() {
    String text = "Send the card to 9858 92 Hounslow Rd\\n Suite 603\\n SMITH'S GREEN\\n United Kingdom?";

    assertThat(found(text, PhiType.ADDRESS)).containsExactly(
        "9858 92 Hounslow Rd\\n Suite 603\\n SMITH'S GREEN\\n United Kingdom");
  }

  @Test
  void addressBlock_followedByPhoneLine_endsBeforeThePhone() {
    String text = "Jane Roe\\n\\n3536 1659 Oak St\\n Apt. 83\\n Springfield\\n South Africa 70651\\n082 490 1693-Office";

    assertThat(found(text, PhiType.ADDRESS)).containsExactly("3536 1659 Oak St\\n Apt. 83\\n Springfield\\n South Africa 70651");
    assertThat(found(text, PhiType.PHONE)).containsExactly("082 490 1693");
  }

  @Test
  void numberLineClosingAnAddressBlock_isAPhoneEvenWithoutANationalLayout() {
    String text = "Lara Roe\n\n3247 Rua Igreja 25\n Apt. 236\n Ribeirao\n Portugal 30971\n21 253 109 8211-Office";

    assertThat(found("21 253 109 8211", PhiType.PHONE)).as("alone, without a cue, the layout is not a phone").isEmpty();
    assertThat(found(text, PhiType.PHONE)).containsExactly("21 253 109 8211");
  }

  @Test
  void greekAddress_withIncrementSignForDelta_isOneBlock() {
    String text = "The address is 928 Λ. Κηφισίας 14\\n Suite 11\\n ΧΑΝ\u2206ΡΙΑ\\n Cyprus (Greek) 5103";

    assertThat(found(text, PhiType.ADDRESS)).containsExactly("928 Λ. Κηφισίας 14\\n Suite 11\\n ΧΑΝ\u2206ΡΙΑ\\n Cyprus (Greek) 5103");
  }

  @Test
  void nonLatinStreetName_betweenTwoNumbers_isAnAddress() {
    assertThat(found("where should we send it? user: 0605 κηφισίας 210 apt. 9", PhiType.ADDRESS))
        .containsExactly("0605 κηφισίας 210 apt. 9");
  }

  @Test
  void addressCue_withNameLine_startsTheAddressOnTheNextLine() {
    String text = "Billing address: Jane Roe\\n    28245 Hauptstrasse 82 Apt. 5\\n   BERLIN\\n    BE\\n    10115";

    assertThat(found(text, PhiType.ADDRESS)).containsExactly("28245 Hauptstrasse 82 Apt. 5\\n   BERLIN\\n    BE\\n    10115");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The address of the unit is USNS Comfort\\nFPO AE 09567|USNS Comfort\\nFPO AE 09567",
      "it is uscgc healy\\nfpo ae 44941?|uscgc healy\\nfpo ae 44941",
      "address:     unit 2050 box 4190\\ndpo ap 96278|unit 2050 box 4190\\ndpo ap 96278",
  })
  void militaryAddress_isFoundFromItsFirstLine(String text, String expected) {
    assertThat(found(text, PhiType.ADDRESS)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "Maria lives on Via dei Mille 12.|Via dei Mille 12",
      "The bus station is on Pod Vinicemi 1677|Pod Vinicemi 1677",
      "Pedestrians must enter on Hoge Weide 32 St. at the back|Hoge Weide 32",
      "It is at 31 rue de la Paix, Paris|31 rue de la Paix",
      "Meet me at 479 95 Avenue des Champs Apt. 8 tonight|479 95 Avenue des Champs Apt. 8",
      "The title refers to C/ Mayor Alta 88 street in Toledo|C/ Mayor Alta 88",
      "The office is at 9243 Avenue d'Ouchy 109 Apt. 7, Lausanne|9243 Avenue d'Ouchy 109 Apt. 7",
      "Verda lives on 33 avenue de Provence street.|33 avenue de Provence",
      "I now live in 6570 Jiřího z Poděbrad 1874 Apt. 8|6570 Jiřího z Poděbrad 1874 Apt. 8",
      "Marisa Alves\\n09457 Vana-Viru 25 Apt. 9\\nTallinn|09457 Vana-Viru 25 Apt. 9",
      "The bus drops you off at 518 Árpád fejedelem útja 62. St.|518 Árpád fejedelem útja 62.",
      "It is at Merineitsi põik 87 in Tartu|Merineitsi põik 87",
      "Send it to Ilmalankuja 82, Pori|Ilmalankuja 82",
      "these early shows on Berg Hills Street were important|Berg Hills Street",
  })
  void streetName_inEuropeanLayouts_isFound(String text, String expected) {
    assertThat(found(text, PhiType.ADDRESS)).anySatisfy(a -> assertThat(a).startsWith(expected));
  }

  @Test
  void crossing_nameAndStreet_startsAtTheName() {
    assertThat(found("Please return it to Leon and Hersnapvej 75 in case of an issue.", PhiType.ADDRESS))
        .containsExactly("Leon and Hersnapvej 75");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "We support the clinic in Bjerringbro 8850 in its mission|8850",
      "Our office in ÖVERUM 590 96 in its mission|590 96",
      "A branch in Quinta do Anjo 2950-697, opened|2950-697",
  })
  void postalCode_afterPlaceNamedAfterIn_isZip(String text, String expected) {
    assertThat(found(text, PhiType.ZIP)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "bp 110-130/60 via r rad aline. inr 2.1",
      "multiple prbc's given via level 1. returned to o.r.",
      "SVR 1058 C.O. 4.46 and C.I. 2.07",
      "He is on Lasix 40.",
      "She lives on Social Security 1200.",
      "He moved in Boston 2015, then left",
      "Seen in March 2019, and again",
      "take 2 via mouth 3 times a day",
      "My nan came to visit 3 days ago",
      "STILL C/O PAIN 5-9 OUT OF 10",
      "Much improved from cath lab. C/O 5.6/67. Nipride was begun",
      "ENCOURAGED TO C/DB Q 1-2 HRS. COUGHING",
      "BP 82-116/30-60 via NBP. Urine output dropped",
  })
  void clinicalText_hasNoAddressOrZip(String text) {
    assertThat(found(text, PhiType.ADDRESS)).isEmpty();
    assertThat(found(text, PhiType.ZIP)).isEmpty();
  }
}
