package org.verinote.core.deid;

import java.util.List;

/**
 * Geographic units smaller than a state and facilities: street addresses (their shapes are in {@link AddressShapes}),
 * zip codes after a state, hospital and clinic names before "Hospital"/"Memorial"/"Rehab", hospital acronyms and
 * wards by their shape, and places after "lives in", "transferred from"…
 */
final class LocationRecognizer extends TokenRecognizer {

  LocationRecognizer() {
    super("locations");
  }

  @Override
  void scan(TextView v, List<PhiSpan> out) {
    int i = 0;
    while (i < v.size) {
      int next = at(v, i, out);
      i = Math.max(i + 1, next);
    }
  }

  private int at(TextView v, int i, List<PhiSpan> out) {
    int addr = AddressShapes.address(v, i);
    if (addr >= i) {
      int e = AddressShapes.block(v, addr);
      addBlock(v, AddressShapes.intersectionStart(v, i), e, 0.85, out);
      return e + 1;
    }
    if (AddressShapes.addressCue(v, i)) {
      int s = i + 1;
      while (v.isPunct(s, ':') || v.is(s, "is") || v.is(s, "at") || v.is(s, "to") || v.isPunct(s, '-')) {
        s++;
      }
      s = AddressShapes.addressLine(v, s);
      if (s < v.size && (v.kind[s] == TextView.NUMBER || v.isCapitalized(s) && !v.has(s, Lexicon.STOP))) {
        int a = AddressShapes.address(v, s);
        int e = AddressShapes.block(v, Math.max(s, a));
        if (e > s || v.kind[s] == TextView.NUMBER) {
          addBlock(v, s, e, a >= s ? 0.85 : 0.75, out);
          return e + 1;
        }
      }
    }
    if (v.kind[i] == TextView.NUMBER && v.length(i) >= 3 && v.length(i) <= 6 && AddressShapes.zipCue(v, i)) {
      // "ZIP: 394 13", "zip code is 880", "postcode 7412 SL", "3610-114": any national layout after an explicit cue
      int e = i;
      if (v.isPunct(i + 1, '-') && v.adjacent(i) && v.isNumber(i + 2) && v.length(i + 2) <= 4) {
        e = i + 2;
      } else if (i + 1 < v.size && !v.newlineBefore(i + 1) && (v.isNumber(i + 1) && v.length(i + 1) <= 4
          || v.isWord(i + 1) && v.length(i + 1) == 2 && v.isAllUpper(i + 1))) {
        e = i + 1;
      }
      add(out, v, i, e, PhiType.ZIP, 0.85);
      return e + 1;
    }
    int placeZip = AddressShapes.placeZip(v, i);
    if (placeZip >= i) {
      add(out, v, i, placeZip, PhiType.ZIP, 0.8);
      return placeZip + 1;
    }
    if (v.kind[i] == TextView.NUMBER && (v.length(i) == 5 || v.length(i) == 4) && AddressShapes.zipContext(v, i)) {
      int e = i;
      if (v.isPunct(i + 1, '-') && v.adjacent(i) && v.isNumber(i + 2) && v.length(i + 2) == 4) {
        e = i + 2;
      }
      add(out, v, i, e, PhiType.ZIP, 0.85);
      return e + 1;
    }
    int ward = ward(v, i);
    if (ward >= i) {
      add(out, v, i, ward, PhiType.LOCATION, 0.75);
      return ward + 1;
    }
    if (v.kind[i] != TextView.WORD) {
      return i + 1;
    }
    if (hospitalAcronym(v, i)) {
      add(out, v, i, i, PhiType.ORGANIZATION, 0.6);
      return i + 1;
    }
    if (v.is(i, "corner") && v.is(i + 1, "of")) {
      int e = AddressShapes.corner(v, i + 2);
      if (e > i + 2) {
        add(out, v, v.is(i - 1, "the") ? i - 1 : i, e, PhiType.ADDRESS, 0.85);
        return e + 1;
      }
    }
    if (v.has(i, Lexicon.FACILITY) && i > 0) {
      int s = facilityStart(v, i);
      if (s >= 0) {
        // "Memorial" is part of the name ("Union Memorial"); "Hospital" is not
        add(out, v, s, v.is(i, "memorial") ? i : i - 1, PhiType.ORGANIZATION, 0.75);
      }
      return i + 1;
    }
    int u = university(v, i);
    if (u > i) {
      add(out, v, i, u, PhiType.ORGANIZATION, 0.75);
      return u + 1;
    }
    int saint = saintName(v, i);
    if (saint > i) {
      add(out, v, i, saint, PhiType.ORGANIZATION, 0.7);
      return saint + 1;
    }
    if (v.has(i, Lexicon.LOCATION_CUE) && (placeCue(v, i) || townWord(v, i + 1))) {
      int j = i + 1;
      if (v.is(j, "the")) {
        j++;
      }
      int a = j < v.size ? AddressShapes.address(v, j) : -1;
      if (a >= j) {
        int e = AddressShapes.block(v, a);
        addBlock(v, j, e, 0.85, out);
        return e + 1;
      }
      int w = ward(v, j);
      if (w >= j) {
        add(out, v, j, w, PhiType.LOCATION, 0.75);
        return w + 1;
      }
      if (saintName(v, j) > j) {
        return j; // "went to Holy Cross": the saint's-name rule takes it
      }
      if (placeWord(v, j) || facilityAcronym(v, j) || townWord(v, j)) {
        int e = j;
        while (e + 1 < v.size && e - j < 2 && placeWord(v, e + 1) && !v.newlineBefore(e + 1)) {
          e++;
        }
        if (v.has(e, Lexicon.FACILITY) || v.has(e + 1, Lexicon.FACILITY)) {
          return j; // the facility rule takes it
        }
        add(out, v, j, e, PhiType.LOCATION, 0.6);
        return e + 1;
      }
    }
    return i + 1;
  }

