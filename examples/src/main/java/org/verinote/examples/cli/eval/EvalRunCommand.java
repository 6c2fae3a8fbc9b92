package org.verinote.examples.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PhiEgressException;
import org.verinote.core.model.ModelProvider;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.Evaluator;
import org.verinote.eval.ProgressListener;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.judge.JudgeItem;
import org.verinote.eval.judge.JudgeReport;
import org.verinote.eval.judge.LlmJudge;
import org.verinote.eval.report.EvalReport;
import org.verinote.examples.cli.VerinoteCli;
import org.verinote.guardrails.Guardrails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verinote eval run}: structure every encounter of a dataset with a model, then score. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Structure every encounter of a dataset with a model, then score (ROUGE, completeness, fidelity, "
        + "structure, findings, latency). Writes a run JSON for 'eval gate' and 'eval report'.")
public final class EvalRunCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset", required = true, description = "ACI-Bench CSV, MTS-Dialog CSV or JSONL.")
  Path dataset;

  @Option(names = "--metadata", description = "ACI-Bench metadata CSV (patient context).")
  Path metadata;

  @Option(names = "--model", defaultValue = "extractive",
      description = "extractive (embedded, offline), baseline (copy-turns rules), ollama:<model> or openai:<model> "
          + "(an OpenAI-compatible server such as llama.cpp or vLLM at --base-url) (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--base-url", defaultValue = "http://localhost:11434", description = "Model server URL: Ollama's "
      + "(default: ${DEFAULT-VALUE}) or an OpenAI-compatible one, e.g. http://localhost:8080/v1.")
  String baseUrl;

  @Option(names = "--template", defaultValue = "aci-bench", description = "Note template id (default: ${DEFAULT-VALUE}).")
  String template;

  @Option(names = "--guardrails", defaultValue = "standard",
      description = "Guardrail chain the structurer runs: standard or none (default: ${DEFAULT-VALUE}). Every note is "
          + "audited with the standard chain either way.")
  String guardrails;

  @Option(names = "--limit", description = "Only the first N cases.")
  Integer limit;

  @Option(names = "--name", description = "Run name (default: the model).")
  String name;

  @Option(names = "--output", description = "Write the run JSON here (default: standard output).")
  Path output;

  @Option(names = "--save-predictions",
      description = "Also write the notes as CSV (id,note) for 'eval score' or a judge. Contains clinical text.")
  Path savePredictions;

  @Option(names = "--judge", description = "Also judge a sample of the notes with this model (ollama:<model> or "
      + "openai:<model>); "
      + "adds judge.<criterion> metrics. HTTP models need --allow-remote-judge.")
  String judge;

  @Option(names = "--allow-remote-judge", description = "Let the judge model (reached over HTTP) see transcript and "
      + "note text. Only for public or de-identified data such as ACI-Bench and MTS-Dialog.")
  boolean allowRemoteJudge;

  @Option(names = "--judge-sample", defaultValue = "10", description = "Notes to judge (default: ${DEFAULT-VALUE}).")
  int judgeSample;

  @Option(names = "--judge-seed", defaultValue = "42", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
  long judgeSeed;

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Progress bar on standard error when it is a terminal (default: ${DEFAULT-VALUE}).")
  boolean progress;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      NoteTemplate t = NoteTemplate.builtIn(template).orElseThrow(() -> new InvalidInputException(
          "Unknown template '" + template + "'. Expected one of " + NoteTemplate.builtInIds() + "."));
      Dataset ds = DatasetLoader.load(dataset, metadata);
      if (limit != null) {
        if (limit < 1) {
          throw new InvalidInputException("--limit must be >= 1, got " + limit);
        }
        ds = ds.limit(limit);
      }
      ModelProvider provider = ModelFactory.create(model, baseUrl);
      NoteStructurer.Builder sb = NoteStructurer.builder().model(provider);
      if (guardrails.equals("standard")) {
        sb.guardrails(Guardrails.standard());
      } else if (!guardrails.equals("none")) {
        throw new InvalidInputException("--guardrails must be standard or none, got '" + guardrails + "'");
      }
      NoteStructurer structurer = sb.build();
      ProgressListener listener = progress && System.console() != null ? new ProgressBar(err) : ProgressListener.NONE;
      java.util.List<String[]> saved = new java.util.ArrayList<>();
      EvalRun run = Evaluator.builder().structurer(structurer).template(t).name(name != null ? name : model)
          .progress(listener).predictions((id, text) -> saved.add(new String[] {id, text})).build().run(ds);
      if (savePredictions != null) {
        writeCsv(savePredictions, saved);
      }
      if (judge != null) {
        if (judgeSample < 1) {
          throw new InvalidInputException("--judge-sample must be >= 1, got " + judgeSample);
        }
        java.util.List<JudgeItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
          items.add(new JudgeItem(ds.cases().get(i).id(), ds.cases().get(i).transcript(), saved.get(i)[1]));
        }
        LlmJudge.Builder jb = LlmJudge.builder().model(ModelFactory.create(judge, baseUrl)).sampleSize(judgeSample)
            .seed(judgeSeed);
        if (allowRemoteJudge) {
          jb.allowRemoteModels();
        }
        JudgeReport report = jb.build().judge(items);
        run = report.mergeInto(run);
        err.printf(java.util.Locale.ROOT, "judge: %d notes, %.0f%% valid answers, mean latency %.0f ms, %d tokens%n",
            report.scores().size(), report.validShare() * 100, report.meanLatencyMillis(), report.totalTokens());
      }
      Output.write(spec, output, EvalRuns.toJson(run));
      if (output != null) {
        err.print(EvalReport.builder().title("eval run " + run.name()).run(run).build().toMarkdown());
        err.flush();
      }
      boolean allFailed = run.values("failed").length > 0 && run.mean("failed") == 1.0;
      return allFailed ? VerinoteCli.FAILED : VerinoteCli.OK;
    } catch (InvalidInputException | PhiEgressException e) {
      err.println("verinote eval run: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }

  private static void writeCsv(Path file, java.util.List<String[]> rows) {
    try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file);
        org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(w,
            org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader("encounter_id", "note").get())) {
      for (String[] r : rows) {
        p.printRecord((Object[]) r);
      }
    } catch (java.io.IOException e) {
      throw new InvalidInputException("Could not write " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** A one-line progress bar redrawn with carriage returns. */
  static final class ProgressBar implements ProgressListener {
    private final PrintWriter err;

    ProgressBar(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void onProgress(int done, int total) {
      int width = 30;
      int filled = total == 0 ? width : done * width / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
      if (done == total) {
        err.println();
      }
      err.flush();
    }
  }
}
