package org.verinote.core.deid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.verinote.core.PatientContext;

/**
 * The identifiers the EHR supplied for one encounter, matched wherever they occur regardless of recognizers: names
 * and name parts in any case (possessives included), address lines, city, e-mails by text; phone numbers, MRN,
 * other identifiers and the postal code by their characters whatever the separators; the birth date in any date
 * layout. Values too short to identify anything (a one-letter name part, a two-digit number) are ignored.
 *
 * <p>Immutable and thread-safe.
 */
final class KnownIdentifiers {

  /** A known value: its lower-cased form and type. */
  record Known(String lower, PhiType type, boolean boundaryFree) {}

  /** A known value matched by its letters and digits only ("410-555-1234" = "(410) 555 1234"). */
  record KnownCode(String alnum, PhiType type) {}

  private static final Set<String> FUNCTION_WORDS = Set.of("the", "and", "or", "of", "a", "an", "in", "on", "at",
      "to", "is", "it", "be", "de", "la", "le", "van", "von", "der", "da", "di", "du", "del", "st", "mr", "mrs", "ms",
      "dr", "jr", "sr", "ii", "iii");

  private final List<Known> texts;
  private final List<KnownCode> codes;
  private final LocalDate birthDate;
  private final List<String> patientNameParts;
  private final List<String> patientFullNames;
  private final List<List<String>> otherNames;

  KnownIdentifiers(PatientContext c) {
    Set<Known> t = new LinkedHashSet<>();
    Set<KnownCode> k = new LinkedHashSet<>();
    List<String> patientParts = new ArrayList<>();
    List<String> full = new ArrayList<>();
    List<String> nameWords = new ArrayList<>(c.givenNames());
    c.familyName().ifPresent(nameWords::add);
    for (String n : nameWords) {
      for (String part : words(n)) {
        if (part.length() >= 2 && !FUNCTION_WORDS.contains(part)) {
          patientParts.add(part);
          t.add(new Known(part, PhiType.PATIENT, isSpaced(part)));
        }
      }
    }
    if (!nameWords.isEmpty()) {
      full.add(String.join(" ", nameWords).strip());
    }
    List<List<String>> others = new ArrayList<>();
    for (String n : c.otherNames()) {
      List<String> parts = new ArrayList<>();
      for (String part : words(n)) {
        if (part.length() >= 2 && !FUNCTION_WORDS.contains(part)) {
          parts.add(part);
          t.add(new Known(part, PhiType.PERSON, isSpaced(part)));
        }
      }
      if (!parts.isEmpty()) {
        others.add(List.copyOf(parts));
      }
    }
    for (String line : c.addressLines()) {
      addText(t, k, line, PhiType.ADDRESS);
    }
    c.city().ifPresent(city -> addText(t, k, city, PhiType.LOCATION));
    c.postalCode().ifPresent(z -> addCode(k, z, PhiType.ZIP));
    c.mrn().ifPresent(m -> addCode(k, m, PhiType.MRN));
    for (String id : c.identifiers()) {
      addCode(k, id, PhiType.ID);
    }
    for (String p : c.phones()) {
      addCode(k, p, PhiType.PHONE);
    }
    for (String e : c.emails()) {
      String lower = lower(e.strip());
      if (lower.length() >= 3) {
        t.add(new Known(lower, PhiType.EMAIL, false));
      }
    }
    this.texts = List.copyOf(t);
    this.codes = List.copyOf(k);
    this.birthDate = c.birthDate().orElse(null);
    this.patientNameParts = List.copyOf(patientParts);
    this.patientFullNames = List.copyOf(full);
    this.otherNames = List.copyOf(others);
  }

  List<String> patientNameParts() {
    return patientNameParts;
  }

  List<String> patientFullNames() {
    return patientFullNames;
  }

  List<List<String>> otherNames() {
    return otherNames;
  }

