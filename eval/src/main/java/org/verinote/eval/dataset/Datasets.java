package org.verinote.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.InvalidInputException;
import org.verinote.core.PatientContext;

/**
 * Loaders for the benchmark formats. Every loader reads the whole file, validates it, and returns an immutable
 * {@link Dataset}; bad input raises {@link InvalidInputException} naming the file, the line or column, and what was
 * expected — never the clinical text.
 *
 * <p>Thread-safe (stateless). Cost: one pass over the file.
 */
public final class Datasets {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AGE =
      Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*-?\\s*"
          + "(years?|yrs?|months?|mos?|weeks?|wks?|days?)?(?:\\s*old)?");

  private Datasets() {}

  /**
   * Reads an ACI-Bench CSV ({@code dataset, encounter_id, dialogue, note}) without patient context.
   *
   * @param csv e.g. {@code clinicalnlp_taskB_test1.csv}
   * @return the cases, in file order
   * @throws InvalidInputException if the file is missing, malformed or lacks a column
   */
  public static Dataset aciBench(Path csv) {
    Objects.requireNonNull(csv, "csv");
    Csv.Table t = Csv.read(csv);
    t.requireColumns(csv, "encounter_id", "dialogue", "note");
    List<EvalCase> cases = new ArrayList<>();
    for (CSVRecord r : t.rows()) {
      cases.add(new EvalCase(id(csv, r, "encounter_id"), Csv.get(r, "dialogue"), Csv.get(r, "note"),
          PatientContext.empty(), ""));
    }
    return new Dataset(csv.getFileName().toString(), cases);
  }

  /**
   * Reads an ACI-Bench CSV and its {@code *_metadata.csv}, turning {@code patient_firstname},
   * {@code patient_familyname}, {@code patient_age} and {@code patient_gender} into each case's
   * {@link PatientContext} (what an EHR would supply).
   *
   * @param csv the notes file
   * @param metadata the metadata file
   * @return the cases with patient context
   * @throws InvalidInputException if a file is malformed, a column is missing, or an encounter has no metadata row
   */
  public static Dataset aciBench(Path csv, Path metadata) {
    Dataset base = aciBench(csv);
    Objects.requireNonNull(metadata, "metadata");
    Csv.Table t = Csv.read(metadata);
    t.requireColumns(metadata, "encounter_id");
    Map<String, PatientContext> contexts = new HashMap<>();
    for (CSVRecord r : t.rows()) {
      contexts.put(Csv.get(r, "encounter_id").strip(), context(r));
    }
    List<EvalCase> cases = new ArrayList<>();
    for (EvalCase c : base.cases()) {
      PatientContext pc = contexts.get(c.id());
      if (pc == null) {
        throw new InvalidInputException("Expected a metadata row for encounter " + c.id() + " in "
            + metadata.getFileName() + ", found none. Use the metadata file of the same split.");
      }
      cases.add(new EvalCase(c.id(), c.transcript(), c.reference(), pc, c.section()));
    }
    return new Dataset(base.name(), cases);
  }

  /**
   * Reads an MTS-Dialog CSV ({@code ID, section_header, section_text, dialogue}); each case's reference is one
   * section and {@link EvalCase#section()} its header (GENHX, ROS, …).
   *
   * @param csv e.g. {@code MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv}
   * @return the cases
   * @throws InvalidInputException if the file is missing, malformed or lacks a column
   */
  public static Dataset mtsDialog(Path csv) {
    Objects.requireNonNull(csv, "csv");
    Csv.Table t = Csv.read(csv);
    t.requireColumns(csv, "ID", "section_header", "section_text", "dialogue");
    List<EvalCase> cases = new ArrayList<>();
    for (CSVRecord r : t.rows()) {
      cases.add(new EvalCase(id(csv, r, "ID"), Csv.get(r, "dialogue"), Csv.get(r, "section_text"),
          PatientContext.empty(), Csv.get(r, "section_header").strip()));
    }
    return new Dataset(csv.getFileName().toString(), cases);
  }

  /**
   * Reads the generic JSON Lines format, one object per line:
   * {@code {"id": "...", "transcript": "...", "reference": "...", "section": "...", "patient": {"given_name": "...",
   * "family_name": "...", "age": 59, "sex": "female"}}}; {@code section} and {@code patient} are optional, blank lines
   * are skipped.
   *
   * @param jsonl the file
   * @return the cases
   * @throws InvalidInputException naming the line number if a line is not an object with the required fields
   */
  public static Dataset jsonl(Path jsonl) {
    Objects.requireNonNull(jsonl, "jsonl");
    List<EvalCase> cases = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = parseLine(jsonl, lineNo, line);
        String id = text(jsonl, lineNo, node, "id", true);
        String transcript = text(jsonl, lineNo, node, "transcript", true);
        String reference = text(jsonl, lineNo, node, "reference", true);
        String section = text(jsonl, lineNo, node, "section", false);
        PatientContext pc = node.hasNonNull("patient") ? jsonContext(jsonl, lineNo, node.get("patient"))
            : PatientContext.empty();
        cases.add(new EvalCase(id, transcript, reference, pc, section));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + jsonl, e);
    } catch (IOException e) {
      throw new InvalidInputException("Could not read " + jsonl.getFileName() + ": " + e.getClass().getSimpleName(),
          e);
    }
    return new Dataset(jsonl.getFileName().toString(), cases);
  }

  static JsonNode parseLine(Path file, int lineNo, String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw new InvalidInputException("Expected a JSON object on line " + lineNo + " of " + file.getFileName()
            + ", found " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
      }
      return node;
    } catch (IOException e) {
      throw new InvalidInputException("Expected a JSON object on line " + lineNo + " of " + file.getFileName()
          + ", found malformed JSON at column " + columnOf(e) + ".", e);
    }
  }

  static String text(Path file, int lineNo, JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new InvalidInputException("Expected a string field '" + field + "' on line " + lineNo + " of "
            + file.getFileName() + ", found none.");
      }
      return "";
    }
    if (!v.isTextual()) {
      throw new InvalidInputException("Expected '" + field + "' to be a string on line " + lineNo + " of "
          + file.getFileName() + ", found " + v.getNodeType().toString().toLowerCase(Locale.ROOT) + ".");
    }
    return v.asText();
  }

  private static int columnOf(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
      return jpe.getLocation().getColumnNr();
    }
    return -1;
  }

  private static PatientContext jsonContext(Path file, int lineNo, JsonNode p) {
    if (!p.isObject()) {
      throw new InvalidInputException("Expected 'patient' to be an object on line " + lineNo + " of "
          + file.getFileName());
    }
    PatientContext.Builder b = PatientContext.builder();
    String given = text(file, lineNo, p, "given_name", false);
    String family = text(file, lineNo, p, "family_name", false);
    String sex = text(file, lineNo, p, "sex", false);
    if (!given.isBlank()) {
      b.givenName(given);
    }
    if (!family.isBlank()) {
      b.familyName(family);
    }
    if (!sex.isBlank()) {
      b.sex(sex(sex));
    }
    JsonNode age = p.get("age");
    if (age != null && !age.isNull()) {
      if (!age.canConvertToInt() || age.asInt() < 0 || age.asInt() > 150) {
        throw new InvalidInputException("Expected 'patient.age' to be an integer in 0..150 on line " + lineNo
            + " of " + file.getFileName());
      }
      b.age(age.asInt());
    }
    return b.build();
  }

  private static PatientContext context(CSVRecord r) {
    PatientContext.Builder b = PatientContext.builder();
    String first = Csv.get(r, "patient_firstname");
    String family = Csv.get(r, "patient_familyname");
    String gender = Csv.get(r, "patient_gender");
    String age = Csv.get(r, "patient_age").strip();
    if (!first.isBlank()) {
      b.givenName(first);
    }
    if (!family.isBlank()) {
      b.familyName(family);
    }
    if (!gender.isBlank()) {
      b.sex(sex(gender));
    }
    if (!age.isEmpty()) {
      ageInYears(age).ifPresent(b::age);
    }
    return b.build();
  }

  /** "59", "45.0" → years; "9-month", "3 weeks" → 0; anything else → unknown (metadata is best effort). */
  static OptionalInt ageInYears(String raw) {
    Matcher m = AGE.matcher(raw.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    if (m.group(2) != null && !m.group(2).startsWith("y")) {
      return OptionalInt.of(0);
    }
    int years = (int) Double.parseDouble(m.group(1));
    return years <= 150 ? OptionalInt.of(years) : OptionalInt.empty();
  }

  private static PatientContext.Sex sex(String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "female":
      case "f":
        return PatientContext.Sex.FEMALE;
      case "male":
      case "m":
        return PatientContext.Sex.MALE;
      default:
        return PatientContext.Sex.OTHER;
    }
  }

  private static String id(Path file, CSVRecord r, String column) {
    String id = Csv.get(r, column).strip();
    if (id.isEmpty()) {
      throw new InvalidInputException("Expected a value in column '" + column + "' of " + file.getFileName()
          + " record " + r.getRecordNumber() + ", found an empty cell.");
    }
    return id;
  }
}
