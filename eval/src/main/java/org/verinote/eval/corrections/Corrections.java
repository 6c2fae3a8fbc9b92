package org.verinote.eval.corrections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
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
import java.util.function.Function;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;
import org.verinote.eval.rouge.RougeScorer;
import org.verinote.eval.rouge.RougeScores;
import org.verinote.eval.rouge.RougeType;

/**
 * Corrections as data. Reads the review workflow's export — JSON Lines, one object per line with the string fields
 * {@code tenant_id} (or {@code tenant}, as {@code ReviewWorkflow}'s export writes it), {@code encounter_id},
 * {@code section}, {@code ai_text}, {@code clinician_text} (other fields such as {@code model_id}, {@code edits},
 * {@code state} are ignored, blank lines skipped) — and scores it: how far clinicians moved the AI drafts, or how close another model's
 * text is to what clinicians signed.
 *
 * <p>Thread-safe (stateless).
 */
public final class Corrections {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FIELDS = {"tenant_id", "encounter_id", "section", "ai_text", "clinician_text"};

  private Corrections() {}

  /**
   * Reads a corrections export.
   *
   * @param jsonl the file
   * @return the corrections in file order
   * @throws InvalidInputException naming the line if a line is not an object with the five string fields
   */
  public static List<Correction> read(Path jsonl) {
    Objects.requireNonNull(jsonl, "jsonl");
    List<Correction> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          throw new InvalidInputException("Expected a JSON object on line " + no + " of " + jsonl.getFileName()
              + ", found malformed JSON.", e);
        }
        String[] v = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
          JsonNode f = n == null ? null : n.get(FIELDS[i]);
          if (f == null && i == 0 && n != null) {
            f = n.get("tenant"); // the review workflow's export names it "tenant"
          }
          if (f == null || !f.isTextual()) {
            throw new InvalidInputException("Expected a string field '" + FIELDS[i] + "' on line " + no + " of "
                + jsonl.getFileName() + ", found " + (f == null ? "none" : f.getNodeType().toString()) + ".");
          }
          v[i] = f.asText();
        }
        out.add(new Correction(v[0], v[1], v[2], v[3], v[4]));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + jsonl, e);
    } catch (IOException e) {
      throw new InvalidInputException("Could not read " + jsonl.getFileName() + ": " + e.getClass().getSimpleName(), e);
    }
    return out;
  }

  /**
   * How much clinicians changed the AI drafts: per correction, ROUGE (× 100) of the AI text against the clinician
   * text, {@code edited} (0/1) and {@code length_ratio} (clinician/AI characters).
   *
   * @param name run name
   * @param corrections the corrections
   * @return the run, one case per correction
   */
  public static EvalRun aiVersusClinician(String name, List<Correction> corrections) {
    return scoreAgainstClinician(name, corrections, Correction::aiText);
  }

  /**
   * Scores another system against clinician-corrected text: for each correction, the text the function returns for
   * it (e.g. a new model's draft of that encounter's section) against {@code clinician_text}.
   *
   * @param name run name
   * @param corrections the corrections (references)
   * @param prediction the system's text for a correction; null or empty scores 0
   * @return the run
   */
  public static EvalRun scoreAgainstClinician(String name, List<Correction> corrections,
      Function<Correction, String> prediction) {
    Objects.requireNonNull(prediction, "prediction");
    RougeScorer scorer = RougeScorer.create();
    List<CaseResult> cases = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Correction c : corrections) {
      String p = prediction.apply(c);
      p = p == null ? "" : p;
      RougeScores s = scorer.score(c.clinicianText(), p);
      Map<String, Double> m = new LinkedHashMap<>();
      for (RougeType t : RougeType.values()) {
        m.put(t.key(), s.get(t).fmeasure() * 100);
      }
      m.put("edited", p.strip().equals(c.clinicianText().strip()) ? 0.0 : 1.0);
      m.put("length_ratio", p.isEmpty() ? 0.0 : c.clinicianText().length() / (double) p.length());
      int k = seen.merge(c.caseId(), 1, Integer::sum);
      cases.add(new CaseResult(k == 1 ? c.caseId() : c.caseId() + "#" + k, m));
    }
    return new EvalRun(name, Map.of("dataset", "clinician corrections", "cases", Integer.toString(cases.size())),
        cases);
  }
}
