package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tokens into the clinical terms alignment works on: synonyms and abbreviations mapped to one canonical
 * spelling ("BP" and "blood pressure" both give {@code blood pressure}), numbers as {@code #value} (spoken ones
 * too), function words and note boilerplate dropped. Stateless and thread-safe.
 */
final class Terms {
  private static final java.util.Set<String> DIGIT_WORDS = java.util.Set.of("zero", "one", "two", "three", "four",
      "five", "six", "seven", "eight", "nine");

  /**
   * Whether the full stop at {@code j} is a spoken decimal point: speech recognition writes "two point five of
   * norvasc" as "two . five of norvasc" and "ninety eight point six" as "ninety eight . six" — a number run before
   * it (without a point yet), one digit word after it.
   */
  private static boolean spokenPoint(List<Tok> toks, int j, int to, List<String> run) {
    return !run.isEmpty() && !run.contains("point") && toks.get(j).raw().equals(".") && j + 1 < to
        && DIGIT_WORDS.contains(toks.get(j + 1).low());
  }

  /**
   * One term and the token it came from.
   *
   * @param text the canonical term ({@code #140} for a number)
   * @param tok index of the first token it came from
   * @param endTok index after the last token it came from
   */
  record Term(String text, int tok, int endTok) {
    boolean isNumber() {
      return text.startsWith("#");
    }
  }

  private Terms() {}

  /** Words before "back" that make it the body site ("my back", "lower back"), not the adverb ("come back"). */
  private static final java.util.Set<String> BACK_OWNERS = java.util.Set.of("my", "the", "his", "her", "your",
      "their", "lower", "low", "upper", "mid", "middle");
  /** Words after "back" that make it the body site ("back pain", "back hurts"). */
  private static final java.util.Set<String> BACK_FINDINGS = java.util.Set.of("pain", "pains", "ache", "aches",
      "aching", "hurt", "hurts", "hurting", "painful", "spasm", "spasms", "stiffness", "injury", "surgery");

  /**
   * Whether "back" at {@code i} is the body site: after a possessive, article or "lower"/"upper" ("my back",
   * "the low back"), or before a complaint ("back pain"). Otherwise it is the adverb ("come back", "lean back")
   * and a stop word.
   */
  static boolean isBackSite(List<Tok> toks, int i, int from, int to) {
    if (!toks.get(i).norm().equals("back")) {
      return false;
    }
    if (i > from && toks.get(i - 1).isWord()
        && BACK_OWNERS.contains(toks.get(i - 1).low())) {
      return true;
    }
    return i + 1 < to && toks.get(i + 1).isWord()
        && BACK_FINDINGS.contains(toks.get(i + 1).low());
  }

  /**
   * Extracts terms from {@code toks[from, to)}.
   *
   * @param toks the tokens
   * @param from first token
   * @param to end token, exclusive
   * @param transcriptSide whether spoken numbers should yield every reading (transcript) or the single written
   *     reading (note)
   * @return terms in order
   */
  static List<Term> of(List<Tok> toks, int from, int to, boolean transcriptSide) {
    List<Term> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      Tok t = toks.get(i);
      switch (t.kind()) {
        case PLACEHOLDER:
          out.add(new Term(t.raw(), i, i + 1));
          i++;
          continue;
        case NUMBER:
          out.add(new Term("#" + t.norm(), i, i + 1));
          i++;
          continue;
        case PUNCT:
          i++;
          continue;
        default:
          break;
      }
      String w = t.low();
      if (Numbers.isNumberWord(w) && !w.equals("second")) {
        int j = i;
        List<String> run = new ArrayList<>();
        while (j < to && (toks.get(j).isWord() || (transcriptSide && spokenPoint(toks, j, to, run)))) {
          if (!toks.get(j).isWord()) {
            run.add("point");
            j++;
            continue;
          }
          String x = toks.get(j).low();
          boolean connector = (x.equals("and") || x.equals("point") || x.equals("a")) && j + 1 < to
              && toks.get(j + 1).isWord()
              && Numbers.isNumberWord(toks.get(j + 1).low());
          if (Numbers.isNumberWord(x) || (connector && !run.isEmpty())) {
            run.add(x);
            j++;
          } else {
            break;
          }
        }
        boolean loneOne = run.size() == 1 && (w.equals("one") || w.equals("half") || w.equals("first"));
        if (transcriptSide) {
          for (String v : Numbers.spokenValues(run)) {
            out.add(new Term("#" + v, i, j));
          }
        } else if (!loneOne) {
          long v = Numbers.compose(run);
          if (v >= 0) {
            out.add(new Term("#" + v, i, j));
          } else {
            for (String s : Numbers.spokenValues(run)) {
              out.add(new Term("#" + s, i, j));
              break;
            }
          }
        }
        i = j;
        continue;
      }
      int matched = 0;
      List<String> canon = null;
      int maxPhrase = Lexicon.SYNONYM_STARTS.contains(t.norm()) ? Lexicon.MAX_PHRASE : 0;
      StringBuilder key = maxPhrase == 0 ? null : new StringBuilder(32);
      for (int k = 0; k < maxPhrase && i + k < to; k++) {
        Tok x = toks.get(i + k);
        if (x.kind() != Tok.Kind.WORD && !(x.kind() == Tok.Kind.PUNCT && x.raw().equals("%"))) {
          break;
        }
        if (k > 0) {
          key.append(' ');
        }
        key.append(x.norm());
        List<String> c = Lexicon.SYNONYMS.get(key.toString());
        if (c != null) {
          canon = c;
          matched = k + 1;
        }
      }
      if (canon != null) {
        for (String c : canon) {
          if (!Lexicon.STOP.contains(c)) {
            out.add(new Term(c, i, i + matched));
          }
        }
        i += matched;
        continue;
      }
      if ((!Lexicon.STOP.contains(t.norm()) || isBackSite(toks, i, from, to)) && t.norm().length() > 1) {
        out.add(new Term(t.norm(), i, i + 1));
      }
      i++;
    }
    return out;
  }
}