  private static boolean isSpaced(String s) {
    for (int i = 0; i < s.length(); i++) {
      Character.UnicodeScript sc = Character.UnicodeScript.of(s.codePointAt(i));
      if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
          || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.THAI
          || sc == Character.UnicodeScript.LAO || sc == Character.UnicodeScript.KHMER) {
        return true;
      }
    }
    return false;
  }

  private static void addText(Set<Known> t, Set<KnownCode> k, String value, PhiType type) {
    String lower = lower(value.strip()).replaceAll("\\s+", " ");
    if (alnumCount(lower) >= 3) {
      t.add(new Known(lower, type, false));
    }
    // the house number alone is not identifying, the street name is caught by the whole line
  }

  private static void addCode(Set<KnownCode> k, String value, PhiType type) {
    String alnum = alnum(value);
    if (alnum.length() >= 4) {
      k.add(new KnownCode(alnum, type));
    }
  }

  static String lower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  private static int alnumCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += Character.isLetterOrDigit(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  static String alnum(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    String lower = lower(name);
    int i = 0;
    while (i < lower.length()) {
      while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < lower.length() && (Character.isLetterOrDigit(lower.charAt(i))
          || Character.getType(lower.charAt(i)) == Character.NON_SPACING_MARK
          || lower.charAt(i) == '\'' && i + 1 < lower.length() && Character.isLetter(lower.charAt(i + 1)))) {
        i++;
      }
      if (i > s) {
        out.add(lower.substring(s, i));
      }
    }
    return out;
  }

  boolean isEmpty() {
    return texts.isEmpty() && codes.isEmpty() && birthDate == null;
  }

  /** Every occurrence of a known identifier, at confidence 1. */
  List<PhiSpan> find(String text) {
    List<PhiSpan> out = new ArrayList<>();
    if (isEmpty() || text.isEmpty()) {
      return out;
    }
    String lower = lower(text);
    for (Known k : texts) {
      int from = 0;
      while (true) {
        int p = lower.indexOf(k.lower(), from);
        if (p < 0) {
          break;
        }
        int e = p + k.lower().length();
        if (k.boundaryFree() || boundary(lower, p - 1) && boundary(lower, e)) {
          out.add(new PhiSpan(p, e, k.type(), 1.0));
        }
        from = p + 1;
      }
    }
    if (!codes.isEmpty()) {
      findCodes(text, out);
    }
    if (birthDate != null) {
      TextView v = TextView.of(text);
      for (DateRecognizer.Hit h : DateRecognizer.find(v)) {
        if (h.value().sameDay(birthDate)) {
          out.add(new PhiSpan(v.start[h.first()], v.end[h.last()], PhiType.DATE, 1.0));
        }
      }
    }
    return out;
  }

  private static int digitCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += Character.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  private static boolean boundary(String s, int i) {
    return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
  }

  /** Runs of letters/digits joined by separators ("-", ".", "/", "(", ")", one space): each is searched. */
  private void findCodes(String text, List<PhiSpan> out) {
    int minCode = Integer.MAX_VALUE;
    int minDigits = Integer.MAX_VALUE;
    for (KnownCode k : codes) {
      minCode = Math.min(minCode, k.alnum().length());
      minDigits = Math.min(minDigits, digitCount(k.alnum()));
    }
    int len = text.length();
    int i = 0;
    StringBuilder norm = new StringBuilder();
    int[] index = new int[64];
    while (i < len) {
      if (!Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != '+') {
        i++;
        continue;
      }
      int digits = 0;
      int alnum = 0;
      int j = i;
      while (j < len) {
        char c = text.charAt(j);
        if (Character.isLetterOrDigit(c)) {
          alnum++;
          digits += Character.isDigit(c) ? 1 : 0;
          j++;
        } else if ((c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '+' || c == ' ')
            && j + 1 < len && (Character.isDigit(text.charAt(j + 1)) || text.charAt(j + 1) == '('
            || c != ' ' && Character.isLetterOrDigit(text.charAt(j + 1)))
            && (c != ' ' || j > 0 && (Character.isDigit(text.charAt(j - 1)) || text.charAt(j - 1) == ')'))) {
          j++;
        } else {
          break;
        }
      }
      // a run holding fewer digits than every code (a plain word, for numeric codes) cannot contain one
      if (alnum >= minCode && digits >= minDigits) {
        norm.setLength(0);
        if (index.length < alnum) {
          index = new int[alnum];
        }
        for (int p = i; p < j; p++) {
          char c = text.charAt(p);
          if (Character.isLetterOrDigit(c)) {
            index[norm.length()] = p;
            norm.append(Character.toLowerCase(c));
          }
        }
        String n = norm.toString();
        for (KnownCode k : codes) {
          int from = 0;
          while (true) {
            int p = n.indexOf(k.alnum(), from);
            if (p < 0) {
              break;
            }
            int e = p + k.alnum().length();
            out.add(new PhiSpan(index[p], index[e - 1] + 1, k.type(), 1.0));
            from = p + 1;
          }
        }
      }
      i = Math.max(j, i + 1);
    }
  }
}
