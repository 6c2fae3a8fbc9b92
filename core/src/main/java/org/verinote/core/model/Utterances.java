package org.verinote.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Transcript;
import org.verinote.core.Turn;

/**
 * Cleans speech-recognition text (fillers, false starts, immediate repeats, dictation commands, spacing around
 * punctuation) and splits turns into sentences. Linear in the transcript size. Stateless and thread-safe.
 */
final class Utterances {

  /** Longest sentence kept as one unit, in words; longer runs (unpunctuated text) are cut into pieces. */
  static final int MAX_SENTENCE_WORDS = 45;

  /** One sentence of one turn. */
  record Sentence(int turn, SpeakerRole role, String text, String lower, int words, double position,
      boolean question) {}

  private static final Pattern DICTATION = Pattern.compile("(?i)\\b(?:hey|okay|ok)\\s*,?\\s*(?:dragon|dax)\\b"
      + "\\s*[.,]?(?:\\s*(?:show me|finalize|open|go to)\\b[^.?!]*[.?!]?)?");
  private static final Pattern OPENER = Pattern.compile("(?i)^(?:(?:and|so|okay|ok|now|well|alright|all right|"
      + "right|but|yeah|yes|um|uh|oh|also|then|great|good|perfect)\\b\\s*,?\\s*)+");
  private static final java.util.Set<String> FILLERS = java.util.Set.of("um", "umm", "ummm", "uh", "uhh", "uhhh",
      "uhm", "er", "erm", "hmm", "hm", "hmmm", "mm", "mhm", "mm-hmm", "mmhmm", "uh-huh", "mm-mm", "ah");
  private static final Pattern CLITIC = Pattern.compile("(?i)(\\w) ('s|'re|'ve|'ll|'m|'d|n't)\\b");
  private static final Pattern GONNA = Pattern.compile("(?i)\\b(gon|wan|got) ?(na|ta)\\b");
  private static final Pattern FALSE_START = Pattern.compile("(?<![\\w'-])[A-Za-z']{1,12}-(?=\\s)");
  private static final Pattern GOING_TO = Pattern.compile("(?i)\\bgonna\\b");
  private static final Pattern WANT_TO = Pattern.compile("(?i)\\bwanna\\b");
  private static final Pattern GOT_TO = Pattern.compile("(?i)\\bgotta\\b");
  private static final Pattern COMMA_BEFORE_END = Pattern.compile(",([.?!])");
  private static final Pattern COMMA_AFTER_END = Pattern.compile("([.?!]),");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern COMMAS = Pattern.compile(",(?:\\s*,)+");
  private static final Pattern LEADING_JUNK = Pattern.compile("^[\\s,.;:!?-]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");

  private Utterances() {}

