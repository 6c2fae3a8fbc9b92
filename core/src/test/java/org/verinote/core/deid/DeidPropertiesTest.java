package org.verinote.core.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verinote.core.Encounter;
import org.verinote.core.Failure;
import org.verinote.core.NoteStructurer;
import org.verinote.core.PatientContext;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.testkit.ScriptedModelProvider;

/**
 * The de-identification invariants: restore undoes deidentify for any text; no identifier the patient context
 * supplies ever reaches a remote model, over 10,000 generated encounters spliced into real ACI-Bench dialogues
 * (synthetic dialogues when the shared data is absent); tokens never carry identities across encounters.
 */
class DeidPropertiesTest {

  /** A generated patient and the text forms in which it is spliced into a dialogue. */
  record Patient(String given, String family, LocalDate birth, String mrn, String phone) {
    PatientContext context() {
      return PatientContext.builder().givenName(given).familyName(family).birthDate(birth).mrn(mrn).phone(phone)
          .build();
    }
  }

  private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  private static final String[] NON_LATIN = {"Дмитрий", "Σοφία", "王小明", "José", "Zoë", "O'Brien", "Nguyễn",
      "Søren", "Łukasz", "Ōtani"};

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> latin = Combinators.combine(
        Arbitraries.of("b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"),
        Arbitraries.strings().withChars("aeiou").ofLength(1),
        Arbitraries.strings().withChars("bcdfgklmnprstvz").ofLength(1),
        Arbitraries.strings().withChars("aeiouy").ofLength(1),
        Arbitraries.strings().withChars("bcdfgklmnprstvwz").ofMinLength(1).ofMaxLength(2),
        Arbitraries.strings().withChars("aeio").ofMaxLength(1))
        .as((a, b, c, d, e, f) -> a.toUpperCase(Locale.ROOT) + b + c + d + e + f);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, latin), net.jqwik.api.Tuple.of(1,
        Arbitraries.of(NON_LATIN)));
  }

  @Provide
  Arbitrary<Patient> patients() {
    return Combinators.combine(names(), names(),
        Arbitraries.integers().between(0, 365 * 95).map(d -> LocalDate.of(1925, 1, 1).plusDays(d)),
        Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(9),
        Arbitraries.strings().numeric().ofLength(7).map(s -> "4" + s.charAt(0) + "1-" + s.substring(0, 3) + "-"
            + s.substring(3)))
        .as(Patient::new)
        .filter(p -> !p.given().equalsIgnoreCase(p.family()));
  }

  /** The patient's identifiers written the ways people say and type them. */
  static List<String> forms(Patient p) {
    LocalDate b = p.birth();
    String digits = p.phone().replace("-", "");
    return List.of(
        "hi , " + p.given().toLowerCase(Locale.ROOT) + " . good to see you .",
        "so " + p.family().toLowerCase(Locale.ROOT) + "'s knee is better ?",
        "this is " + p.given() + " " + p.family().toUpperCase(Locale.ROOT) + " .",
        "born " + MONTHS[b.getMonthValue() - 1] + " " + b.getDayOfMonth() + " , " + b.getYear() + " .",
        "date of birth " + b.format(DateTimeFormatter.ofPattern("M/d/yyyy")) + " .",
        "my mrn is " + p.mrn() + " .",
        "call me at (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6) + " .",
        "or " + p.phone() + " .");
  }

  @Property(tries = 10_000)
  void outboundPrompt_neverContainsContextIdentifier(@ForAll("patients") Patient p,
      @ForAll("dialogueIndex") int dialogue, @ForAll("spliceSeed") long seed) {
    List<String> turns = excerpt(Dialogues.all().get(dialogue % Dialogues.all().size()), seed);
    List<String> forms = forms(p);
    java.util.Random r = new java.util.Random(seed);
    for (String f : forms) {
      int at = r.nextInt(turns.size() + 1);
      turns.add(at, (r.nextBoolean() ? "[patient] " : "[doctor] ") + f);
    }
    ScriptedModelProvider model = ScriptedModelProvider.builder().remote(true)
        .otherwise("{\"subjective\": \"[PATIENT_1] seen.\"}").build();
    Encounter e = Encounter.builder().tenantId("t").encounterId("e-" + (seed & 0xffff))
        .transcript(Transcript.parse(String.join("\n", turns))).patientContext(p.context()).build();
    StructuringResult result = NoteStructurer.builder().model(model).build().structure(e);

    if (model.calls() == 0) {
      assertThat(result.failure().orElseThrow().code()).isEqualTo(Failure.Code.PHI_EGRESS_REFUSED);
    }
    for (ModelRequest req : model.requests()) {
      String out = req.outboundText();
      String lower = out.toLowerCase(Locale.ROOT);
      for (String part : new String[] {p.given(), p.family()}) {
        assertThat(containsWord(lower, part.toLowerCase(Locale.ROOT))).as("name part leaked").isFalse();
      }
      String digits = p.phone().replace("-", "");
      assertThat(out).doesNotContain(p.mrn(), p.phone(), digits.substring(3, 6) + "-" + digits.substring(6),
          p.birth().format(DateTimeFormatter.ofPattern("M/d/yyyy")));
      assertThat(lower).doesNotContain(MONTHS[p.birth().getMonthValue() - 1] + " " + p.birth().getDayOfMonth()
          + " ,");
    }
  }

  private static boolean containsWord(String text, String word) {
    int from = 0;
    boolean spaced = word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN);
    while (true) {
      int p = text.indexOf(word, from);
      if (p < 0) {
        return false;
      }
      int e = p + word.length();
      if (!spaced || (p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1)))
          && (e == text.length() || !Character.isLetterOrDigit(text.charAt(e)))) {
        return true;
      }
      from = p + 1;
    }
  }

  private static List<String> excerpt(List<String> turns, long seed) {
    int len = Math.min(turns.size(), 8);
    int start = (int) Math.floorMod(seed, (long) (turns.size() - len + 1));
    return new ArrayList<>(turns.subList(start, start + len));
  }

  @Provide
  Arbitrary<Integer> dialogueIndex() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<Long> spliceSeed() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> words = Arbitraries.of("hi", ",", "andrew", "Campbell's", "[PATIENT_1]", "patient_2", "[DATE_1",
        "7/22/2010", "january tenth two thousand nine", "410-555-0199", "dr.", "Okafor", "mrn", "00482133", "\n",
        "jo@clinic.org", "[", "]", "_", "the", "knee", "92 years old", "王小明", "ANDREW", "[ text_1 ]", "www.x.com");
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
        words.list().ofMaxSize(40).map(l -> String.join(" ", l)),
        words.list().ofMaxSize(40).map(l -> String.join("", l)));
  }

  @Property(tries = 2_000)
  void restore_ofDeidentify_isIdentity(@ForAll("anyText") String text, @ForAll("patients") Patient p) {
    PhiVault v = SafeHarborDeIdentifier.standard().open("e", PatientContext.builder().givenName("Andrew")
        .familyName(p.family()).mrn(p.mrn()).build());
    assertThat(v.restore(v.deidentify(text))).isEqualTo(text);
  }

  @Property(tries = 1_000)
  void tokens_neverCarryIdentityAcrossEncounters(@ForAll("patients") Patient a, @ForAll("patients") Patient b) {
    net.jqwik.api.Assume.that(!a.given().equalsIgnoreCase(b.given()) && !a.family().equalsIgnoreCase(b.family())
        && !a.given().equalsIgnoreCase(b.family()) && !a.family().equalsIgnoreCase(b.given()));
    PhiVault va = SafeHarborDeIdentifier.standard().open("enc-a", a.context());
    PhiVault vb = SafeHarborDeIdentifier.standard().open("enc-b", b.context());
    String fromA = va.deidentify(String.join(" ", forms(a)));
    String crossed = vb.restore(fromA).toLowerCase(Locale.ROOT);
    assertThat(containsWord(crossed, a.given().toLowerCase(Locale.ROOT))).isFalse();
    assertThat(containsWord(crossed, a.family().toLowerCase(Locale.ROOT))).isFalse();
    assertThat(crossed).doesNotContain(a.mrn(), a.phone());
  }
}
