package org.verinote.core.deid;

import java.util.List;

/**
 * Person names from context cues (titles, initials, credentials, relations, greetings, "aware") and from the name
 * dictionaries, adapted to the text's casing: capitals count in ordinary prose, not in lower-cased ASR output or
 * upper-cased notes, where only cues and unambiguous given names are trusted.
 */
final class NameRecognizer extends TokenRecognizer {

  NameRecognizer() {
    super("names");
  }

  @Override
  void scan(TextView v, List<PhiSpan> out) {
    int i = 0;
    while (i < v.size) {
      int next = scanAt(v, i, out);
      i = Math.max(i + 1, next);
    }
  }

  /** Tries every cue at token {@code i}; returns the index to continue from. */
  private int scanAt(TextView v, int i, List<PhiSpan> out) {
    if (v.kind[i] != TextView.WORD) {
      return i + 1;
    }
    int f = v.flags(i);
    if ((f & Lexicon.TITLE) != 0) {
      int j = i + 1;
      if (v.isPunct(j, '.')) {
        if (v.length(i) > 4) {
          // "Hi, doctor. I'm here": a full word before a full stop ends a sentence; only "Dr." is an abbreviation
          return i + 1;
        }
        j++;
      }
      int e = -1;
      if (v.is(j, "o") && v.isWord(j + 1) && v.length(j + 1) >= 3 && !v.newlineBefore(j + 1)
          && !v.has(j + 1, Lexicon.STOP | Lexicon.CLINICAL) && v.start[j + 1] - v.end[j] == 1) {
        e = extend(v, j + 1); // "Dr. o rourke": the Irish particle, its apostrophe lost
      } else if (isInitial(v, j) && afterTitle(v, initialNext(v, j), f)) {
        e = extend(v, initialNext(v, j));
      } else if (afterTitle(v, j, f)) {
        e = extend(v, j);
      }
      if (e >= 0) {
        add(out, v, j, e, (f & Lexicon.CLINICIAN_TITLE) != 0 ? PhiType.CLINICIAN : PhiType.PERSON, 0.85);
        return e + 1;
      }
    }
    if (isInitial(v, i) && v.isPunct(i + 1, '.') && !v.isPunct(i - 1, '.') && !v.isPunct(i - 1, '/')
        && !v.isPunct(i - 1, '&') && !(v.newlineBefore(i) && "SOAPIDE".indexOf(v.text.charAt(v.start[i])) >= 0)
        && surnameAfterInitial(v, i + 2)) {
      int e = extend(v, i + 2);
      add(out, v, i, e, PhiType.PERSON, 0.75);
      return e + 1;
    }
    if ((f & Lexicon.WEAK_INTRO) != 0 && (v.has(i + 1, Lexicon.ANY_NAME) && v.isCapitalized(i + 1)
        && !v.isAllUpper(i + 1) || v.has(i + 1, Lexicon.FIRST | Lexicon.AMBIGUOUS_FIRST)) && !v.has(i + 1, Lexicon.STOP | Lexicon.CLINICAL
        | Lexicon.COMMON | Lexicon.MONTH | Lexicon.TITLE)) {
      int e = extend(v, i + 1);
      add(out, v, i + 1, e, PhiType.PERSON, 0.7);
      return e + 1;
    }
    if ((f & (Lexicon.RELATION | Lexicon.INTRO)) != 0 || isPhraseCue(v, i)) {
      int j = i + 1;
      while (j < v.size && j <= i + 3 && (v.kind[j] == TextView.PUNCT
          && ",:-(".indexOf(v.text.charAt(v.start[j])) >= 0 || v.is(j, "is") || v.is(j, "named")
          || v.is(j, "name"))) {
        j++;
      }
      if (j < v.size && givenName(v, j)) {
        int e = extend(v, j);
        add(out, v, j, e, PhiType.PERSON, 0.75);
        // "sons Smokey, Morris and Roger", "sister & Charlie"
        while (true) {
          int k = e + 1;
          if (v.isPunct(k, ',') || v.isPunct(k, '&')) {
            k++;
          }
          if (v.is(k, "and")) {
            k++;
          }
          if (k == e + 1 || !givenName(v, k)) {
            return e + 1;
          }
          e = extend(v, k);
          add(out, v, k, e, PhiType.PERSON, 0.75);
        }
      }
    }
    if (((f & Lexicon.CREDENTIAL) != 0 || dottedCredential(v, i)) && (v.isPunct(i - 1, ',') || v.isWord(i - 1))
        && !v.isPunct(i + 1, '/') && !v.isPunct(i + 1, '-')) {
      int s = credentialHolderStart(v, i);
      if (s >= 0) {
        add(out, v, s, v.isPunct(i - 1, ',') ? i - 2 : i - 1, PhiType.CLINICIAN, 0.75);
        return i + 1;
      }
    }
    if ((f & Lexicon.TRAILING) != 0 && i > 0 && looseName(v, i - 1) && !v.has(i - 1, Lexicon.TITLE)) {
      int s = i - 1;
      while (s - 1 >= 0 && looseName(v, s - 1) && !v.newlineBefore(s)) {
        s--;
      }
      if (s - 2 >= 0 && v.isPunct(s - 1, '.') && isInitial(v, s - 2)) {
        s -= 2;
      }
      add(out, v, s, i - 1, PhiType.PERSON, 0.7);
      return i + 1;
    }
    if (signature(v, i)) {
      add(out, v, i, i + 1, PhiType.CLINICIAN, 0.7);
      return i + 2;
    }
    if (dictionaryName(v, i)) {
      int s = i;
      while (s - 1 >= 0 && !v.newlineBefore(s) && (dictionaryName(v, s - 1) || isInitial(v, s - 1)
          && !v.adjacent(s - 1) || precedingGivenName(v, s - 1))) {
        s--;
      }
      int e = extend(v, i);
      add(out, v, s, e, PhiType.PERSON, 0.7);
      return e + 1;
    }
    return i + 1;
  }

