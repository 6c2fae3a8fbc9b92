package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * Pattern checks: phone numbers, e-mail addresses, URLs, ID-like numbers (SSN, MRN-like digit runs) and street
 * addresses that appear in the note but not in the transcript (digits compared digit by digit, spoken digits and
 * "john at example dot com" included). Each is an {@link Severity#ERROR} finding ({@code INVENTED_PHONE},
 * {@code INVENTED_EMAIL}, {@code INVENTED_URL}, {@code INVENTED_ID}, {@code INVENTED_ADDRESS}); in
 * {@link Mode#REMOVE} mode the text is also removed from the note. De-identification tokens ({@code [PHONE_1]})
 * are never matched.
 *
 * <p>Immutable and thread-safe; linear time.
 */
public final class PatternCheck implements Guardrail {

  /** The layer name. */
  public static final String NAME = "pattern-check";

  /** What to do with an invented identifier. */
  public enum Mode {
    /** Keep it and report it (default). */
    FLAG,
    /** Remove it and report the removal. */
    REMOVE
  }

  /** The kinds of pattern checked. */
  public enum Kind {
    /** Phone and fax numbers. */
    PHONE("INVENTED_PHONE", Pattern.compile(
        "(?<![\\w\\[])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\w)")),
    /** E-mail addresses. */
    EMAIL("INVENTED_EMAIL", Pattern.compile("(?<![\\w.])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")),
    /** URLs. */
    URL("INVENTED_URL", Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s)\\]]+")),
    /** Social security and record numbers: 3-2-4 groups, or 6+ digit runs. */
    ID("INVENTED_ID", Pattern.compile(
        "(?<![\\w\\[/.-])(?:\\d{3}-\\d{2}-\\d{4}|(?:MRN|ID|#)?\\s?\\d{6,})(?![\\w/-]|\\.\\d)")),
    /** Street addresses: a house number, one to four words, a street suffix. */
    ADDRESS("INVENTED_ADDRESS", Pattern.compile("(?i)\\b\\d{1,6}\\s+(?:[A-Z][a-z]+\\s+){1,4}"
        + "(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace)\\b\\.?"));

    private final String code;
    private final Pattern pattern;

    Kind(String code, Pattern pattern) {
      this.code = code;
      this.pattern = pattern;
    }

    Pattern pattern() {
      return pattern;
    }
  }

  private final Mode mode;
  private final Set<Kind> kinds;

  private PatternCheck(Builder b) {
    this.mode = b.mode;
    this.kinds = Set.copyOf(b.kinds);
  }

  /** @return a builder (default: every kind, {@link Mode#FLAG}) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    TranscriptIndex idx = TranscriptIndex.of(context.transcript());
    List<NoteSection> out = Layers.copy(context.note());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      NoteSection s = out.get(i);
      List<int[]> hits = new ArrayList<>();
      for (Kind k : Kind.values()) {
        if (!kinds.contains(k) || !mayMatch(k, s.text())) {
          continue;
        }
        Matcher m = k.pattern.matcher(s.text());
        while (m.find()) {
          if (overlaps(hits, m.start(), m.end()) || inPlaceholder(s.text(), m.start())
              || inTranscript(idx, k, m.group())) {
            continue;
          }
          hits.add(new int[] {m.start(), m.end()});
          findings.add(Finding.of(NAME, k.code, Severity.ERROR, message(k)).at(s.key(), new Span(m.start(), m.end())));
        }
      }
      if (mode == Mode.REMOVE && !hits.isEmpty()) {
        hits.sort((a, b) -> Integer.compare(a[0], b[0]));
        out.set(i, s.withText(Layers.remove(s.text(), hits), s.evidence()));
      }
    }
    return Layers.verdict(context.note(), out, findings, Map.of());
  }

  private String message(Kind k) {
    String what = k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return "A " + (k == Kind.ID ? "ID-like number" : what) + " in the note does not occur in the transcript"
        + (mode == Mode.REMOVE ? "; it was removed." : ".");
  }

  /**
   * A cheap test that the kind's pattern cannot match: no '@' for an e-mail, no digit for a phone, ID or address,
   * neither "://" nor "www." for a URL. Skipping the scan changes no result.
   */
  static boolean mayMatch(Kind k, String text) {
    switch (k) {
      case EMAIL:
        return text.indexOf('@') >= 0;
      case URL:
        return text.contains("://") || containsIgnoreCase(text, "www.");
      default:
        for (int i = 0; i < text.length(); i++) {
          if (Character.isDigit(text.charAt(i))) {
            return true;
          }
        }
        return false;
    }
  }

  private static boolean containsIgnoreCase(String text, String what) {
    for (int i = 0; i + what.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, what, 0, what.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(List<int[]> hits, int s, int e) {
    for (int[] h : hits) {
      if (s < h[1] && h[0] < e) {
        return true;
      }
    }
    return false;
  }

  private static boolean inPlaceholder(String text, int pos) {
    int open = text.lastIndexOf('[', pos);
    int close = text.lastIndexOf(']', pos);
    return open > close && text.indexOf(']', pos) > 0 && Tokenizer.PLACEHOLDER.matcher(
        text.substring(open, text.indexOf(']', pos) + 1)).matches();
  }

  private static boolean inTranscript(TranscriptIndex idx, Kind k, String found) {
    String lower = found.toLowerCase(Locale.ROOT);
    if (idx.lower.contains(lower)) {
      return true;
    }
    switch (k) {
      case PHONE:
      case ID:
        String digits = found.replaceAll("[^0-9]", "");
        String last7 = digits.length() > 7 ? digits.substring(digits.length() - 7) : digits;
        return idx.digits.replace(" ", "").contains(last7) || idx.digits.contains(last7);
      case EMAIL:
        String spoken = lower.replace("@", " at ").replace(".", " dot ").replaceAll("\\s+", " ").strip();
        return idx.lower.replaceAll("\\s+", " ").contains(spoken);
      case ADDRESS:
        String number = found.replaceAll("^\\D*(\\d+).*$", "$1");
        return idx.numbers.contains(Numbers.canonical(number))
            && idx.lower.contains(found.replaceAll("^\\d+\\s+", "").toLowerCase(Locale.ROOT).split("\\s+")[0]);
      default:
        return false;
    }
  }

  @Override
  public String toString() {
    return "PatternCheck[mode=" + mode + ", kinds=" + kinds + "]";
  }

  /** Builds {@link PatternCheck}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private Mode mode = Mode.FLAG;
    private final EnumSet<Kind> kinds = EnumSet.allOf(Kind.class);

    private Builder() {}

    /**
     * Sets what to do with an invented identifier (default {@link Mode#FLAG}).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Restricts the kinds checked (default: all).
     *
     * @param first a kind
     * @param rest more kinds
     * @return this builder
     */
    public Builder kinds(Kind first, Kind... rest) {
      kinds.clear();
      kinds.add(Objects.requireNonNull(first, "kind"));
      for (Kind k : rest) {
        kinds.add(Objects.requireNonNull(k, "kind"));
      }
      return this;
    }

    /** @return the layer */
    public PatternCheck build() {
      return new PatternCheck(this);
    }
  }
}
