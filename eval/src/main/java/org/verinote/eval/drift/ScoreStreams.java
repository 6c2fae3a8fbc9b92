package org.verinote.eval.drift;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;

/**
 * Builds metric streams for the {@link DriftDetector}: from a CSV of timestamped scores, or from an
 * {@link EvalRun} whose case order is the time order.
 */
public final class ScoreStreams {

  private ScoreStreams() {}

  /**
   * Reads a CSV with a {@code time} column (ISO-8601 instant, e.g. {@code 2026-01-05T10:00:00Z}) and one column per
   * metric; empty cells are skipped.
   *
   * @param csv the file
   * @param metric the metric column
   * @return the points in file order
   * @throws InvalidInputException if the file is malformed, a column is missing or a cell is not a number/instant
   */
  public static List<ScorePoint> fromCsv(Path csv, String metric) {
    Objects.requireNonNull(metric, "metric");
    List<String[]> rows = CsvRows.read(csv, "time", metric);
    List<ScorePoint> out = new ArrayList<>();
    int line = 1;
    for (String[] r : rows) {
      line++;
      if (r[1].isBlank()) {
        continue;
      }
      try {
        out.add(new ScorePoint(Instant.parse(r[0].strip()), Double.parseDouble(r[1].strip())));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new InvalidInputException("Expected an ISO-8601 time and a finite number on line " + line + " of "
            + csv.getFileName() + " (columns time, " + metric + "), found something else.", e);
      }
    }
    return out;
  }

  /**
   * A stream from a run, one point per case that has the metric; case {@code i} is stamped {@code i} seconds after
   * the epoch (order only).
   *
   * @param run the run
   * @param metric the metric
   * @return the points
   */
  public static List<ScorePoint> fromRun(EvalRun run, String metric) {
    List<ScorePoint> out = new ArrayList<>();
    int i = 0;
    for (CaseResult c : run.cases()) {
      Double v = c.metrics().get(metric);
      if (v != null) {
        out.add(new ScorePoint(Instant.ofEpochSecond(i), v));
      }
      i++;
    }
    return out;
  }
}
