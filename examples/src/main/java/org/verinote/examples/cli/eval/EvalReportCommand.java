package org.verinote.examples.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.gate.PromotionGate;
import org.verinote.eval.report.EvalReport;
import org.verinote.examples.cli.VerinoteCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verinote eval report}: Markdown on standard output, optional JSON and offline HTML files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render run JSON files as Markdown (stdout), and optionally a self-contained HTML page with charts "
        + "and a combined JSON. With two runs, the first is the baseline and the gate verdict is included.")
public final class EvalReportCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN.json", description = "Run files (baseline first).")
  List<Path> runs;

  @Option(names = "--html", description = "Write the HTML page here.")
  Path html;

  @Option(names = "--json", description = "Write the combined JSON here.")
  Path json;

  @Option(names = "--title", defaultValue = "Verinote evaluation", description = "Report title.")
  String title;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      EvalReport.Builder b = EvalReport.builder().title(title);
      List<EvalRun> loaded = runs.stream().map(EvalRuns::read).toList();
      loaded.forEach(b::run);
      if (loaded.size() == 2) {
        b.gate(PromotionGate.standardFor(loaded.get(0), loaded.get(1)).evaluate(loaded.get(0), loaded.get(1)));
      }
      EvalReport report = b.build();
      Output.write(spec, null, report.toMarkdown());
      if (html != null) {
        Output.write(spec, html, report.toHtml());
      }
      if (json != null) {
        Output.write(spec, json, report.toJson());
      }
      return VerinoteCli.OK;
    } catch (InvalidInputException e) {
      err.println("verinote eval report: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }
}
