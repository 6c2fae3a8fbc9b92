package org.verinote.eval.rouge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ACI-Bench's ROUGE protocol ({@code evaluation/evaluate_fullnote.py}) reproduced: every note is scored as a whole
 * (the tables' "ALL" rows; the printed "ROUGE-L" is {@code rougeLsum} on the raw note, split on its newlines) and per
 * division after the benchmark's section tagger, where each division's newlines become the literal token
 * {@code __lf1__} and a division missing from one note is scored as {@code #####EMPTY#####} if any note on the same
 * side has it, else as the empty string.
 *
 * <p>Thread-safe and stateless. Cost: one {@link RougeScorer} pass per note and per division; all of test1 (40
 * notes × 5) in well under a second.
 */
public final class AciBenchRouge {

  /** What pandas' {@code fillna} writes for a division one note lacks. */
  public static final String EMPTY_DIVISION = "#####EMPTY#####";
  /** What {@code str(float('nan'))} gives for an empty prediction cell. */
  public static final String MISSING_PREDICTION = "nan";

  private static final AciBenchRouge INSTANCE = new AciBenchRouge();

  private AciBenchRouge() {}

  /**
   * The evaluator.
   *
   * @return the shared instance
   */
  public static AciBenchRouge create() {
    return INSTANCE;
  }

  /**
   * The result of one system on one gold set.
   *
   * @param all per-note scores of the whole notes
   * @param divisions per-note scores of each division
   */
  public record Result(CorpusRouge all, Map<Division, CorpusRouge> divisions) {
    /**
     * Copies the map.
     *
     * @throws NullPointerException if an argument is null
     */
    public Result {
      Objects.requireNonNull(all, "all");
      divisions = Collections.unmodifiableMap(new EnumMap<>(divisions));
    }
  }

  /**
   * Scores predictions against references, row by row.
   *
   * @param references gold notes
   * @param predictions system notes, same order; a null element is scored as the text {@code "nan"}, as ACI-Bench's
   *     pandas pipeline does with an empty cell
   * @return full-note and per-division scores
   * @throws NullPointerException if a list or a reference is null
   * @throws IllegalArgumentException if the lists differ in size or are empty
   */
  public Result evaluate(List<String> references, List<String> predictions) {
    Objects.requireNonNull(references, "references");
    Objects.requireNonNull(predictions, "predictions");
    if (references.size() != predictions.size()) {
      throw new IllegalArgumentException("Expected as many predictions as references, got " + predictions.size()
          + " predictions for " + references.size() + " references. Align the files row by row.");
    }
    if (references.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one reference, got none");
    }
    int n = references.size();
    List<String> refs = new ArrayList<>(n);
    List<String> preds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      refs.add(Objects.requireNonNull(references.get(i), "reference " + i));
      String p = predictions.get(i);
      preds.add(p == null ? MISSING_PREDICTION : p);
    }
    RougeScorer scorer = RougeScorer.create();
    List<RougeScores> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(scorer.score(refs.get(i), preds.get(i)));
    }
    Map<Division, List<String>> refDiv = divisionColumns(refs);
    Map<Division, List<String>> predDiv = divisionColumns(preds);
    Map<Division, CorpusRouge> divisions = new EnumMap<>(Division.class);
    for (Division d : Division.values()) {
      List<RougeScores> scores = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        scores.add(scorer.score(refDiv.get(d).get(i), predDiv.get(d).get(i)));
      }
      divisions.put(d, new CorpusRouge(scores));
    }
    return new Result(new CorpusRouge(all), divisions);
  }

  /**
   * Splits a note into ACI-Bench divisions with the benchmark's section tagger (a Java port of
   * {@code sectiontagger.py}). A note without any recognised header is all {@link Division#SUBJECTIVE}.
   *
   * @param note the note
   * @return each division found and its text (header line included, newlines kept), in {@link Division} order
   * @throws NullPointerException if the note is null
   */
  public static Map<Division, String> divide(String note) {
    return Collections.unmodifiableMap(AciSectionTagger.divide(Objects.requireNonNull(note, "note")));
  }

  /** One column per division as the DataFrame has it: text with __lf1__, EMPTY, or '' when no row has it. */
  private static Map<Division, List<String>> divisionColumns(List<String> notes) {
    List<Map<Division, String>> divided = new ArrayList<>(notes.size());
    EnumMap<Division, Boolean> present = new EnumMap<>(Division.class);
    for (String note : notes) {
      Map<Division, String> d = AciSectionTagger.divide(note.replace("__lf1__", "\n"));
      divided.add(d);
      for (Division k : d.keySet()) {
        present.put(k, Boolean.TRUE);
      }
    }
    Map<Division, List<String>> columns = new EnumMap<>(Division.class);
    for (Division k : Division.values()) {
      List<String> column = new ArrayList<>(notes.size());
      for (Map<Division, String> d : divided) {
        String text = d.get(k);
        if (text != null) {
          column.add(text.replace("\n", "__lf1__"));
        } else {
          column.add(present.containsKey(k) ? EMPTY_DIVISION : "");
        }
      }
      columns.put(k, column);
    }
    return columns;
  }
}
