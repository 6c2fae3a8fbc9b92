package org.verinote.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ordered list of speaker turns: what was said in one consultation.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints counts only.
 *
 * <p>Parse real-world layouts with {@link #parse(String)} (format detected) or
 * {@link #parse(String, TranscriptFormat)}; build one by hand with {@link #of(List)}.
 *
 * {@snippet :
 * Transcript t = Transcript.parse("[doctor] how are you feeling ?\n[patient] tired , mostly .");
 * assert t.turns().get(1).role() == SpeakerRole.PATIENT;
 * }
 */
public final class Transcript {

  /** Largest transcript accepted by the parsers, in characters (about 10 MB of text). */
  public static final int MAX_CHARS = 10 * 1024 * 1024;

  private static final Pattern BRACKET_LABEL = Pattern.compile("^\\s*\\[([A-Za-z_ -]{1,40})\\]\\s*");
  private static final Pattern COLON_LABEL =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z .'_-]{0,30}?)\\s*:\\s*");

  private final List<Turn> turns;

  private Transcript(List<Turn> turns) {
    this.turns = turns;
  }

  /**
   * Creates a transcript from turns built by hand. The turns are re-indexed in list order.
   *
   * @param turns the turns in spoken order
   * @return the transcript
   * @throws NullPointerException if {@code turns} or any element is null
   * @throws InvalidInputException if there is no turn with non-blank text
   */
  public static Transcript of(List<Turn> turns) {
    Objects.requireNonNull(turns, "turns");
    List<Turn> copy = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      Objects.requireNonNull(t, "turns element");
      copy.add(new Turn(copy.size(), t.role(), t.text()));
    }
    requireContent(copy);
    return new Transcript(List.copyOf(copy));
  }

  /**
   * Parses text whose layout is detected: ACI-Bench {@code [doctor]} lines, MTS-Dialog {@code Doctor:} lines, or
   * unlabelled plain text.
   *
   * @param text the transcript text
   * @return the parsed transcript
   * @throws NullPointerException if {@code text} is null
   * @throws InvalidInputException if the text is blank, larger than {@link #MAX_CHARS}, or not text (contains
   *     NUL or other binary control characters)
   */
  public static Transcript parse(String text) {
    return parse(text, TranscriptFormat.AUTO);
  }

  /**
   * Parses text in the given layout.
   *
   * @param text the transcript text
   * @param format the layout, or {@link TranscriptFormat#AUTO} to detect it
   * @return the parsed transcript
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the text is blank, too large, or binary
   */
  public static Transcript parse(String text, TranscriptFormat format) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    if (text.length() > MAX_CHARS) {
      throw new InvalidInputException("Transcript too large: " + text.length() + " characters, the limit is "
          + MAX_CHARS + ". Split the consultation or raise the limit in your own pre-processing.");
    }
    int binary = countBinary(text);
    if (binary > 0) {
      throw new InvalidInputException("Transcript is not text: found " + binary
          + " control or replacement characters (binary file or wrong encoding?). Provide UTF-8 text.");
    }
    if (isBlank(text)) {
      throw new InvalidInputException("Transcript is empty: expected at least one non-blank turn, found "
          + text.length() + " whitespace characters.");
    }
    TranscriptFormat f = format == TranscriptFormat.AUTO ? detect(text) : format;
    List<Turn> turns = switch (f) {
      case BRACKETED -> parseLabelled(text, BRACKET_LABEL);
      case COLON_LABELLED -> parseLabelled(text, COLON_LABEL);
      case PLAIN, AUTO -> parsePlain(text);
    };
    requireContent(turns);
    return new Transcript(List.copyOf(turns));
  }

  /**
   * The turns in spoken order.
   *
   * @return an unmodifiable list
   */
  public List<Turn> turns() {
    return turns;
  }

  /**
   * The number of turns.
   *
   * @return the turn count, at least 1
   */
  public int size() {
    return turns.size();
  }

  /**
   * Total characters over all turns' text.
   *
   * @return the character count
   */
  public int charCount() {
    int n = 0;
    for (Turn t : turns) {
      n += t.text().length();
    }
    return n;
  }

  /**
   * Renders the transcript in ACI-Bench layout, one {@code [role] text} line per turn.
   *
   * @return the rendered text
   */
  public String render() {
    StringBuilder sb = new StringBuilder(charCount() + turns.size() * 12);
    for (Turn t : turns) {
      sb.append('[').append(label(t.role())).append("] ").append(t.text()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns a transcript whose turns' text is replaced by {@code mapper}, keeping roles and order. Used by
   * de-identification.
   *
   * @param mapper maps each turn to its new text; must not return null
   * @return the new transcript
   */
  public Transcript mapText(java.util.function.Function<Turn, String> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    List<Turn> out = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      out.add(new Turn(t.index(), t.role(), Objects.requireNonNull(mapper.apply(t), "mapped text")));
    }
    return new Transcript(List.copyOf(out));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transcript other && turns.equals(other.turns);
  }

  @Override
  public int hashCode() {
    return turns.hashCode();
  }

  @Override
  public String toString() {
    return "Transcript[turns=" + turns.size() + ", chars=" + charCount() + "]";
  }

  static String label(SpeakerRole role) {
    return switch (role) {
      case CLINICIAN -> "doctor";
      case PATIENT -> "patient";
      case OTHER -> "other";
    };
  }

  private static TranscriptFormat detect(String text) {
    int lines = 0;
    int bracketed = 0;
    int colon = 0;
    for (String line : text.split("\\R", 200)) {
      if (isBlank(line)) {
        continue;
      }
      lines++;
      Matcher b = BRACKET_LABEL.matcher(line);
      if (b.find() && roleOf(b.group(1)) != null) {
        bracketed++;
      }
      Matcher c = COLON_LABEL.matcher(line);
      if (c.find() && roleOf(c.group(1)) != null) {
        colon++;
      }
    }
    if (bracketed > 0 && bracketed * 3 >= lines) {
      return TranscriptFormat.BRACKETED;
    }
    if (colon > 0 && colon * 3 >= lines) {
      return TranscriptFormat.COLON_LABELLED;
    }
    return TranscriptFormat.PLAIN;
  }

  private static List<Turn> parseLabelled(String text, Pattern label) {
    List<Turn> turns = new ArrayList<>();
    SpeakerRole role = null;
    StringBuilder current = null;
    for (String line : text.split("\\R")) {
      Matcher m = label.matcher(line);
      SpeakerRole r = m.find() ? roleOf(m.group(1)) : null;
      if (r != null) {
        flush(turns, role, current);
        role = r;
        current = new StringBuilder(line.substring(m.end()).strip());
      } else if (!isBlank(line)) {
        if (current == null) { // text before the first label: keep it, speaker unknown
          role = SpeakerRole.OTHER;
          current = new StringBuilder(line.strip());
        } else {
          if (current.length() > 0) {
            current.append(' ');
          }
          current.append(line.strip());
        }
      }
    }
    flush(turns, role, current);
    return turns;
  }

  private static void flush(List<Turn> turns, SpeakerRole role, StringBuilder current) {
    if (current != null && !isBlank(current)) {
      turns.add(new Turn(turns.size(), role, current.toString()));
    }
  }

  private static List<Turn> parsePlain(String text) {
    List<Turn> turns = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!isBlank(line)) {
        turns.add(new Turn(turns.size(), SpeakerRole.OTHER, line.strip()));
      }
    }
    return turns;
  }

  /** Maps a speaker label to a role; {@code null} when the label is not a speaker label at all. */
  static SpeakerRole roleOf(String rawLabel) {
    String l = rawLabel.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return switch (l) {
      case "doctor", "dr", "dr.", "physician", "clinician", "provider", "nurse", "np", "pa", "guest_clinician" ->
          SpeakerRole.CLINICIAN;
      case "patient", "pt", "pt." -> SpeakerRole.PATIENT;
      case "patient_guest", "guest", "family", "mother", "father", "wife", "husband", "son", "daughter",
          "parent", "caregiver", "interpreter", "speaker", "other", "unknown", "guest_family" -> SpeakerRole.OTHER;
      default -> null;
    };
  }

  private static int countBinary(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD' || c == 0x7F) {
        n++;
      }
    }
    return n;
  }

  /**
   * Blank in the sense a reader sees: Java whitespace, but also no-break and other Unicode spaces and the
   * zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that copy-pasted text carries.
   */
  static boolean isBlank(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !(c >= '\u200B' && c <= '\u200D')
          && c != '\u2060' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private static void requireContent(List<Turn> turns) {
    for (Turn t : turns) {
      if (!isBlank(t.text())) {
        return;
      }
    }
    throw new InvalidInputException("Transcript is empty: expected at least one turn with text, found "
        + turns.size() + " turns, all blank.");
  }
}
