package org.verinote.eval.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.SectionSpec;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.Turn;

/**
 * Computes {@link NoteQuality}: section completeness against the template, a lexical source-fidelity share,
 * evidence coverage, and structural consistency (JSON fragments, repetition, hedges).
 *
 * <p>Source fidelity here is lexical: a sentence counts as supported when at least {@value #SUPPORT_THRESHOLD_PERCENT}%
 * of its content words (tokens of 3+ characters outside a short stop list, numbers always count) occur in the
 * transcript. It is a cheap, deterministic proxy that needs no model; the guardrails module's evidence checks are
 * stricter. See {@code docs/guides/evaluate.md}.
 *
 * <p>Thread-safe (stateless). Cost: linear in note + transcript length.
 */
public final class NoteMetrics {

  static final int SUPPORT_THRESHOLD_PERCENT = 60;

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
  private static final Pattern JSON_FRAGMENT =
      Pattern.compile("[{\\[,]\\s*\"[A-Za-z_][A-Za-z0-9_ ]*\"\\s*:|\"\\s*[}\\]]|^\\s*[{}\\[\\]]\\s*$",
          Pattern.MULTILINE);
  private static final List<String> HEDGES = List.of("i think", "i believe", "i'm not sure", "i am not sure",
      "as an ai", "language model", "it is possible that", "it seems that", "it appears that", "i cannot",
      "i can't", "not sure if", "may or may not", "hard to say", "here is the note", "here's the note");
  private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "was", "were", "has",
      "have", "had", "are", "his", "her", "she", "him", "they", "them", "but", "not", "from", "will", "patient",
      "also", "any", "all", "been", "which", "who", "their", "there", "today", "did", "does", "can", "would");

  private NoteMetrics() {}

  /**
   * Measures one note.
   *
   * @param note the drafted note
   * @param template the template it was drafted against
   * @param transcript the source transcript
   * @return the measures
   * @throws NullPointerException if an argument is null
   */
  public static NoteQuality measure(StructuredNote note, NoteTemplate template, Transcript transcript) {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(transcript, "transcript");
    int filled = 0;
    for (SectionSpec spec : template.sections()) {
      if (note.section(spec.key()).map(s -> !s.isEmpty()).orElse(false)) {
        filled++;
      }
    }
    double completeness = template.sections().isEmpty() ? 1.0 : filled / (double) template.sections().size();
    int nonEmpty = 0;
    int withEvidence = 0;
    for (NoteSection s : note.sections()) {
      if (!s.isEmpty()) {
        nonEmpty++;
        if (!s.evidence().isEmpty()) {
          withEvidence++;
        }
      }
    }
    double evidenceShare = nonEmpty == 0 ? 0.0 : withEvidence / (double) nonEmpty;
    StringBuilder source = new StringBuilder();
    for (Turn t : transcript.turns()) {
      source.append(t.text()).append('\n');
    }
    StringBuilder text = new StringBuilder();
    for (NoteSection s : note.sections()) {
      text.append(s.text()).append('\n');
    }
    return measureText(text.toString(), source.toString(), completeness, evidenceShare);
  }

  /**
   * Measures a plain-text note (no template, no evidence): completeness and evidence share are reported as 0 unless
   * given.
   *
   * @param noteText the note
   * @param sourceText the transcript text
   * @param completeness the completeness to report
   * @param evidenceShare the evidence share to report
   * @return the measures
   */
  public static NoteQuality measureText(String noteText, String sourceText, double completeness,
      double evidenceShare) {
    Objects.requireNonNull(noteText, "noteText");
    Objects.requireNonNull(sourceText, "sourceText");
    Set<String> sourceWords = new HashSet<>(words(sourceText));
    List<String> sentences = sentences(noteText);
    int supported = 0;
    Set<String> seen = new HashSet<>();
    int repeated = 0;
    for (String s : sentences) {
      List<String> content = new ArrayList<>();
      for (String w : words(s)) {
        if (Character.isDigit(w.charAt(0)) || (w.length() >= 3 && !STOP.contains(w))) {
          content.add(w);
        }
      }
      int hit = 0;
      for (String w : content) {
        if (sourceWords.contains(w)) {
          hit++;
        }
      }
      if (content.isEmpty() || hit * 100 >= SUPPORT_THRESHOLD_PERCENT * content.size()) {
        supported++;
      }
      String norm = String.join(" ", words(s));
      if (norm.split(" ").length >= 4 && !seen.add(norm)) {
        repeated++;
      }
    }
    double share = sentences.isEmpty() ? 1.0 : supported / (double) sentences.size();
    int json = count(JSON_FRAGMENT.matcher(noteText));
    String lower = noteText.toLowerCase(Locale.ROOT);
    int hedges = 0;
    for (String h : HEDGES) {
      int from = 0;
      while ((from = lower.indexOf(h, from)) >= 0) {
        hedges++;
        from += h.length();
      }
    }
    return new NoteQuality(completeness, share, evidenceShare, json, repeated, hedges);
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text)) {
      if (!words(s).isEmpty()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static int count(Matcher m) {
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
