package org.verinote.core.deid;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every word the built-in recognizers care about, with its categories as bit flags: one hash lookup per token
 * answers all the questions the recognizers ask about it. Immutable after class initialisation; thread-safe.
 */
final class Lexicon {

  static final int STOP = 1;
  static final int CLINICIAN_TITLE = 1 << 1;
  static final int PERSON_TITLE = 1 << 2;
  static final int CREDENTIAL = 1 << 3;
  static final int RELATION = 1 << 4;
  static final int INTRO = 1 << 5;
  static final int TRAILING = 1 << 6;
  static final int FACILITY = 1 << 7;
  static final int STREET = 1 << 8;
  static final int UNIT = 1 << 9;
  static final int MONTH = 1 << 10;
  static final int COMMON = 1 << 11;
  static final int FIRST = 1 << 12;
  static final int AMBIGUOUS_FIRST = 1 << 13;
  static final int SURNAME = 1 << 14;
  static final int CLINICAL = 1 << 15;
  static final int LIVE_VERB = 1 << 16;
  static final int LOCATION_CUE = 1 << 17;
  static final int STRONG_TITLE = 1 << 18;
  static final int ID_CUE = 1 << 19;
  static final int WEAK_INTRO = 1 << 20;

  static final int TITLE = CLINICIAN_TITLE | PERSON_TITLE;
  static final int ANY_NAME = FIRST | AMBIGUOUS_FIRST | SURNAME;

  private static final Map<String, Integer> FLAGS = new HashMap<>(400_000);

  static {
    put(Dictionaries.FIRST_NAMES, FIRST);
    put(Dictionaries.AMBIGUOUS_FIRST_NAMES, AMBIGUOUS_FIRST);
    put(Dictionaries.SURNAMES, SURNAME);
    put(Dictionaries.COMMON_WORDS, COMMON);
    put(Dictionaries.CLINICAL_TERMS, CLINICAL);
    put(Words.STOPWORDS, STOP | COMMON);
    put(Words.CLINICIAN_TITLES, CLINICIAN_TITLE);
    put(Words.PERSON_TITLES, PERSON_TITLE);
    put(Set.of("dr", "doctor", "drs", "prof", "professor", "mr", "mrs", "rabbi", "rev", "reverend", "pastor"),
        STRONG_TITLE);
    put(Words.CREDENTIALS, CREDENTIAL);
    put(Words.RELATIONS, RELATION);
    put(Words.INTRO_CUES, INTRO);
    put(Words.WEAK_INTRO_CUES, WEAK_INTRO);
    put(Words.TRAILING_CUES, TRAILING);
    put(Words.FACILITY_HEADS, FACILITY);
    put(Words.STREET_SUFFIXES, STREET);
    put(Words.UNIT_WORDS, UNIT);
    put(Words.MONTHS.keySet(), MONTH);
    put(Words.LIVE_VERBS, LIVE_VERB);
    put(Words.LOCATION_CUES, LOCATION_CUE);
    put(Set.of("mrn", "mr#", "record", "chart", "account", "acct", "member", "policy", "subscriber", "group",
        "medicaid", "medicare", "insurance", "plan", "card", "beneficiary", "license", "licence", "certificate", "dea",
        "npi", "registration", "vin", "plate", "vehicle", "serial", "device", "implant", "pacemaker", "udi", "model",
        "ssn", "security", "pager", "pgr", "pg", "beeper", "bleep", "id", "ref", "reference", "case", "claim",
        "confirmation", "ticket", "badge", "passport"), ID_CUE);
  }

  private Lexicon() {}

  private static void put(Set<String> words, int flag) {
    for (String w : words) {
      FLAGS.merge(w, flag, (a, b) -> a | b);
    }
  }

  static int flags(String lower) {
    Integer f = FLAGS.get(lower);
    return f == null ? 0 : f;
  }
}
