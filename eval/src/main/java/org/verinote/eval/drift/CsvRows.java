package org.verinote.eval.drift;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.InvalidInputException;

/** Reads selected columns of a headed CSV. */
final class CsvRows {

  private CsvRows() {}

  static List<String[]> read(Path csv, String... columns) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (String c : columns) {
        if (!parser.getHeaderNames().contains(c)) {
          throw new InvalidInputException("Expected a column '" + c + "' in " + csv.getFileName() + ", found "
              + parser.getHeaderNames() + ".");
        }
      }
      List<String[]> out = new ArrayList<>();
      for (CSVRecord r : parser) {
        String[] row = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
          row[i] = r.isSet(columns[i]) ? r.get(columns[i]) : "";
        }
        out.add(row);
      }
      return out;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + csv, e);
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("Could not read CSV " + csv.getFileName() + ": " + e.getClass().getSimpleName()
          + ". Expected RFC 4180 CSV with a header row.", e);
    }
  }
}