  /**
   * Cleans one turn's text.
   *
   * @param text raw turn text
   * @return cleaned text, possibly empty
   */
  static String clean(String text) {
    String s = text;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("dragon") || lower.contains("dax")) {
      s = DICTATION.matcher(s).replaceAll(" ");
    }
    if (lower.contains("na") || lower.contains("ta")) {
      s = GONNA.matcher(s).replaceAll("$1$2");
      s = GOING_TO.matcher(s).replaceAll("going to");
      s = WANT_TO.matcher(s).replaceAll("want to");
      s = GOT_TO.matcher(s).replaceAll("got to");
    }
    if (s.indexOf(" '") >= 0 || s.indexOf(" n't") >= 0) {
      s = CLITIC.matcher(s).replaceAll("$1$2");
    }
    if (s.indexOf("- ") >= 0) {
      s = FALSE_START.matcher(s).replaceAll(" ");
    }
    s = tidySpaces(s);
    s = collapseRepeats(s);
    if (s.indexOf(',') >= 0) {
      s = COMMAS.matcher(s).replaceAll(",");
      s = COMMA_BEFORE_END.matcher(s).replaceAll("$1");
      s = COMMA_AFTER_END.matcher(s).replaceAll("$1");
    }
    return LEADING_JUNK.matcher(s.strip()).replaceAll("");
  }

  /**
   * Drops immediate repeats of one to four words ("i , i got" → "i got", "i'm doing well, i'm doing well." →
   * "i'm doing well."). Linear: at most four comparisons per word.
   */
  static String collapseRepeats(String s) {
    String[] w = s.split(" ");
    String[] key = new String[w.length];
    int kept = 0;
    for (int i = 0; i < w.length; i++) {
      String k = stripEnd(w[i].toLowerCase(Locale.ROOT));
      boolean twoWordFiller = i + 1 < w.length && (k.equals("you") || k.equals("i"))
          && stripEnd(w[i + 1].toLowerCase(Locale.ROOT)).equals(k.equals("you") ? "know" : "mean")
          && (w[i + 1].endsWith(",") || i + 2 == w.length);
      if (FILLERS.contains(k) || twoWordFiller) {
        if (twoWordFiller) {
          i++;
        }
        continue; // fillers carry no content; their punctuation goes with them
      }
      w[kept] = w[i];
      key[kept] = k;
      kept++;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < kept) {
      int skip = 0;
      for (int n = 4; n >= 1 && skip == 0; n--) {
        if (i + 2 * n <= kept && !key[i].isEmpty() && sameRun(key, i, i + n, n)) {
          skip = n;
        }
      }
      if (skip > 0) {
        i += skip; // drop the first copy, keep the second (it carries the punctuation that follows)
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(w[i]);
      i++;
    }
    return out.toString();
  }

  private static String stripEnd(String w) {
    int end = w.length();
    while (end > 0 && ",.?!;:".indexOf(w.charAt(end - 1)) >= 0) {
      end--;
    }
    return w.substring(0, end);
  }

  /** Collapses runs of whitespace to one space and removes the space before , . ? ! ; : (linear, no regex). */
  static String tidySpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace && ",.?!;:".indexOf(c) < 0) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean sameRun(String[] key, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      if (!key[a + k].equals(key[b + k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits every turn into cleaned sentences.
   *
   * @param transcript the transcript
   * @return the sentences in spoken order
   */
  static List<Sentence> split(Transcript transcript) {
    List<Turn> turns = transcript.turns();
    List<Sentence> out = new ArrayList<>();
    double n = Math.max(1, turns.size() - 1);
    for (Turn t : turns) {
      String cleaned = clean(t.text());
      if (cleaned.isEmpty()) {
        continue;
      }
      double position = t.index() / n;
      for (String s : SENTENCE_END.split(cleaned)) {
        for (String piece : cut(s.strip())) {
          String text = LEADING_JUNK.matcher(OPENER.matcher(LEADING_JUNK.matcher(piece).replaceAll(""))
              .replaceAll("")).replaceAll("").strip();
          if (!text.isEmpty()) {
            out.add(new Sentence(t.index(), t.role(), text, text.toLowerCase(Locale.ROOT), wordCount(text),
                position, text.endsWith("?")));
          }
        }
      }
    }
    return out;
  }

  /** Cuts a run longer than {@link #MAX_SENTENCE_WORDS} at word boundaries. */
  private static List<String> cut(String s) {
    if (wordCount(s) <= MAX_SENTENCE_WORDS) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    StringBuilder piece = new StringBuilder();
    int words = 0;
    while (m.find()) {
      if (piece.length() > 0) {
        piece.append(' ');
      }
      piece.append(m.group());
      words++;
      boolean comma = m.group().endsWith(",");
      if (words >= MAX_SENTENCE_WORDS || (comma && words >= MAX_SENTENCE_WORDS / 2)) {
        out.add(piece.toString());
        piece.setLength(0);
        words = 0;
      }
    }
    if (piece.length() > 0) {
      out.add(piece.toString());
    }
    return out;
  }

  static int wordCount(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }
}
