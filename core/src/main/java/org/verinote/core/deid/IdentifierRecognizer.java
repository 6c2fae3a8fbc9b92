package org.verinote.core.deid;

import java.util.List;

/**
 * Numbers introduced by what they are: "MRN 123456", "member id: XJ-449812", "licence number D1234567", "VIN …",
 * "pager #12345", "serial number …", "SSN", plus codes that mix letters and five or more digits.
 */
final class IdentifierRecognizer extends TokenRecognizer {

  IdentifierRecognizer() {
    super("identifiers");
  }

  @Override
  void scan(TextView v, List<PhiSpan> out) {
    for (int i = 0; i < v.size; i++) {
      if (v.kind[i] == TextView.ALNUM) {
        int digits = 0;
        for (int p = v.start[i]; p < v.end[i]; p++) {
          digits += Character.isDigit(v.text.charAt(p)) ? 1 : 0;
        }
        if (digits >= 5 && v.length(i) >= 6 && !dimension(v.lower(i))) {
          add(out, v, i, i, PhiType.ID, 0.7);
          continue;
        }
      }
      if (v.kind[i] != TextView.WORD && !v.isPunct(i, '#')) {
        continue;
      }
      if (v.kind[i] == TextView.WORD && !v.has(i, Lexicon.ID_CUE)) {
        continue;
      }
      int[] cue = cue(v, i);
      if (cue == null) {
        continue;
      }
      int j = cue[1] + 1;
      for (int k = 0; k < 3 && j < v.size; k++) {
        if (v.kind[j] == TextView.PUNCT && ":#=.".indexOf(v.text.charAt(v.start[j])) >= 0 || v.is(j, "number")
            || v.is(j, "no") || v.is(j, "num") || v.is(j, "is") || v.is(j, "id")) {
          j++;
        } else {
          break;
        }
      }
      if (j >= v.size || (v.kind[j] != TextView.NUMBER && v.kind[j] != TextView.ALNUM
          && !(v.kind[j] == TextView.WORD && (cue[0] == PhiType.VEHICLE.ordinal() || v.adjacent(j)
          && v.isPunct(j + 1, '-'))))) {
        continue;
      }
      int e = j;
      while (e + 2 < v.size && v.adjacent(e) && v.isPunct(e + 1, '-') && v.adjacent(e + 1)
          && v.kind[e + 2] != TextView.PUNCT) {
        e += 2;
      }
      int chars = v.end[e] - v.start[j];
      if (chars < 3 || !hasDigit(v, j, e)) {
        continue;
      }
      PhiType type = PhiType.values()[cue[0]];
      add(out, v, j, e, type, cue[2] / 100.0);
      i = e;
    }
  }

  /** "600x12", "20g", "5mg": settings and units, not identifiers. */
  private static boolean dimension(String w) {
    int x = w.indexOf('x');
    if (x > 0 && x < w.length() - 1) {
      boolean digitsAround = true;
      for (int p = 0; p < w.length(); p++) {
        digitsAround &= p == x || Character.isDigit(w.charAt(p));
      }
      if (digitsAround) {
        return true;
      }
    }
    int p = 0;
    while (p < w.length() && Character.isDigit(w.charAt(p))) {
      p++;
    }
    return p > 0 && p < w.length() && w.substring(p).chars().allMatch(Character::isLetter) && w.length() - p <= 4;
  }

  private static boolean hasDigit(TextView v, int first, int last) {
    for (int p = v.start[first]; p < v.end[last]; p++) {
      if (Character.isDigit(v.text.charAt(p))) {
        return true;
      }
    }
    return false;
  }

  /** {type ordinal, last cue token, confidence %} or null. */
  private static int[] cue(TextView v, int i) {
    if (v.isPunct(i, '#')) {
      return new int[] {PhiType.ID.ordinal(), i, 75};
    }
    String w = v.lower(i);
    switch (w) {
      case "mrn":
      case "mr#":
        return new int[] {PhiType.MRN.ordinal(), i, 95};
      case "record":
      case "chart":
        return v.is(i + 1, "number") || v.is(i + 1, "no") || v.is(i + 1, "#")
            ? new int[] {PhiType.MRN.ordinal(), i, 90} : null;
      case "account":
      case "acct":
      case "member":
      case "policy":
      case "subscriber":
      case "group":
      case "medicaid":
      case "medicare":
      case "insurance":
      case "plan":
      case "card":
      case "beneficiary":
        return new int[] {PhiType.ACCOUNT.ordinal(), i, w.equals("group") || w.equals("plan")
            || w.equals("card") ? 80 : 90};
      case "license":
      case "licence":
      case "certificate":
      case "dea":
      case "npi":
      case "registration":
        return new int[] {PhiType.LICENSE.ordinal(), i, 90};
      case "vin":
      case "plate":
      case "vehicle":
        return new int[] {PhiType.VEHICLE.ordinal(), i, 90};
      case "serial":
      case "device":
      case "implant":
      case "pacemaker":
      case "udi":
      case "model":
        return new int[] {PhiType.DEVICE.ordinal(), i, w.equals("model") ? 75 : 90};
      case "ssn":
        return new int[] {PhiType.SSN.ordinal(), i, 95};
      case "security":
        return v.is(i - 1, "social") ? new int[] {PhiType.SSN.ordinal(), i, 95} : null;
      case "pager":
      case "pgr":
      case "pg":
      case "beeper":
      case "bleep":
        return new int[] {PhiType.PHONE.ordinal(), i, 85};
      case "id":
      case "ref":
      case "reference":
      case "case":
      case "claim":
      case "confirmation":
      case "ticket":
      case "badge":
      case "passport":
        return new int[] {PhiType.ID.ordinal(), i, 80};
      default:
        return null;
    }
  }
}
