package org.verinote.guardrails;

/**
 * One token of note or transcript text: its raw form, its normalised form, where it sits, and what it is.
 *
 * @param raw the characters as written
 * @param norm lower-cased, stemmed form (for {@link Kind#NUMBER} the canonical value, e.g. {@code "140"},
 *     {@code "2.5"}; for {@link Kind#PLACEHOLDER} the raw token)
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param kind what the token is
 * @param low the raw form lower-cased ({@link java.util.Locale#ROOT}); computed once here because the cue and
 *     question readers look every token up in several word sets
 */
record Tok(String raw, String norm, int start, int end, Kind kind, String low) {

  Tok(String raw, String norm, int start, int end, Kind kind) {
    this(raw, norm, start, end, kind, raw.toLowerCase(java.util.Locale.ROOT));
  }

  enum Kind {
    /** A word of letters (may carry digits, e.g. "a1c", "covid-19" stays one word). */
    WORD,
    /** A number written in digits. */
    NUMBER,
    /** A de-identification token such as {@code [PATIENT_1]}: opaque. */
    PLACEHOLDER,
    /** A punctuation mark that matters for scope: , ; : . ? ! ( ) / */
    PUNCT
  }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  boolean isPunct(char c) {
    return kind == Kind.PUNCT && raw.length() == 1 && raw.charAt(0) == c;
  }
}
