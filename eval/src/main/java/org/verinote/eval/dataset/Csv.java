package org.verinote.eval.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.InvalidInputException;

/** RFC 4180 CSV with a header row, read with Apache Commons CSV; errors become {@link InvalidInputException}. */
final class Csv {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setAllowMissingColumnNames(true)
      .get();

  /** The header and the rows of a CSV file. */
  record Table(List<String> header, List<CSVRecord> rows) {
    void requireColumns(Path file, String... columns) {
      for (String c : columns) {
        if (!header.contains(c)) {
          throw new InvalidInputException("Expected a column '" + c + "' in " + file.getFileName() + ", found "
              + header + ". Check the file format or pass the column name.");
        }
      }
    }
  }

  private Csv() {}

  static Table read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        throw new InvalidInputException("Expected UTF-8 without a byte-order mark in " + file.getFileName()
            + ", found a BOM. Re-save the file without BOM.");
      }
      List<CSVRecord> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        rows.add(r);
      }
      return new Table(header, rows);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file, e);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("Could not read CSV " + file.getFileName() + ": " + e.getClass().getSimpleName()
          + ". Expected RFC 4180 CSV with a header row.", e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("Malformed CSV " + file.getFileName() + ": " + safe(e.getMessage())
          + ". Expected RFC 4180 CSV with a header row.", e);
    }
  }

  static String get(CSVRecord row, String column) {
    Map<String, String> m = row.toMap();
    String v = m.get(column);
    return v == null ? "" : v;
  }

  /** Keeps parser messages (positions, column names) but cuts them short so no cell text leaks. */
  private static String safe(String message) {
    if (message == null) {
      return "unknown error";
    }
    int cut = message.indexOf('\'');
    return cut > 0 ? message.substring(0, cut).strip() : (message.length() > 80 ? message.substring(0, 80) : message);
  }
}
