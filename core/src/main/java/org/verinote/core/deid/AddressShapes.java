package org.verinote.core.deid;

/**
 * The shapes of street addresses, address blocks and postal codes, for {@link LocationRecognizer}: US and European
 * street layouts, unit and military post lines, the lines of an address block (region codes, countries, particles,
 * postal codes) and where a block ends. Stateless; every method reads a {@link TextView} and returns a token index
 * (or -1) or a boolean.
 */
final class AddressShapes {

  private AddressShapes() {}

  static final java.util.Set<String> STRONG_SUFFIX = java.util.Set.of("street", "avenue", "ave", "road",
      "rd", "boulevard", "blvd", "lane", "ln", "drive", "highway", "hwy", "parkway", "pkwy", "strasse", "straße",
      "rue", "avenida", "calle", "rua");

  /** Street words before the name that are no English words, trusted in lower case after a house number. */
  static final java.util.Set<String> LOWER_CASE_PREFIXES = java.util.Set.of("rue", "rua", "rúa", "avenida",
      "avda", "calle", "carrer", "travessa", "praça", "chemin", "quai", "allée", "viale", "piazza");

  /**
   * "the corner of 3744 Retreat Avenue and Władysława Route", "corner of Main and Elm": two named streets joined by
   * "and" on one line. Returns the last token of the second street, or -1.
   */
  static int corner(TextView v, int s) {
    int and = -1;
    for (int k = s; k < v.size && k - s < 8 && !v.newlineBefore(k); k++) {
      if (v.is(k, "and") || v.isPunct(k, '&')) {
        and = k;
        break;
      }
      if (v.kind[k] == TextView.PUNCT && !v.isPunct(k, '.')) {
        return -1;
      }
    }
    if (and <= s) {
      return -1;
    }
    int e = -1;
    for (int k = and + 1; k < v.size && k - and <= 4 && !v.newlineBefore(k); k++) {
      boolean ok = v.kind[k] == TextView.NUMBER || v.isWord(k) && !v.has(k, Lexicon.STOP | Lexicon.CLINICAL)
          && (v.style != TextView.Style.MIXED || v.isCapitalized(k) || v.has(k, Lexicon.STREET)
          || v.has(k, Lexicon.PARTICLE) && v.isCapitalized(k + 1));
      if (!ok) {
        break;
      }
      e = k;
    }
    return e;
  }

  /** "address:", "lives at", "located at", "send it to": an address follows. */
  static boolean addressCue(TextView v, int i) {
    if (v.kind[i] != TextView.WORD || v.length(i) > 7 || v.length(i) < 2) {
      return false;
    }
    char c = Character.toLowerCase(v.text.charAt(v.start[i]));
    if (c != 'a' && c != 't' && c != 'o') {
      return false;
    }
    if (v.is(i, "address") || v.is(i, "addr")) {
      return true;
    }
    if (v.is(i, "at") && (v.is(i - 1, "lives") || v.is(i - 1, "live") || v.is(i - 1, "located") || v.is(i - 1, "is")
        && v.is(i - 2, "office") || v.is(i - 1, "off") || v.is(i - 1, "resides"))) {
      return true;
    }
    return v.is(i, "to") && (v.is(i - 1, "sent") || v.is(i - 1, "send") || v.is(i - 1, "mail") || v.is(i - 1, "ship")
        || v.is(i - 1, "deliver") || v.is(i - 2, "sent") || v.is(i - 2, "send")) || v.is(i, "of") && v.is(i - 1, "corner");
  }

