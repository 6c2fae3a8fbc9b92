package org.verinote.eval.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.InvalidInputException;

/**
 * A system's outputs: one text per row, optionally with ids. An empty cell is kept as {@code null} (a missing
 * prediction); ACI-Bench scores it as the text {@code "nan"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Predictions {

  private final String name;
  private final List<String> ids;
  private final List<String> texts;

  private Predictions(String name, List<String> ids, List<String> texts) {
    this.name = name;
    this.ids = ids;
    this.texts = texts;
  }

  /**
   * Predictions from a list, aligned by row.
   *
   * @param name a display name
   * @param texts the texts; null elements are missing predictions
   * @return the predictions
   */
  public static Predictions of(String name, List<String> texts) {
    Objects.requireNonNull(name, "name");
    return new Predictions(name, null, Collections.unmodifiableList(new ArrayList<>(texts)));
  }

  /**
   * Reads a CSV with a text column and, if present, an id column.
   *
   * @param csv the file
   * @param textColumn the text column, e.g. {@code note}
   * @param idColumn the id column, e.g. {@code encounter_id}; ignored when the file lacks it (rows then align by
   *     order)
   * @return the predictions
   * @throws InvalidInputException if the file is malformed or lacks the text column
   */
  public static Predictions readCsv(Path csv, String textColumn, String idColumn) {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(textColumn, "textColumn");
    Csv.Table t = Csv.read(csv);
    t.requireColumns(csv, textColumn);
    boolean hasIds = idColumn != null && t.header().contains(idColumn);
    List<String> ids = hasIds ? new ArrayList<>() : null;
    List<String> texts = new ArrayList<>();
    for (CSVRecord r : t.rows()) {
      String text = Csv.get(r, textColumn);
      texts.add(text.isEmpty() ? null : text);
      if (hasIds) {
        ids.add(Csv.get(r, idColumn).strip());
      }
    }
    return new Predictions(csv.getFileName().toString(), hasIds ? List.copyOf(ids) : null,
        Collections.unmodifiableList(texts));
  }

  /** @return the display name */
  public String name() {
    return name;
  }

  /** @return the number of rows */
  public int size() {
    return texts.size();
  }

  /** @return the texts in file order; null elements are missing predictions */
  public List<String> texts() {
    return texts;
  }

  /**
   * Aligns to a dataset: by id when every prediction row has an id and the ids are exactly the dataset's ids, else by
   * row order when the sizes match.
   *
   * @param dataset the gold data
   * @return one text (or null for missing) per dataset case, in dataset order
   * @throws InvalidInputException if neither alignment is possible
   */
  public List<String> alignTo(Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (ids != null && !ids.contains("")) {
      Map<String, String> byId = new HashMap<>();
      Set<String> dup = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (byId.containsKey(ids.get(i))) {
          dup.add(ids.get(i));
        }
        byId.put(ids.get(i), texts.get(i));
      }
      Set<String> gold = new HashSet<>();
      dataset.cases().forEach(c -> gold.add(c.id()));
      if (dup.isEmpty() && byId.keySet().equals(gold)) {
        List<String> out = new ArrayList<>();
        dataset.cases().forEach(c -> out.add(byId.get(c.id())));
        return Collections.unmodifiableList(out);
      }
    }
    if (texts.size() != dataset.size()) {
      throw new InvalidInputException("Expected " + dataset.size() + " predictions for " + dataset.name() + ", found "
          + texts.size() + " rows in " + name + " and no id column matching the dataset's ids. "
          + "Add an id column or align the rows.");
    }
    return texts;
  }

  @Override
  public String toString() {
    return "Predictions[" + name + ", rows=" + texts.size() + ", ids=" + (ids != null) + "]";
  }
}