  /** A signature line: "Mary Rueping" alone on its line, a capitalised given name and a capitalised surname. */
  private static boolean signature(TextView v, int i) {
    if (!v.newlineBefore(i) || v.style != TextView.Style.MIXED || !v.isCapitalized(i) || v.isAllUpper(i)
        || !v.has(i, Lexicon.FIRST | Lexicon.AMBIGUOUS_FIRST) || v.has(i, Lexicon.STOP | Lexicon.CLINICAL)) {
      return false;
    }
    int n = i + 1;
    if (!v.isWord(n) || v.newlineBefore(n) || !v.isCapitalized(n) || v.isAllUpper(n)
        || v.has(n, Lexicon.STOP | Lexicon.CLINICAL | Lexicon.COMMON | Lexicon.MONTH)) {
      return false;
    }
    return n + 1 >= v.size || v.newlineBefore(n + 1) || v.isPunct(n + 1, ',') || v.has(n + 1, Lexicon.CREDENTIAL);
  }

  /** "R.N.", "M.D.": a credential spelt with dots. */
  private static boolean dottedCredential(TextView v, int i) {
    if (v.length(i) != 1 || !v.isPunct(i + 1, '.') || !v.isWord(i + 2) || v.length(i + 2) != 1) {
      return false;
    }
    String c = v.lower(i) + v.lower(i + 2);
    return c.equals("rn") || c.equals("md") || c.equals("np") || c.equals("pa") || c.equals("do");
  }

  /** "my name is", "this is", "i'm", "thank you", "call me". */
  private static boolean isPhraseCue(TextView v, int i) {
    if (v.is(i, "is") && (v.is(i - 1, "name") || v.is(i - 1, "this"))) {
      return true;
    }
    if (v.is(i, "you") && v.is(i - 1, "thank")) {
      return true;
    }
    if (v.is(i, "me") && v.is(i - 1, "call")) {
      return true;
    }
    return v.is(i, "i'm") || v.is(i, "am") && v.is(i - 1, "i");
  }

  private static boolean isInitial(TextView v, int j) {
    return v.isWord(j) && v.length(j) == 1 && Character.isUpperCase(v.text.charAt(v.start[j]));
  }

  private static int initialNext(TextView v, int j) {
    return v.isPunct(j + 1, '.') ? j + 2 : j + 1;
  }