  /**
   * Extends an address over the rest of its block: further numbers, capitalised words (city, region, country),
   * two-letter codes, unit lines and postal codes, across at most three line breaks; stops at a sentence end or a
   * lower-case word in prose.
   */
  static int block(TextView v, int last) {
    int e = last;
    int lines = 0;
    boolean bullet = false;
    for (int n = last + 1; n < v.size && n - last <= 20; n++) {
      if (v.newlineBefore(n) && (++lines > 3 || phoneLine(v, n))) {
        break;
      }
      bullet = v.kind[n] == TextView.PUNCT && (v.newlineBefore(n) || bullet);
      if (v.kind[n] == TextView.PUNCT) {
        char c = v.text.charAt(v.start[n]);
        if (c == ',' || c == '>' || c == '-' || c == '#' || c == '/' || c == '(' || c == ')'
            || bullet && (c == '?' || c == '*' || c == '\u2022' || c == '\u00b7')) {
          continue; // "??? Suite 292": bullets the export turned into question marks
        }
        if ((c == '\'' || c == '\u2019') && v.adjacent(n - 1) && v.adjacent(n) && v.isWord(n + 1)
            && v.length(n + 1) == 1) {
          continue; // "SMITH'S GREEN"
        }
        if (c == '.' && n > 0 && v.adjacent(n - 1) && v.isWord(n - 1) && v.length(n - 1) <= 4
            && n + 1 < v.size && (v.kind[n + 1] != TextView.WORD || v.isCapitalized(n + 1)) && !v.newlineBefore(n + 1)
            && v.start[n + 1] - v.end[n] <= 1) {
          continue; // "Apt.", "St.", "u."
        }
        break;
      }
      if (v.kind[n] == TextView.NUMBER || v.kind[n] == TextView.ALNUM) {
        if (v.length(n) > 7) {
          break;
        }
        e = n;
        continue;
      }
      if (!blockWord(v, n)) {
        break;
      }
      e = n;
    }
    return e;
  }

  /** Whether word {@code n} can continue an address block: a city, region, country, unit or post word. */
  static boolean blockWord(TextView v, int n) {
    int f = v.flags(n);
    if (v.is(n, "nan") || (f & Lexicon.COUNTRY) != 0) {
      return true; // "Velenje nan": the export's stand-in for a missing region; "Czech Republic 67420"
    }
    if (regionCode(v, n) || particleInName(v, n) || v.isPunct(n - 1, '(') && v.isPunct(n + 1, ')')
        && v.has(n - 2, Lexicon.COUNTRY)) {
      return true; // ", CO", "Velká Bukovina u Decína", "Cyprus (Greek)"
    }
    if ((v.is(n, "de") || v.is(n, "do") || v.is(n, "da") || v.is(n, "del") || v.is(n, "des") || v.is(n, "du"))
        && n + 1 < v.size && v.isCapitalized(n + 1) && !v.newlineBefore(n + 1)) {
      return true; // "Mora de Rubielos", "Caxias do Sul"
    }
    if (v.length(n) == 2 && (v.isAllUpper(n) || v.style == TextView.Style.LOWER)
        && v.has(n - 1, Lexicon.MILITARY_POST)) {
      return true; // "APO AP 04336": the region code after a military post
    }
    if ((f & Lexicon.CLINICAL) != 0 || (f & Lexicon.STOP) != 0 && !(v.is(n, "de") || v.is(n, "do")
        || v.is(n, "da") || v.is(n, "of") && v.isCapitalized(n + 1))) {
      return (f & Lexicon.UNIT) != 0;
    }
    if (v.style == TextView.Style.LOWER) {
      return (f & Lexicon.COMMON) == 0 || (f & (Lexicon.STREET | Lexicon.UNIT)) != 0;
    }
    return v.isCapitalized(n) || v.isAllUpper(n) || (f & (Lexicon.STREET | Lexicon.UNIT)) != 0;
  }

  /**
   * A two- or three-letter region code after a comma, at the start of a line, after a city in capitals or between a
   * city and a postal code: ", CO", "OULU NO", "\n SK", "Aalborg NO 9100"; in lower-case text only after a comma and
   * before a line end or a number.
   */
  static boolean regionCode(TextView v, int n) {
    if (v.length(n) > 3 || !v.isWord(n) || v.style == TextView.Style.UPPER) {
      return false;
    }
    boolean after = v.isPunct(n - 1, ',') || v.newlineBefore(n) || v.isWord(n - 1) && v.isAllUpper(n - 1)
        && v.length(n - 1) > 3 || v.isWord(n - 1) && v.isNumber(n + 1) && !v.newlineBefore(n + 1);
    if (v.style == TextView.Style.LOWER) {
      return v.length(n) == 2 && v.isPunct(n - 1, ',') && (n + 1 == v.size || v.newlineBefore(n + 1)
          || v.isNumber(n + 1) || v.isPunct(n + 1, ','));
    }
    return after && v.isAllUpper(n);
  }

