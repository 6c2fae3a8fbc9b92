package org.verinote.examples.cli.eval;

import java.nio.file.Path;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Datasets;

/** Picks the loader from the file: {@code .jsonl} → generic JSONL, else ACI-Bench or MTS-Dialog CSV by header. */
final class DatasetLoader {

  private DatasetLoader() {}

  static Dataset load(Path file, Path metadata) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".jsonl")) {
      return Datasets.jsonl(file);
    }
    if (header(file).contains("section_text")) {
      return Datasets.mtsDialog(file);
    }
    return metadata == null ? Datasets.aciBench(file) : Datasets.aciBench(file, metadata);
  }

  /** The first line, raw (quoted or not); only used to tell the CSV layouts apart. */
  private static String header(Path file) {
    try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file)) {
      String line = r.readLine();
      return line == null ? "" : line;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file, e);
    } catch (java.io.IOException e) {
      throw new InvalidInputException("Could not read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
