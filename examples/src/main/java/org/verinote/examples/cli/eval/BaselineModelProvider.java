package org.verinote.examples.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.verinote.core.NoteTemplate;
import org.verinote.core.SectionSpec;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Transcript;
import org.verinote.core.Turn;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;

/**
 * A deterministic, local, rule-based baseline "model" for {@code eval run} smoke runs without an LLM: it copies
 * transcript turns into sections by speaker and keywords (patient turns → history, clinician turns mentioning the
 * exam → physical exam, results words → results, the clinician's closing turns → assessment and plan). It exists so
 * the evaluation pipeline can run offline end to end; it is not the SDK's extractive model.
 */
final class BaselineModelProvider implements ModelProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXAM = Pattern.compile("\\b(exam|examination|listen|heart|lungs|palpat|tender|swelling"
      + "|blood pressure|vitals?)\\b");
  private static final Pattern RESULTS = Pattern.compile("\\b(x-ray|xray|mri|ct|ultrasound|lab|labs|results?|"
      + "a1c|echo|ekg|hemoglobin)\\b");
  private static final ModelInfo INFO =
      new ModelInfo("baseline-rules", "1", new ModelCapabilities(true, 1_000_000, false, PromptProfile.SMALL_LOCAL));

  @Override
  public ModelInfo info() {
    return INFO;
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    Transcript t = request.transcript().orElse(null);
    NoteTemplate template = request.template().orElse(NoteTemplate.aciBench());
    List<String> patient = new ArrayList<>();
    List<String> exam = new ArrayList<>();
    List<String> results = new ArrayList<>();
    List<String> clinician = new ArrayList<>();
    if (t != null) {
      for (Turn turn : t.turns()) {
        String lower = turn.text().toLowerCase(Locale.ROOT);
        if (turn.role() == SpeakerRole.PATIENT) {
          patient.add(turn.text());
        } else if (turn.role() == SpeakerRole.CLINICIAN) {
          clinician.add(turn.text());
          if (EXAM.matcher(lower).find()) {
            exam.add(turn.text());
          }
          if (RESULTS.matcher(lower).find()) {
            results.add(turn.text());
          }
        }
      }
    }
    ObjectNode out = JSON.createObjectNode();
    for (SectionSpec s : template.sections()) {
      out.put(s.key(), text(s.key(), patient, exam, results, clinician));
    }
    return ModelResponse.of(out.toString(), INFO);
  }

  private static String text(String key, List<String> patient, List<String> exam, List<String> results,
      List<String> clinician) {
    switch (key) {
      case "chief_complaint":
      case "subjective":
        return patient.isEmpty() ? "" : String.join(" ", patient.subList(0, Math.min(1, patient.size())));
      case "history_of_present_illness":
        return String.join(" ", patient.subList(0, Math.min(10, patient.size())));
      case "physical_exam":
      case "objective":
        return String.join(" ", exam.subList(0, Math.min(4, exam.size())));
      case "results":
        return String.join(" ", results.subList(0, Math.min(3, results.size())));
      case "assessment_and_plan":
      case "assessment":
      case "plan":
        return String.join(" ", clinician.subList(Math.max(0, clinician.size() - 6), clinician.size()));
      default:
        return "";
    }
  }
}