  /**
   * A short lower-case particle between two words of a place name: "Velká Bukovina u Decína", "Ostrov nad Ohrí",
   * "begunje na gorenjskem".
   */
  static boolean particleInName(TextView v, int n) {
    if (!v.has(n, Lexicon.PARTICLE) || v.isCapitalized(n) || !v.isWord(n - 1) && !v.isNumber(n - 1) || !v.isWord(n + 1)
        || v.newlineBefore(n) || v.newlineBefore(n + 1)) {
      return false;
    }
    if (v.style == TextView.Style.LOWER) {
      return !v.has(n + 1, Lexicon.STOP | Lexicon.COMMON | Lexicon.CLINICAL)
          && !v.has(n - 1, Lexicon.STOP | Lexicon.COMMON | Lexicon.CLINICAL);
    }
    return (v.isCapitalized(n - 1) || v.isNumber(n - 1)) && v.isCapitalized(n + 1);
  }

  /** A line that starts with a phone number (seven or more digits in groups): the end of an address block. */
  static boolean phoneLine(TextView v, int n) {
    return phoneLineEnd(v, n) >= 0;
  }

  /** The last number token of a phone number starting a line at {@code n} (seven or more digits), or -1. */
  static int phoneLineEnd(TextView v, int n) {
    int digits = 0;
    int last = -1;
    for (int k = n; k < v.size && k - n < 8 && (k == n || !v.newlineBefore(k)); k++) {
      if (v.kind[k] == TextView.NUMBER) {
        digits += v.length(k);
        last = k;
      } else if (!(v.isPunct(k, '-') || v.isPunct(k, '(') || v.isPunct(k, ')') || v.isPunct(k, '+')
          || v.isPunct(k, '.'))) {
        break;
      }
    }
    return digits >= 7 ? last : -1;
  }

  /**
   * "Address: Sara Schwarz / 28245 Puruntie 82": when a name follows "address:" and the next line starts an
   * address, the address starts there. Returns the first token of the address line, or {@code s}.
   */
  static int addressLine(TextView v, int s) {
    if (s >= v.size || !v.isPunct(s - 1, ':') || !v.isCapitalized(s) || address(v, s) >= s) {
      return s;
    }
    for (int k = s + 1; k < v.size && k - s <= 6; k++) {
      if (v.newlineBefore(k)) {
        return address(v, k) >= k ? k : s;
      }
      if (!v.isWord(k) && !v.isPunct(k, '.')) {
        return s; // a number or a sign: the address starts on the cue's line
      }
    }
    return s;
  }

  /**
   * "Maarit and Hersnapvej 75", "the corner of Main and 5th Street": a name joined by "and" right before an
   * address at the start of a clause names the crossing street. Returns where the address starts.
   */
  static int intersectionStart(TextView v, int i) {
    int w = i - 2;
    if (!v.is(i - 1, "and") || !v.isWord(w) || v.newlineBefore(i - 1) || v.newlineBefore(i)
        || v.has(w, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.MONTH | Lexicon.TITLE)
        || v.style == TextView.Style.MIXED && !v.isCapitalized(w)) {
      return i;
    }
    if (v.isPunct(w - 1, '-') && v.adjacent(w - 1) && v.adjacent(w - 2) && v.isWord(w - 2)) {
      w -= 2; // "Anne-Lotte and"
    }
    boolean clauseStart = w == 0 || v.newlineBefore(w) || v.kind[w - 1] == TextView.PUNCT
        || v.has(w - 1, Lexicon.STOP | Lexicon.LOCATION_CUE);
    return clauseStart ? w : i;
  }

  /** "zip:", "zip code is", "postal code", "postcode" right before the number. */
  static boolean zipCue(TextView v, int i) {
    int c = i - 1;
    if (v.isPunct(c, ':') || v.is(c, "is")) {
      c--;
    }
    return v.is(c, "zip") || v.is(c, "code") && (v.is(c - 1, "zip") || v.is(c - 1, "postal")) || v.is(c, "postcode");
  }

