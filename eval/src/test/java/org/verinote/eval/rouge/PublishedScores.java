package org.verinote.eval.rouge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one section of {@code published-scores-test1.csv}: system name → [ROUGE-1, ROUGE-2, ROUGE-L, …]. */
final class PublishedScores {

  private PublishedScores() {}

  static Map<String, String[]> read(Path file, String section) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Map<String, String[]> out = new LinkedHashMap<>();
    boolean in = false;
    for (String line : lines) {
      if (line.equals(section)) {
        in = true;
        continue;
      }
      if (in && line.isBlank()) {
        break;
      }
      if (in) {
        String[] parts = line.split(",");
        if (parts.length >= 4 && !parts[0].equals("Model")) {
          out.put(parts[0], new String[] {parts[1], parts[2], parts[3]});
        }
      }
    }
    return out;
  }
}
