package org.verinote.examples.research;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verinote.core.NoteStructurer;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Turn;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.Evaluator;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Datasets;
import org.verinote.eval.gate.GateVerdict;
import org.verinote.eval.gate.PromotionGate;
import org.verinote.eval.report.EvalReport;

/**
 * A researcher's script: evaluate two configurations of a note generator on ACI-Bench test1, compare them with the
 * promotion gate, and write JSON, Markdown and HTML reports.
 *
 * <p>The baseline is the SDK's embedded {@link ExtractiveModelProvider}; the candidate is a toy generator written in
 * a few lines ({@link #leadModel}: the first patient turns become the history, the closing clinician turns the plan).
 * Replace it with your own {@link ModelProvider} (an Ollama model, a fine-tuned checkpoint behind an HTTP server…).
 * The gate then tells you whether your model may replace the baseline.
 *
 * <p>Usage: {@code java … EvaluateTwoConfigurations ../shared/data/aci-bench out/}
 */
public final class EvaluateTwoConfigurations {

  private EvaluateTwoConfigurations() {}

  /**
   * Runs the comparison.
   *
   * @param args {@code <aci-bench dir> <output dir>}
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/aci-bench");
    Path out = Path.of(args.length > 1 ? args[1] : "eval-out");
    Files.createDirectories(out);
    Dataset test1 = Datasets.aciBench(data.resolve("clinicalnlp_taskB_test1.csv"),
        data.resolve("clinicalnlp_taskB_test1_metadata.csv"));

    EvalRun a = evaluate("extractive", new ExtractiveModelProvider(), test1); // the SDK's embedded model
    EvalRun b = evaluate("lead-8", leadModel(8), test1);                       // "my" model

    GateVerdict verdict = PromotionGate.standardFor(a, b).evaluate(a, b);
    EvalReport report = EvalReport.builder().title("extractive (baseline) vs lead-8 (candidate) on ACI-Bench test1").run(a).run(b)
        .gate(verdict).build();
    EvalRuns.write(a, out.resolve("extractive.json"));
    EvalRuns.write(b, out.resolve("lead-8.json"));
    Files.writeString(out.resolve("report.md"), report.toMarkdown());
    Files.writeString(out.resolve("report.html"), report.toHtml());
    System.out.print(report.toMarkdown());
    System.out.println("gate exit code: " + verdict.exitCode());
  }

  static EvalRun evaluate(String name, ModelProvider model, Dataset dataset) {
    NoteStructurer structurer = NoteStructurer.builder().model(model).build();
    return Evaluator.builder().structurer(structurer).name(name).build().run(dataset);
  }

  /**
   * A toy extractive generator: the first {@code turns} patient turns become the history, the last {@code turns}
   * clinician turns the assessment and plan.
   *
   * @param turns how many turns to copy
   * @return the provider
   */
  static ModelProvider leadModel(int turns) {
    ObjectMapper json = new ObjectMapper();
    ModelInfo info = new ModelInfo("lead-" + turns, "1",
        new ModelCapabilities(true, 1_000_000, false, PromptProfile.SMALL_LOCAL));
    return new ModelProvider() {
      @Override
      public ModelInfo info() {
        return info;
      }

      @Override
      public ModelResponse generate(ModelRequest request) {
        List<String> patient = new ArrayList<>();
        List<String> clinician = new ArrayList<>();
        for (Turn t : request.transcript().map(tr -> tr.turns()).orElse(List.of())) {
          (t.role() == SpeakerRole.PATIENT ? patient : clinician).add(t.text());
        }
        ObjectNode note = json.createObjectNode();
        note.put("chief_complaint", patient.isEmpty() ? "" : patient.get(0));
        note.put("history_of_present_illness", String.join(" ", patient.subList(0, Math.min(turns, patient.size()))));
        note.put("assessment_and_plan",
            String.join(" ", clinician.subList(Math.max(0, clinician.size() - turns), clinician.size())));
        return ModelResponse.of(note.toString(), info);
      }
    };
  }
}