  static boolean zipContext(TextView v, int i) {
    if (zipCue(v, i)) {
      return true;
    }
    int p = v.isPunct(i - 1, ',') ? i - 2 : i - 1;
    if (p >= 0 && v.isWord(p) && v.length(p) == 2 && v.isAllUpper(p) && Words.STATE_CODES.contains(v.lower(p))) {
      return true;
    }
    return v.has(p, Lexicon.MILITARY_POST);
  }

  /** The last token of a street address starting at {@code i}, or -1. */
  static int address(TextView v, int i) {
    if (v.kind[i] == TextView.NUMBER && v.length(i) <= 6 && v.isNumber(i + 1) && v.length(i + 1) <= 6
        && !v.newlineBefore(i + 1)) {
      int inner = street(v, i + 1); // "17151 2450 Crown St": a building or lot number first
      if (inner > i + 1) {
        return inner;
      }
    }
    return street(v, i);
  }

  static int street(TextView v, int i) {
    if (v.kind[i] == TextView.NUMBER && v.length(i) <= 6 && i + 1 < v.size && !v.newlineBefore(i + 1)) {
      int named = namedStreet(v, i + 1); // "233 Erzsébet tér 19."
      if (named > i + 1) {
        return named;
      }
    }
    if (v.kind[i] == TextView.NUMBER || v.kind[i] == TextView.ALNUM && Character.isDigit(v.text.charAt(v.start[i]))) {
      if (v.length(i) > 6) {
        return -1;
      }
      // "221B Baker Street", "6750 Koskikatu 25", "138 Consul Place"
      int pre = prefixStreet(v, i + 1);
      if (pre > i + 1) {
        return pre; // "86036 Rua do Arenque 1634", "9383 ul. Chrzanowska 61", "0912 P.O. Box 287"
      }
      int j = i + 1;
      int words = 0;
      while (j < v.size && words < 4 && v.isWord(j) && !v.newlineBefore(j)) {
        String w = v.lower(j);
        if (words > 0 && v.has(j, Lexicon.STREET) && (v.style == TextView.Style.MIXED ? v.isCapitalized(j)
            || STRONG_SUFFIX.contains(w) : STRONG_SUFFIX.contains(w)) || words > 0 && streetWord(w)) {
          return unitTail(v, suffixEnd(v, j));
        }
        if (words == 0 && streetWord(w) && v.isNumber(j + 1)) {
          return unitTail(v, j + 1);
        }
        if (words > 0 && v.style == TextView.Style.MIXED && v.isCapitalized(j) && Words.MORE_STREET_SUFFIXES.contains(w)) {
          return unitTail(v, suffixEnd(v, j)); // "420 Gairbekov Rapids", "149 Monika Union"
        }
        if (v.has(j, Lexicon.STOP | Lexicon.CLINICAL) || v.style == TextView.Style.MIXED && !v.isCapitalized(j)
            && !v.has(j, Lexicon.STREET) || v.style == TextView.Style.UPPER && v.has(j, Lexicon.COMMON)) {
          break;
        }
        words++;
        j++;
        if (v.isNumber(j) && v.length(j) <= 4 && !v.newlineBefore(j) && v.style == TextView.Style.MIXED
            && allNamed(v, i + 1, j - 1)) {
          return unitTail(v, j); // "20789 Allika 46"
        }
      }
      return numberedName(v, i);
    }
    if (v.kind[i] == TextView.WORD) {
      String w = v.lower(i);
      int pre = prefixStreet(v, i);
      if (pre > i) {
        return pre;
      }
      int named = namedStreet(v, i);
      if (named > i) {
        return named;
      }
      if (streetWord(w) && v.isNumber(i + 1) && v.length(i + 1) <= 4 && !v.newlineBefore(i + 1)
          && (v.style != TextView.Style.MIXED || v.isCapitalized(i))) {
        return unitTail(v, i + 1); // "Pohlstrasse 9", "Grössgstötten 50"
      }
      int on = streetAfterOn(v, i);
      if (on > i) {
        return on;
      }
      if (v.has(i, Lexicon.SHIP) && (v.isAllUpper(i) || v.style == TextView.Style.LOWER)) {
        int ship = ship(v, i);
        if (ship > i) {
          return ship;
        }
      }
      if (w.equals("unit") && v.isNumber(i + 1) && v.is(i + 2, "box") && v.isNumber(i + 3)
          && !v.newlineBefore(i + 3)) {
        return i + 3; // "unit 1009 box 0219": a military unit and its mail box
      }
      if ((v.has(i, Lexicon.UNIT) && !w.equals("floor") && !w.equals("room") && !w.equals("unit")
          || w.equals("unit") && v.isCapitalized(i)) && unitNumber(v, i) > i) {
        return unitNumber(v, i);
      }
      if (v.has(i, Lexicon.MILITARY_POST) && (v.isAllUpper(i) || v.style == TextView.Style.LOWER)
          && v.isWord(i + 1) && v.length(i + 1) == 2 && v.isNumber(i + 2)) {
        return i + 2;
      }
    }
    return -1;
  }

