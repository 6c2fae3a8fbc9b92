package org.verinote.examples.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.Scoring;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Predictions;
import org.verinote.eval.rouge.Division;
import org.verinote.examples.cli.VerinoteCli;
import org.verinote.guardrails.Guardrails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verinote eval score}: ROUGE of a prediction file against a gold file, ACI-Bench protocol. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score predictions against references: ROUGE-1/2/L/Lsum (F1 x 100, rouge-score 0.1.2 without "
        + "stemming, ACI-Bench protocol), means, divisions and per-note scores.")
public final class EvalScoreCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--references", required = true, description = "Gold file: ACI-Bench CSV, MTS-Dialog CSV or JSONL.")
  Path references;

  @Option(names = "--predictions", required = true, description = "Prediction CSV (one row per gold case).")
  Path predictions;

  @Option(names = "--column", defaultValue = "note", description = "Prediction text column (default: ${DEFAULT-VALUE}).")
  String column;

  @Option(names = "--id-column", defaultValue = "encounter_id",
      description = "Prediction id column; rows align by order when absent (default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", description = "Write to this file instead of standard output.")
  Path output;

  @Option(names = "--audit", description = "Also audit every prediction against its transcript with the standard "
      + "guardrail chain: adds fidelity (1 - share of sentences with a grounding finding) and findings per layer.")
  boolean audit;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      err.println("verinote eval score: --format must be text or json, got '" + format + "'");
      return VerinoteCli.BAD_INPUT;
    }
    try {
      Dataset gold = DatasetLoader.load(references, null);
      List<String> preds = Predictions.readCsv(predictions, column, idColumn).alignTo(gold);
      EvalRun run = Scoring.rouge(predictions.getFileName().toString(), gold, preds, Map.of());
      if (audit) {
        run = Scoring.audit(run, gold, preds, Guardrails.standard());
      }
      String text = format.equals("json") ? EvalRuns.toJson(run) : text(run);
      Output.write(spec, output, text);
      return VerinoteCli.OK;
    } catch (InvalidInputException e) {
      err.println("verinote eval score: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }

  static String text(EvalRun run) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "ROUGE F1 x 100, mean over %d notes (rouge-score 0.1.2, no stemming, "
        + "ACI-Bench protocol)%n", run.cases().size()));
    b.append(String.format(Locale.ROOT, "%-22s %8s %8s %8s %9s%n", "", "rouge1", "rouge2", "rougeL", "rougeLsum"));
    b.append(String.format(Locale.ROOT, "%-22s %8s %8s %8s %9s%n", "ALL", run.metadata().get("table.rouge1"),
        run.metadata().get("table.rouge2"), run.metadata().get("table.rougeL"), run.metadata().get("table.rougeLsum")));
    for (Division d : Division.values()) {
      String p = "table." + d.key() + ".";
      b.append(String.format(Locale.ROOT, "%-22s %8s %8s %8s %9s%n", "division-" + d.key(),
          run.metadata().get(p + "rouge1"), run.metadata().get(p + "rouge2"), run.metadata().get(p + "rougeL"),
          run.metadata().get(p + "rougeLsum")));
    }
    if (run.metricNames().contains("fidelity")) {
      b.append(String.format(Locale.ROOT, "guardrail audit: fidelity %.4f over %d audited notes, %.2f findings per "
          + "note%n", run.mean("fidelity"), run.values("fidelity").length, run.mean("audit.findings")));
    }
    b.append(String.format(Locale.ROOT, "%nper note:%n%-22s %8s %8s %8s %9s%n", "id", "rouge1", "rouge2", "rougeL",
        "rougeLsum"));
    for (CaseResult c : run.cases()) {
      b.append(String.format(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f %9.2f%n", c.id(), c.metrics().get("rouge1"),
          c.metrics().get("rouge2"), c.metrics().get("rougeL"), c.metrics().get("rougeLsum")));
    }
    return b.toString();
  }
}