  /** A word right after a title ("Dr."). */
  private static boolean afterTitle(TextView v, int j, int titleFlags) {
    if (!v.isWord(j) || v.length(j) < 2 || v.lower(j).startsWith("i'")) {
      return false;
    }
    int f = v.flags(j);
    boolean capital = v.isCapitalized(j) && !v.isAllUpper(j);
    if ((f & (Lexicon.TITLE | Lexicon.MONTH | Lexicon.CREDENTIAL)) != 0) {
      return false;
    }
    if ((f & Lexicon.STOP) != 0) {
      // "Dr Will Cole": a capitalised given name that is also a function word
      return capital && v.style == TextView.Style.MIXED && (f & Lexicon.ANY_NAME) != 0;
    }
    if ((v.is(j - 1, "dr") || v.isPunct(j - 1, '.') && v.is(j - 2, "dr")) && ((f & Lexicon.CLINICAL) == 0
        || v.has(j + 1, Lexicon.TRAILING) || v.isPunct(j + 1, '\'') && v.adjacent(j) && v.is(j + 2, "s"))) {
      // "dr small today", "per dr. white's order": after the written abbreviation an ordinary word is a surname; a
      // clinical one ("dr walker notified") before "aware"/"notified"… or a possessive
      return true;
    }
    if ((titleFlags & Lexicon.STRONG_TITLE) != 0 && v.style != TextView.Style.UPPER) {
      // "mrs cohen", "Dr. Foley": a capitalised word, or a lower-case one that is not a common or clinical word
      return capital || (f & Lexicon.CLINICAL) == 0 && ((f & Lexicon.COMMON) == 0 || (f & Lexicon.ANY_NAME) != 0);
    }
    if ((titleFlags & Lexicon.STRONG_TITLE) != 0) {
      return (f & Lexicon.COMMON) == 0 || (f & Lexicon.ANY_NAME) != 0;
    }
    if (v.style == TextView.Style.MIXED) {
      return v.isCapitalized(j) && (f & Lexicon.CLINICAL) == 0;
    }
    return (f & (Lexicon.COMMON | Lexicon.CLINICAL)) == 0;
  }

