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
  static final int PREFIX_STREET = 1 << 21;
  static final int MILITARY_POST = 1 << 22;
  static final int COUNTRY = 1 << 23;
  static final int SHIP = 1 << 24;
  static final int PARTICLE = 1 << 25;

  static final int TITLE = CLINICIAN_TITLE | PERSON_TITLE;
  static final int ANY_NAME = FIRST | AMBIGUOUS_FIRST | SURNAME;

  /** Open-addressing table (linear probing): no boxing, no entry objects, one array probe per lookup. */
  private static final String[] KEYS;
  private static final int[] VALUES;
  private static final int MASK;

  static {
    Map<String, Integer> flags = new HashMap<>(400_000);
    put(flags, Dictionaries.FIRST_NAMES, FIRST);
    put(flags, Dictionaries.AMBIGUOUS_FIRST_NAMES, AMBIGUOUS_FIRST);
    put(flags, Dictionaries.SURNAMES, SURNAME);
    put(flags, Dictionaries.COMMON_WORDS, COMMON);
    put(flags, Dictionaries.CLINICAL_TERMS, CLINICAL);
    put(flags, Words.STOPWORDS, STOP | COMMON);
    put(flags, Words.CLINICIAN_TITLES, CLINICIAN_TITLE);
    put(flags, Words.PERSON_TITLES, PERSON_TITLE);
    put(flags, Set.of("dr", "doctor", "drs", "prof", "professor", "mr", "mrs", "rabbi", "rev", "reverend", "pastor"),
        STRONG_TITLE);
    put(flags, Words.CREDENTIALS, CREDENTIAL);
    put(flags, Words.RELATIONS, RELATION);
    put(flags, Words.INTRO_CUES, INTRO);
    put(flags, Words.WEAK_INTRO_CUES, WEAK_INTRO);
    put(flags, Words.TRAILING_CUES, TRAILING);
    put(flags, Words.FACILITY_HEADS, FACILITY);
    put(flags, Words.STREET_SUFFIXES, STREET);
    put(flags, Words.UNIT_WORDS, UNIT);
    put(flags, Words.PREFIX_STREETS, PREFIX_STREET);
    put(flags, Words.MILITARY_POST, MILITARY_POST);
    put(flags, Words.COUNTRY_WORDS, COUNTRY);
    put(flags, Words.SHIP_PREFIXES, SHIP);
    put(flags, Words.NAME_PARTICLES, PARTICLE);
    put(flags, Words.MONTHS.keySet(), MONTH);
    put(flags, Words.LIVE_VERBS, LIVE_VERB);
    put(flags, Words.LOCATION_CUES, LOCATION_CUE);
    put(flags, Set.of("mrn", "mr#", "record", "chart", "account", "acct", "member", "policy", "subscriber", "group",
        "medicaid", "medicare", "insurance", "plan", "card", "beneficiary", "license", "licence", "certificate", "dea",
        "npi", "registration", "vin", "plate", "vehicle", "serial", "device", "implant", "pacemaker", "udi", "model",
        "ssn", "security", "pager", "pgr", "pg", "beeper", "bleep", "id", "ref", "reference", "case", "claim",
        "confirmation", "ticket", "badge", "passport"), ID_CUE);
    int capacity = Integer.highestOneBit(flags.size() * 2 - 1) << 1;
    KEYS = new String[capacity];
    VALUES = new int[capacity];
    MASK = capacity - 1;
    for (Map.Entry<String, Integer> e : flags.entrySet()) {
      int slot = spread(e.getKey().hashCode()) & MASK;
      while (KEYS[slot] != null) {
        slot = (slot + 1) & MASK;
      }
      KEYS[slot] = e.getKey();
      VALUES[slot] = e.getValue();
    }
  }

  private Lexicon() {}

  private static void put(Map<String, Integer> flags, Set<String> words, int flag) {
    for (String w : words) {
      flags.merge(w, flag, (a, b) -> a | b);
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /**
   * The slot of the ASCII word {@code text[s, e)} read in lower case, without building the lower-cased string.
   *
   * @return the slot, or -1 when the word is in no category
   */
  static int slot(String text, int s, int e) {
    int h = 0;
    for (int p = s; p < e; p++) {
      h = 31 * h + asciiLower(text.charAt(p));
    }
    int slot = spread(h) & MASK;
    int len = e - s;
    String k;
    while ((k = KEYS[slot]) != null) {
      if (k.length() == len && sameLower(k, text, s)) {
        return slot;
      }
      slot = (slot + 1) & MASK;
    }
    return -1;
  }

  /** The word in {@code slot}, lower case (shared: no copy per token). */
  static String word(int slot) {
    return KEYS[slot];
  }

  /** The flags of the word in {@code slot}. */
  static int flagsAt(int slot) {
    return VALUES[slot];
  }

  private static boolean sameLower(String key, String text, int s) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) != asciiLower(text.charAt(s + i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * The flags of a lower-cased word.
   *
   * @param lower the word, lower case
   * @return its categories, 0 when it is in none
   */
  static int flags(String lower) {
    int slot = spread(lower.hashCode()) & MASK;
    String k;
    while ((k = KEYS[slot]) != null) {
      if (k.equals(lower)) {
        return VALUES[slot];
      }
      slot = (slot + 1) & MASK;
    }
    return 0;
  }
}