  /**
   * A street word before the name, ending in a house number: "Rua do Arenque 1634", "ul. Słowicza 10", "Rue
   * Gafsa", and post boxes "P.O. Box 287", "PO Box 12". Returns the last token, or -1.
   */
  static int prefixStreet(TextView v, int i) {
    if (!v.isWord(i)) {
      return -1;
    }
    String w = v.lower(i);
    int j = i + 1;
    int box = -1;
    if (w.equals("p") && v.isPunct(j, '.') && v.is(j + 1, "o") && v.isPunct(j + 2, '.') && v.is(j + 3, "box")) {
      box = j + 4;
    } else if (w.equals("po") && v.is(j, "box")) {
      box = j + 1;
    } else if (w.equals("postbox")) {
      box = j;
    }
    if (box > 0) {
      return v.isNumber(box) && v.length(box) <= 6 ? unitTail(v, box) : -1;
    }
    boolean numbered = i > 0 && v.kind[i - 1] == TextView.NUMBER && !v.newlineBefore(i);
    boolean calle = w.equals("c") && v.style == TextView.Style.MIXED && v.isCapitalized(i) && v.isPunct(j, '/')
        && v.adjacent(i) && v.isWord(j + 1) && v.length(j + 1) > 2 && !v.isAllUpper(j + 1); // "C/ Mayor 3"
    if (!calle && (!v.has(i, Lexicon.PREFIX_STREET) || !v.isCapitalized(i) && v.style == TextView.Style.MIXED
        && !(w.equals("ul") && v.isPunct(j, '.')) && !(numbered && (LOWER_CASE_PREFIXES.contains(w)
        || !w.equals("via") && capitalisedNameAfter(v, j))))) {
      return -1;
    }
    if ((v.isPunct(j, '.') || calle) && v.adjacent(i)) {
      j++;
    }
    // a lower-case name is accepted after a house number or in lower-case text: "31 Rue tachkent St."
    boolean lowerNames = (numbered || v.style != TextView.Style.MIXED) && LOWER_CASE_PREFIXES.contains(w);
    boolean weak = false;
    int last = -1;
    for (int k = 0; k < 5 && j < v.size && !v.newlineBefore(j); k++, j++) {
      if (v.isNumber(j) && v.length(j) <= 5) {
        return last < 0 ? -1 : unitTail(v, j);
      }
      if (!v.isWord(j) || v.has(j, Lexicon.UNIT)) {
        break;
      }
      boolean particle = v.has(j, Lexicon.PARTICLE) && !v.isCapitalized(j);
      if (particle) {
        continue;
      }
      if (v.has(j, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.MONTH)) {
        break;
      }
      if (!v.isCapitalized(j) && !elided(v, j)) {
        if (!lowerNames || v.length(j) < 2) {
          break;
        }
        weak |= v.has(j, Lexicon.COMMON);
      }
      last = j;
    }
    // no number: "62 Rue Gafsa" is accepted only after a leading house number, and only with names
    return last >= 0 && numbered && (!weak || v.has(last, Lexicon.STREET)) ? unitTail(v, last) : -1;
  }

  /** Whether the first word after the particles from {@code j} on is capitalised: "33 avenue de Provence". */
  static boolean capitalisedNameAfter(TextView v, int j) {
    int k = j;
    while (v.has(k, Lexicon.PARTICLE) && !v.isCapitalized(k) && !v.newlineBefore(k)) {
      k++;
    }
    return v.isWord(k) && !v.newlineBefore(k) && (v.isCapitalized(k) && !v.isAllUpper(k) || elided(v, k))
        && !v.has(k, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.MONTH);
  }