  private static boolean surnameAfterInitial(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 2 || v.newlineBefore(j)) {
      return false;
    }
    int f = v.flags(j);
    if ((f & (Lexicon.STOP | Lexicon.CLINICAL | Lexicon.TITLE | Lexicon.MONTH)) != 0) {
      return false;
    }
    if (!Character.isUpperCase(v.text.charAt(v.start[j]))) {
      return false;
    }
    return (f & Lexicon.COMMON) == 0 || (f & Lexicon.ANY_NAME) != 0;
  }

  /** A given name after a relation or greeting. */
  private static boolean givenName(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 2) {
      return false;
    }
    int f = v.flags(j);
    if ((f & (Lexicon.STOP | Lexicon.TITLE | Lexicon.RELATION | Lexicon.MONTH)) != 0) {
      return false;
    }
    if ((f & Lexicon.CLINICAL) != 0) {
      return v.style == TextView.Style.MIXED && v.isCapitalized(j) && !v.isAllUpper(j)
          && (f & (Lexicon.FIRST | Lexicon.AMBIGUOUS_FIRST)) != 0;
    }
    if (v.style == TextView.Style.MIXED && v.isCapitalized(j)) {
      return (f & Lexicon.COMMON) == 0 || (f & Lexicon.ANY_NAME) != 0;
    }
    if ((f & (Lexicon.FIRST | Lexicon.AMBIGUOUS_FIRST)) == 0) {
      return false;
    }
    // "son will call": an ambiguous name followed by a function word reads as a verb
    return !((f & Lexicon.COMMON) != 0 && v.isWord(j + 1) && v.has(j + 1, Lexicon.STOP));
  }

  /** A name-shaped word for "X aware" and credentials. */
  private static boolean looseName(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 2) {
      return false;
    }
    int f = v.flags(j);
    if ((f & (Lexicon.STOP | Lexicon.CREDENTIAL | Lexicon.RELATION | Lexicon.CLINICAL | Lexicon.TITLE
        | Lexicon.MONTH)) != 0) {
      return false;
    }
    if (v.style == TextView.Style.MIXED && !v.isCapitalized(j)) {
      return false;
    }
    return (f & Lexicon.COMMON) == 0 || (f & Lexicon.FIRST) != 0;
  }

  /** "Mary" before a surname: a capitalised given name, even one that is also an English word. */
  private static boolean precedingGivenName(TextView v, int j) {
    return v.isWord(j) && v.style == TextView.Style.MIXED && v.isCapitalized(j) && !v.isAllUpper(j)
        && v.has(j, Lexicon.FIRST | Lexicon.AMBIGUOUS_FIRST) && !v.has(j, Lexicon.STOP | Lexicon.CLINICAL);
  }

  private static boolean dictionaryName(TextView v, int j) {
    if (!v.isWord(j) || v.length(j) < 3) {
      return false;
    }
    int f = v.flags(j);
    if ((f & (Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.MONTH)) != 0) {
      return false;
    }
    if ((f & Lexicon.FIRST) != 0) {
      return v.style != TextView.Style.MIXED || v.isCapitalized(j);
    }
    if ((f & Lexicon.AMBIGUOUS_FIRST) != 0 && v.length(j) >= 4 && v.style != TextView.Style.LOWER
        && v.isCapitalized(j) && (f & Lexicon.SURNAME) == 0) {
      // "JOHN STATES", "Charlie": a given name that is also a rare English word, capitalised
      return true;
    }
    if ((f & Lexicon.SURNAME) != 0 && v.style == TextView.Style.MIXED && v.length(j) >= 4 && v.isCapitalized(j)
        && !v.isAllUpper(j)) {
      int p = j - 1;
      return p >= 0 && !v.newlineBefore(j) && !(v.kind[p] == TextView.PUNCT
          && ".!?:;".indexOf(v.text.charAt(v.start[p])) >= 0);
    }
    return false;
  }

  /** Extends a name from token {@code j} over following surname-like words, initials and hyphenated parts. */
  private static int extend(TextView v, int j) {
    int e = j;
    for (int k = 0; k < 3; k++) {
      int n = e + 1;
      if (v.isPunct(n, '.') && v.length(e) == 1) {
        n++;
      } else if (v.isPunct(n, '-') && v.adjacent(e) && v.adjacent(n) && v.isWord(n + 1)) {
        e = n + 1;
        continue;
      }
      if (!v.isWord(n) || v.newlineBefore(n)) {
        break;
      }
      int f = v.flags(n);
      boolean ok;
      if ((f & (Lexicon.STOP | Lexicon.CREDENTIAL | Lexicon.TRAILING | Lexicon.CLINICAL | Lexicon.TITLE
          | Lexicon.RELATION | Lexicon.MONTH)) != 0) {
        ok = false;
      } else if (v.style == TextView.Style.MIXED) {
        ok = v.isCapitalized(n) && ((f & Lexicon.COMMON) == 0 || (f & Lexicon.ANY_NAME) != 0);
      } else {
        ok = (f & Lexicon.ANY_NAME) != 0 && (f & Lexicon.COMMON) == 0 || v.length(n) == 1
            || f == 0 && v.length(n) >= 4;
      }
      if (!ok) {
        break;
      }
      e = n;
    }
    return e;
  }

  /** The first token of the name before a credential ("Mary Hulse, RN"), or -1. */
  private static int credentialHolderStart(TextView v, int cred) {
    int j = v.isPunct(cred - 1, ',') ? cred - 2 : cred - 1;
    if (j < 0 || !looseName(v, j) && !(v.has(j, Lexicon.ANY_NAME) && !v.has(j, Lexicon.STOP | Lexicon.CLINICAL))) {
      return -1;
    }
    int s = j;
    for (int k = 0; k < 3 && s - 1 >= 0; k++) {
      int p = s - 1;
      if (v.isPunct(p, '.') && p - 1 >= 0 && (isInitial(v, p - 1)
          || v.style == TextView.Style.LOWER && v.isWord(p - 1) && v.length(p - 1) == 1 && v.adjacent(p - 1))) {
        s = p - 1; // "J. Roberto RRT", and "s. roberto rrt" in lower-case notes
        continue;
      }
      if (v.isPunct(p, '-') && v.adjacent(p) && p - 1 >= 0 && v.adjacent(p - 1) && v.isWord(p - 1)
          && !v.has(p - 1, Lexicon.STOP | Lexicon.CLINICAL)) {
        s = p - 1; // "Stord-Painter MD": a double-barrelled surname
        continue;
      }
      if (!v.newlineBefore(s) && (looseName(v, p) || isInitial(v, p)
          || v.has(p, Lexicon.FIRST | Lexicon.AMBIGUOUS_FIRST) && !v.has(p, Lexicon.STOP | Lexicon.CLINICAL))) {
        s = p;
      } else {
        break;
      }
    }
    return s;
  }
}
