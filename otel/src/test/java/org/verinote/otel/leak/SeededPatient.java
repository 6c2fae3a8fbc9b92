package org.verinote.otel.leak;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.verinote.core.PatientContext;

/**
 * Known identifiers for one generated encounter: distinctive, deterministic from the seed, and recorded so that the
 * test can look for every one of them in everything the pipeline emitted.
 */
record SeededPatient(String given, String family, String mrn, String phone, String email, LocalDate birthDate,
    String address) {

  private static final String[] HEADS = {"Zan", "Quor", "Xel", "Vyr", "Jhex", "Kwaz", "Ozr", "Pyx", "Thrax", "Yzm"};
  private static final String[] MIDS = {"ab", "ev", "il", "orv", "ug", "yth", "ax", "eq", "iz", "uv"};
  private static final String[] TAILS = {"ella", "ovic", "andor", "quist", "wyn", "ozzi", "erith", "ulme", "axby",
      "oqua"};

  static SeededPatient generate(long seed) {
    Random r = new Random(seed);
    String given = name(r);
    String family = name(r) + "-" + name(r);
    String mrn = "MRN" + (10_000_000 + r.nextInt(89_999_999));
    String phone = "(617) 555-" + (1000 + r.nextInt(8999));
    String email = given.toLowerCase() + "." + (1000 + r.nextInt(8999)) + "@mail.example";
    LocalDate dob = LocalDate.of(1930 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28));
    String address = (10 + r.nextInt(980)) + " " + name(r) + " Street";
    return new SeededPatient(given, family, mrn, phone, email, dob, address);
  }

  private static String name(Random r) {
    return HEADS[r.nextInt(HEADS.length)] + MIDS[r.nextInt(MIDS.length)] + TAILS[r.nextInt(TAILS.length)];
  }

  String dobSlashed() {
    return birthDate.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
  }

  PatientContext context() {
    return PatientContext.builder().givenName(given).familyName(family).mrn(mrn).phone(phone).email(email)
        .birthDate(birthDate).addressLine(address).build();
  }

  /** Lines to insert into the dialogue: every identifier, spoken. */
  String introTurns() {
    return "[doctor] good morning " + given + " " + family + " , i have your chart here , medical record "
        + mrn + " , date of birth " + dobSlashed() + " .\n"
        + "[patient] yes that's me , you can reach me at " + phone + " or " + email + " , i moved to " + address
        + " .\n";
  }

  /** Every identifier, in every form it was written, plus the bare digits of the MRN and the phone's last part. */
  List<String> secrets() {
    return List.of(given, family, mrn, mrn.substring(3), phone, phone.substring(6), email, birthDate.toString(),
        dobSlashed(), address);
  }
}
