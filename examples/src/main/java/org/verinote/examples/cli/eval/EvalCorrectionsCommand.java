package org.verinote.examples.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.corrections.Correction;
import org.verinote.eval.corrections.Corrections;
import org.verinote.eval.report.EvalReport;
import org.verinote.examples.cli.VerinoteCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verinote eval corrections}: how far clinicians moved the AI drafts, from the review export. */
@Command(name = "corrections", mixinStandardHelpOptions = true,
    description = "Score a review corrections export (JSONL: tenant_id, encounter_id, section, ai_text, "
        + "clinician_text): ROUGE of the AI draft against the signed text, share edited. Writes a run JSON whose case "
        + "order is the export order (usable with 'eval drift').")
public final class EvalCorrectionsCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, description = "Corrections JSONL.")
  Path input;

  @Option(names = "--output", description = "Write the run JSON here (default: Markdown summary on stdout only).")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<Correction> corrections = Corrections.read(input);
      if (corrections.isEmpty()) {
        throw new InvalidInputException("Expected at least one correction in " + input.getFileName()
            + ", found none.");
      }
      EvalRun run = Corrections.aiVersusClinician("ai-vs-clinician", corrections);
      if (output != null) {
        EvalRuns.write(run, output);
      }
      Output.write(spec, null, EvalReport.builder().title("AI drafts vs clinician-signed text").run(run).build()
          .toMarkdown());
      return VerinoteCli.OK;
    } catch (InvalidInputException e) {
      err.println("verinote eval corrections: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }
}
