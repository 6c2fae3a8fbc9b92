package org.verinote.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.InvalidInputException;

/**
 * Reads and writes {@link EvalRun}s as JSON ({@code "format": "verinote-eval-run/1"}): name, metadata, a
 * {@code summary} of metric means (informational, recomputed on read) and the per-case metrics.
 *
 * <p>Thread-safe. Output is deterministic: keys sorted, two-space indentation.
 */
public final class EvalRuns {

  /** The format tag written to and required from every file. */
  public static final String FORMAT = "verinote-eval-run/1";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private EvalRuns() {}

  /**
   * Serialises a run.
   *
   * @param run the run
   * @return the JSON text
   */
  public static String toJson(EvalRun run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", run.name());
    ObjectNode meta = root.putObject("metadata");
    run.metadata().forEach(meta::put);
    ObjectNode summary = root.putObject("summary");
    for (String m : run.metricNames()) {
      summary.put(m, run.mean(m));
    }
    ArrayNode cases = root.putArray("cases");
    for (CaseResult c : run.cases()) {
      ObjectNode n = cases.addObject();
      n.put("id", c.id());
      ObjectNode metrics = n.putObject("metrics");
      c.metrics().forEach(metrics::put);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise run " + run.name(), e);
    }
  }

  /**
   * Writes a run to a file (UTF-8).
   *
   * @param run the run
   * @param file the target
   * @throws InvalidInputException if the file cannot be written
   */
  public static void write(EvalRun run, Path file) {
    try {
      Files.writeString(file, toJson(run), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("Could not write " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a run file.
   *
   * @param file the file
   * @return the run
   * @throws InvalidInputException if the file is missing, not JSON, or not in this format
   */
  public static EvalRun read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file, e);
    } catch (IOException e) {
      throw new InvalidInputException("Could not read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Parses a run.
   *
   * @param json the JSON text
   * @param source a name for messages (file name)
   * @return the run
   * @throws InvalidInputException if the text is not a run in this format
   */
  public static EvalRun fromJson(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("Expected a JSON eval run in " + source + ", found malformed JSON at line "
          + e.getLocation().getLineNr() + ".", e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException("Expected a JSON object with \"format\": \"" + FORMAT + "\" in " + source
          + ", found " + (root == null || !root.isObject() ? "no object" : "format '" + root.path("format").asText()
          + "'") + ". Produce it with 'verinote eval run' or 'verinote eval score --format json'.");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("metadata").properties()) {
      metadata.put(e.getKey(), e.getValue().asText());
    }
    List<CaseResult> cases = new ArrayList<>();
    int index = 0;
    for (JsonNode c : root.path("cases")) {
      String id = c.path("id").asText("");
      if (id.isEmpty()) {
        throw new InvalidInputException("Expected an \"id\" on case " + index + " of " + source + ", found none.");
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : c.path("metrics").properties()) {
        if (!e.getValue().isNumber()) {
          throw new InvalidInputException("Expected metric '" + e.getKey() + "' of case " + id + " in " + source
              + " to be a number, found " + e.getValue().getNodeType() + ".");
        }
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
      cases.add(new CaseResult(id, metrics));
      index++;
    }
    try {
      return new EvalRun(root.path("name").asText(source), metadata, cases);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage() + " (in " + source + ")", e);
    }
  }
}