  /** Words that make a number after a name a dose or a measurement, not a ward or floor ("on propofol 20 mcg"). */
  private static final java.util.Set<String> MEASURE = java.util.Set.of("mg", "mcg", "g", "gm", "gms", "gram",
      "grams", "ml", "cc", "cc's", "l", "lpm", "units", "unit", "u", "meq", "mmol", "mmhg", "hr", "hrs", "h",
      "hours", "hour", "min", "mins", "minutes", "days", "day", "weeks", "kg", "lb", "lbs", "percent", "x", "mm", "cm",
      "liters", "litres", "puffs", "tabs", "tablets", "doses", "mcq", "ng", "iu");

  /**
   * A ward or unit named after a building or a benefactor: "transfer to Quartermain 2", "intubated on WEST 4",
   * "admitted to QUARTERMAIN7" — a word no dictionary knows, right after "to"/"on", followed by a floor number
   * (1–19) that is not a dose or a rate. Returns the ward name's token (the number is not part of it), or -1.
   */
  private static int ward(TextView v, int i) {
    if (!(v.is(i - 1, "to") || v.is(i - 1, "on")) || i >= v.size) {
      return -1;
    }
    if (v.kind[i] == TextView.ALNUM) {
      // "QUARTERMAIN7": letters then one or two digits, glued
      int p = v.start[i];
      int q = v.end[i];
      int d = q;
      while (d > p && Character.isDigit(v.text.charAt(d - 1))) {
        d--;
      }
      if (q - d < 1 || q - d > 2 || d - p < 5 || v.text.charAt(d) == '0') {
        return -1;
      }
      for (int k = p; k < d; k++) {
        if (!Character.isLetter(v.text.charAt(k))) {
          return -1;
        }
      }
      if (Lexicon.flags(v.text.substring(p, d).toLowerCase(java.util.Locale.ROOT)) != 0) {
        return -1;
      }
      return wardName(v, i) ? i : -1;
    }
    if (!v.isWord(i) || v.length(i) < 5 || (v.flags(i) & ~(Lexicon.FIRST | Lexicon.SURNAME)) != 0
        || !wardName(v, i)) {
      return -1;
    }
    int n = i + 1;
    if (!v.isNumber(n) || v.text.charAt(v.start[n]) == '0' || v.intValue(n) > 19 || v.newlineBefore(n)
        || v.start[n] - v.end[i] > 1) {
      return -1;
    }
    if (n + 1 < v.size && !v.newlineBefore(n + 1) && (v.isPunct(n + 1, '.') && v.isNumber(n + 2) && v.adjacent(n + 1)
        || v.isPunct(n + 1, '/') || v.isPunct(n + 1, '%') || v.isPunct(n + 1, '-') && v.isNumber(n + 2)
        || v.isWord(n + 1) && MEASURE.contains(v.lower(n + 1)))) {
      return -1;
    }
    return i; // the floor number alone identifies nobody
  }