  /** A French or Italian elided article before a capitalised name: "d'Ouchy", "l'Église". */
  static boolean elided(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 4) {
      return false;
    }
    String t = v.text;
    int s = v.start[j];
    char a = t.charAt(s + 1);
    return (a == '\'' || a == '\u2019') && (t.charAt(s) == 'd' || t.charAt(s) == 'l')
        && Character.isUpperCase(t.charAt(s + 2));
  }

  /**
   * A capitalised name, a lower-case street word and a house number: "Erzsébet tér 19.", "Trenerys gate 232",
   * "Piroska u. 97.", "Stensås terrasse 38". Anchored by the trailing number.
   */
  static int namedStreet(TextView v, int i) {
    if (v.style != TextView.Style.MIXED || !v.isCapitalized(i) || v.isAllUpper(i)
        || v.has(i, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.MONTH | Lexicon.TITLE)) {
      return -1;
    }
    int j = i + 1;
    if (v.isWord(j) && !v.newlineBefore(j) && !v.has(j, Lexicon.STOP | Lexicon.CLINICAL)
        && (v.isCapitalized(j) && !v.isAllUpper(j) || !v.has(j, Lexicon.COMMON) && v.isWord(j + 1)
        && Words.LOWER_STREET_WORDS.contains(v.lower(j + 1)))) {
      j++; // "Erzsébet Királyné útja", "Árpád fejedelem útja"
    }
    if (!v.isWord(j) || v.newlineBefore(j) || v.isCapitalized(j) || !Words.LOWER_STREET_WORDS.contains(v.lower(j))) {
      return -1;
    }
    int n = j + 1;
    if (v.isPunct(n, '.') && v.adjacent(j)) {
      n++;
    }
    if (!v.isNumber(n) || v.length(n) > 4 || v.newlineBefore(n)) {
      return -1;
    }
    if (v.isPunct(n + 1, '.') && v.adjacent(n)) {
      return unitTail(v, n + 1);
    }
    return unitTail(v, n);
  }

  /**
   * "928 Λ. Αλεξάνδρας 14", "0605 πεντέλης 210": a house number, one to three name words (capitalised, in a
   * non-Latin script, or an initial with a dot) and a second number on one line. Returns the last token, or -1.
   */
  static int numberedName(TextView v, int i) {
    if (v.kind[i] != TextView.NUMBER || v.length(i) > 6) {
      return -1;
    }
    int j = i + 1;
    int names = 0;
    boolean script = false;
    while (j < v.size && names < 3 && !v.newlineBefore(j) && v.isWord(j)) {
      if (v.length(j) == 1 && v.isCapitalized(j) && v.isPunct(j + 1, '.') && v.adjacent(j) && names == 0) {
        j += 2; // "Λ." (Leoforos)
        names--; // an initial is no name by itself
      } else if (names > 0 && v.has(j, Lexicon.PARTICLE) && !v.isCapitalized(j) && v.isWord(j + 1)
          && v.isCapitalized(j + 1)) {
        j++; // "Jiřího z Poděbrad"
        names--;
      } else if (nonLatin(v, j) || v.style == TextView.Style.MIXED && v.isCapitalized(j) && !v.isAllUpper(j)
          && !v.has(j, Lexicon.STOP | Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.MONTH | Lexicon.TITLE)) {
        script |= nonLatin(v, j);
        j++;
        if (v.isPunct(j, '-') && v.adjacent(j - 1) && v.adjacent(j) && v.isWord(j + 1) && v.isCapitalized(j + 1)) {
          j++; // "Vana-Viru"
        }
      } else {
        return -1;
      }
      names++;
    }
    if (names == 0 || !v.isNumber(j) || v.length(j) > 4 || v.newlineBefore(j)
        || !script && v.style != TextView.Style.MIXED) {
      return -1;
    }
    return unitTail(v, j);
  }

  /** A word in a script other than Latin (Greek, Cyrillic…), which the English word lists cannot judge. */
  static boolean nonLatin(TextView v, int j) {
    char c = v.text.charAt(v.start[j]);
    if (c < 0x250) {
      return false;
    }
    Character.UnicodeScript sc = Character.UnicodeScript.of(c);
    return sc != Character.UnicodeScript.LATIN && sc != Character.UnicodeScript.COMMON
        && sc != Character.UnicodeScript.INHERITED || c == '\u2206';
  }

  /**
   * "lives on Via dei Fiorentini 17", "the bus station is on Hoge Wei 32": after "lives on", "is on", "enter on",
   * a capitalised name (not only dictionary words: "Social Security 1200" is none) ending in a house number at the end
   * of a clause. Returns the number, or -1.
   */
  static int streetAfterOn(TextView v, int i) {
    if (!v.is(i - 1, "on")) {
      return -1;
    }
    boolean verb = v.is(i - 2, "lives") || v.is(i - 2, "live") || v.is(i - 2, "living") || v.is(i - 2, "lived")
        || v.is(i - 2, "is") || v.is(i - 2, "enter") || v.is(i - 2, "located") || v.is(i - 2, "situated")
        || v.is(i - 2, "stays");
    int j = i;
    int names = 0;
    boolean rare = false;
    while (j < v.size && j - i < 5 && !v.newlineBefore(j) && v.isWord(j)) {
      if (v.length(j) == 1 && v.isCapitalized(j) && v.isPunct(j + 1, '.') && v.adjacent(j)) {
        j += 2; // "C. Beerninckstraat"
        continue;
      }
      if (v.has(j, Lexicon.PARTICLE) && !v.isCapitalized(j) && names > 0) {
        j++;
        continue;
      }
      if (!v.isCapitalized(j) && v.style == TextView.Style.MIXED
          || v.has(j, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.MONTH | Lexicon.TITLE | Lexicon.UNIT)) {
        return -1;
      }
      if (rare && names > 0 && v.isCapitalized(j) && STRONG_SUFFIX.contains(v.lower(j))) {
        return j; // "on Berg Hills Street": a name and a street suffix need no house number
      }
      rare |= !v.has(j, Lexicon.COMMON);
      names++;
      j++;
    }
    if (!verb) {
      return -1;
    }
    if (!rare || !v.isNumber(j) || v.length(j) > 5 || v.newlineBefore(j) || v.adjacentDotNumber(j)) {
      return -1;
    }
    int after = j + 1;
    boolean clauseEnd = after >= v.size || v.newlineBefore(after) || v.has(after, Lexicon.STREET)
        || v.isPunct(after, '.') || v.isPunct(after, ',') || v.isPunct(after, '?') || v.isPunct(after, '!')
        || v.isPunct(after, ';');
    return clauseEnd ? j : -1;
  }

  /**
   * "USNS Bergman / FPO AP 93757", "uscgc aslakhanov / fpo ae 44941": a ship's name before a military post.
   * Returns the last word of the name, or -1.
   */
  static int ship(TextView v, int i) {
    int last = -1;
    for (int j = i + 1; j < v.size && j - i <= 2 && !v.newlineBefore(j) && v.isWord(j); j++) {
      if (v.has(j, Lexicon.MILITARY_POST)) {
        break;
      }
      if (v.has(j, Lexicon.STOP) || v.style == TextView.Style.MIXED && !v.isCapitalized(j)) {
        return -1; // a ship may be named "Comfort": the post line after it is the evidence
      }
      last = j;
    }
    return last > i && v.has(last + 1, Lexicon.MILITARY_POST) ? last : -1;
  }

  /**
   * "in Bjert 6091", "in ÖVERTURINGEN 840 24", "in Quinta de São Tiago 3610-114": a postal code right after a
   * place named after "in", at the end of a clause. Returns the last token, or -1.
   */
  static int placeZip(TextView v, int i) {
    if (v.kind[i] != TextView.NUMBER || v.length(i) < 3 || v.length(i) > 5 || v.newlineBefore(i) || i < 2) {
      return -1;
    }
    int value = v.intValue(i);
    if (v.length(i) == 4 && value >= 1900 && value <= 2039) {
      return -1; // a year
    }
    int k = i - 1;
    int words = 0;
    while (k > 0 && words < 5 && !v.newlineBefore(k + 1) && !(v.is(k, "in") && words > 0)) {
      if (!placeToken(v, k, words)) {
        return -1;
      }
      words++;
      k--;
    }
    if (words == 0 || !v.is(k, "in") || v.newlineBefore(k + 1)) {
      return -1;
    }
    int e = i;
    if (v.isPunct(i + 1, '-') && v.adjacent(i) && v.adjacent(i + 1) && v.isNumber(i + 2) && v.length(i + 2) <= 4) {
      e = i + 2; // "3610-114"
    } else if (v.length(i) == 3 && v.isNumber(i + 1) && v.length(i + 1) == 2 && !v.newlineBefore(i + 1)) {
      e = i + 1; // "840 24"
    } else if (v.length(i) < 4) {
      return -1;
    }
    int a = e + 1;
    boolean clauseEnd = a >= v.size || v.newlineBefore(a) || v.has(a, Lexicon.STOP) && !v.has(a, Lexicon.UNIT)
        || v.isPunct(a, '.') && !v.adjacentDotNumber(e) || v.isPunct(a, ',') || v.isPunct(a, '?')
        || v.isPunct(a, '!') || v.isPunct(a, ';');
    return clauseEnd ? e : -1;
  }

  /** A word of a place name read right to left before a postal code: a name, an initial, a particle. */
  static boolean placeToken(TextView v, int k, int seen) {
    if (!v.isWord(k)) {
      return false;
    }
    if (v.has(k, Lexicon.PARTICLE) && !v.isCapitalized(k)) {
      return seen > 0;
    }
    if (v.length(k) == 1) {
      return v.isCapitalized(k) && seen == 0; // "København K 1421"
    }
    if (v.has(k, Lexicon.STOP | Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.MONTH | Lexicon.TITLE | Lexicon.UNIT
        | Lexicon.RELATION)) {
      return false;
    }
    return v.style != TextView.Style.MIXED || v.isCapitalized(k) || v.isAllUpper(k);
  }

  static boolean allNamed(TextView v, int from, int to) {
    for (int k = from; k <= to; k++) {
      if (!v.isCapitalized(k) || v.isAllUpper(k) || v.has(k, Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.MONTH)) {
        return false;
      }
    }
    return true;
  }

  /** German/Nordic/Finnish compound street names: "Pohlstrasse", "Søndergade", "Koskikatu". */
  static boolean streetWord(String w) {
    return w.length() > 5 && (w.endsWith("strasse") || w.endsWith("straße") || w.endsWith("gade")
        || w.endsWith("vej") || w.endsWith("katu") || w.endsWith("straat") || w.endsWith("gatan")
        || w.endsWith("vägen") || w.endsWith("veien") || w.endsWith("weg") || w.endsWith("tie")
        && w.length() > 7 || w.endsWith("laan") || w.endsWith("gasse") || w.endsWith("allee")
        || w.endsWith("platz") || w.endsWith("gata") || w.endsWith("plein") || w.endsWith("stötten")
        || w.endsWith("kuja") || w.endsWith("polku") || w.endsWith("raitti"));
  }

  static int suffixEnd(TextView v, int j) {
    int e = j;
    if (v.isPunct(e + 1, '.') && v.adjacent(e)) {
      e++;
    }
    if (v.isNumber(e + 1) && v.length(e + 1) <= 4 && !v.newlineBefore(e + 1)) {
      e++;
    }
    return e;
  }

  /** Extends over ", Apt. 864", "Suite 632", "# 4". */
  static int unitTail(TextView v, int last) {
    int j = last + 1;
    if (v.isPunct(j, ',')) {
      j++;
    }
    if (v.has(j, Lexicon.UNIT)) {
      int u = unitNumber(v, j);
      if (u > j) {
        return u;
      }
    }
    if (v.isPunct(j, '#') && (v.isNumber(j + 1) || j + 1 < v.size
        && v.kind[j + 1] == TextView.ALNUM)) {
      return j + 1;
    }
    return last;
  }

  static int unitNumber(TextView v, int unitWord) {
    int j = unitWord + 1;
    if (v.isPunct(j, '.')) {
      j++;
    }
    if (v.isPunct(j, '#')) {
      j++;
    }
    if (j < v.size && (v.kind[j] == TextView.NUMBER || v.kind[j] == TextView.ALNUM) && v.length(j) <= 6) {
      return j;
    }
    return -1;
  }
}