  /**
   * The case of a ward name: capitalised in mixed-case text (or any case right after "transfer to"), anything in
   * all-caps or all-lower text.
   */
  private static boolean wardName(TextView v, int i) {
    return v.style != TextView.Style.MIXED || v.isCapitalized(i) || v.is(i - 1, "to") && v.has(i - 2, Lexicon.LIVE_VERB);
  }

  /** Hospital-name endings of acronyms: "GH", "MGH", "VAMC", "BIDMC", "UMMC" (hospital, medical center). */
  private static final java.util.Set<String> HOSPITAL_NEXT = java.util.Set.of("er", "ew", "ed", "cath", "ccu",
      "icu", "micu", "sicu", "ctu", "csru", "emergency", "attorneys", "er's");

  /**
   * A hospital by the shape of its acronym: an all-capital word of two to four letters that no dictionary knows (and no state code),
   * ending in "H" (hospital) or "MC" (medical center), after "to"/"at"/"from"/"in"/"@" or before "ER", "EW", "cath
   * lab", "ICU": "brought to GH ER", "at VAMC", "retired from GH". Lower-case text qualifies when the whole text is
   * lower-case.
   */
  private static boolean hospitalAcronym(TextView v, int i) {
    int len = v.length(i);
    if (len < 2 || len > 4 || v.flags(i) != 0 || len == 2 && Words.STATE_CODES.contains(v.lower(i))) {
      return false;
    }
    String w = v.lower(i);
    if (!(w.endsWith("h") || w.endsWith("mc") || w.endsWith("hc"))) {
      return false;
    }
    boolean before = v.is(i - 1, "to") || v.is(i - 1, "at") || v.is(i - 1, "from") || v.is(i - 1, "in")
        || v.isPunct(i - 1, '@') || v.is(i - 1, "leave");
    boolean after = i + 1 < v.size && !v.newlineBefore(i + 1) && v.isWord(i + 1)
        && HOSPITAL_NEXT.contains(v.lower(i + 1));
    if (!v.isAllUpper(i) && !(v.text.regionMatches(v.start[i], w, 0, len)
        && (v.style == TextView.Style.LOWER || before && !v.is(i - 1, "in")))) {
      return false; // "GH" anywhere; "gh" in lower-case text, or after "to"/"at"/"from" in mixed-case text
    }
    return before || after;
  }

  /**
   * "University of Maryland", "U OF MD": a university named after its place. Returns the last place token, or -1.
   */
  private static int university(TextView v, int i) {
    if (!(v.is(i, "university") || v.is(i, "univ") || v.is(i, "u") && v.isAllUpper(i)) || !v.is(i + 1, "of")) {
      return -1;
    }
    int e = -1;
    for (int k = i + 2; k < i + 4 && k < v.size && !v.newlineBefore(k); k++) {
      boolean state = v.isWord(k) && v.length(k) == 2 && v.isAllUpper(k) && Words.STATE_CODES.contains(v.lower(k));
      if (!state && (!v.isWord(k) || v.has(k, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.FACILITY)) || v.is(k, "med")
          || v.style == TextView.Style.MIXED && !v.isCapitalized(k) && e >= 0) {
        break;
      }
      e = k;
    }
    return e;
  }

  /**
   * "to St. Mary's", "at Holy Cross", "from Saint Agnes": a saint's name after a place preposition names a
   * facility. Returns the last token, or -1.
   */
  private static int saintName(TextView v, int i) {
    if (!(v.is(i, "st") || v.is(i, "saint") || v.is(i, "holy")) || !(v.is(i - 1, "to") || v.is(i - 1, "at")
        || v.is(i - 1, "from") || v.is(i - 1, "in") || v.isPunct(i - 1, '@'))) {
      return -1;
    }
    if (v.style == TextView.Style.MIXED && !v.isCapitalized(i)) {
      return -1;
    }
    int j = v.isPunct(i + 1, '.') && v.adjacent(i) ? i + 2 : i + 1;
    if (v.is(i, "holy") && v.isWord(j) && !v.newlineBefore(j) && !v.has(j, Lexicon.STOP | Lexicon.MONTH)) {
      return j; // "Holy Cross", "Holy Family", "Holy Spirit"
    }
    if (!v.isWord(j) || v.newlineBefore(j) || v.has(j, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.MONTH)
        || v.style == TextView.Style.MIXED && !v.isCapitalized(j)) {
      return -1;
    }
    if (v.isPunct(j + 1, '\'') && v.adjacent(j) && v.is(j + 2, "s") && v.adjacent(j + 1)) {
      return j + 2; // "Mary's"
    }
    return j;
  }

  /**
   * A town by the shape of its name after "in", "from", "of", "near", "to": "Catonsville", "Reisterstown",
   * "Rockport", "Towson" — common US place-name endings on a word no dictionary knows as an English word.
   */
  private static boolean townWord(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 6 || v.has(j, Lexicon.STOP | Lexicon.COMMON | Lexicon.CLINICAL
        | Lexicon.MONTH | Lexicon.TITLE | Lexicon.RELATION)) {
      return false;
    }
    if (v.style == TextView.Style.MIXED && !v.isCapitalized(j)) {
      return false;
    }
    String w = v.lower(j);
    for (String end : Words.TOWN_ENDINGS) {
      if (w.endsWith(end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds an address block and, when the line right after it starts with a phone number, that number too: the phone
   * recognizer needs a national layout or a cue, but a number line closing an address block is the block's own
   * contact line ("Portugal 30971 / 21 253 109 8211-Office").
   */
  private void addBlock(TextView v, int s, int e, double confidence, List<PhiSpan> out) {
    add(out, v, s, e, PhiType.ADDRESS, confidence);
    int n = e + 1;
    if (n < v.size && v.newlineBefore(n)) {
      int p = AddressShapes.phoneLineEnd(v, n);
      if (p >= n) {
        add(out, v, v.isPunct(n, '(') || v.isPunct(n, '+') ? n + 1 : n, p, PhiType.PHONE, 0.8);
      }
    }
  }

  /** "lives in", "from", "transferred to": a cue for a place. */
  private static boolean placeCue(TextView v, int i) {
    String w = v.lower(i);
    if (v.has(i - 1, Lexicon.LIVE_VERB) || w.equals("to") && v.is(i - 1, "back")
        || w.equals("in") && v.is(i - 1, "home")) {
      return true; // "transferred to", "back to", "found in his home in Milford"
    }
    if (w.equals("from") && v.style != TextView.Style.LOWER) {
      return true;
    }
    return v.style == TextView.Style.MIXED && (w.equals("in") || w.equals("near") || w.equals("from"));
  }

  /** "transferred to GH", "sent to VAMC": a short acronym right after a transfer verb names a facility. */
  private static boolean facilityAcronym(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 2 || v.length(j) > 5 || !v.has(j - 2, Lexicon.LIVE_VERB)) {
      return false;
    }
    if (v.has(j, Lexicon.STOP | Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.MONTH | Lexicon.TITLE)) {
      return false;
    }
    return v.style == TextView.Style.LOWER || v.isAllUpper(j);
  }

  private static boolean placeWord(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 3) {
      return false;
    }
    if (v.has(j, Lexicon.STOP | Lexicon.MONTH | Lexicon.TITLE | Lexicon.COMMON | Lexicon.RELATION
        | Lexicon.CLINICAL)) {
      return false;
    }
    if (v.style == TextView.Style.MIXED) {
      return v.isCapitalized(j) && !(v.isAllUpper(j) && v.length(j) <= 4);
    }
    return true;
  }

  private static int facilityStart(TextView v, int head) {
    int s = -1;
    int j = head - 1;
    for (int k = 0; k < 3 && j >= 0; k++, j--) {
      if (!v.isWord(j) || v.newlineBefore(j + 1) && j + 1 != head) {
        break;
      }
      String w = v.lower(j);
      boolean ok;
      if ((w.equals("memorial") || w.equals("med")) && j + 1 == head) {
        ok = true; // "Harford Memorial Hospital"
      } else if (v.has(j, Lexicon.STOP | Lexicon.FACILITY | Lexicon.CLINICAL | Lexicon.TITLE | Lexicon.MONTH)) {
        ok = w.equals("of") && s >= 0 && j > 0 && v.isWord(j - 1);
      } else if (v.style == TextView.Style.MIXED) {
        ok = v.isCapitalized(j) && !(v.isAllUpper(j) && v.length(j) <= 3);
      } else {
        ok = !v.has(j, Lexicon.COMMON) || v.has(j, Lexicon.ANY_NAME) || w.equals("holy") || w.equals("saint");
      }
      if (!ok) {
        break;
      }
      s = j;
    }
    if (s >= 0 && v.is(s, "of")) {
      s++;
    }
    if (s > 1 && v.isPunct(s - 1, '.') && v.is(s - 2, "st") && v.adjacent(s - 2) || s > 0 && v.is(s - 1, "saint")) {
      s = v.is(s - 1, "saint") ? s - 1 : s - 2; // "St. Mary Hospital"
    }
    return s >= 0 && s < head ? s : -1;
  }
}
