package org.verinote.examples.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.drift.DriftDetector;
import org.verinote.eval.drift.DriftReport;
import org.verinote.eval.drift.ScorePoint;
import org.verinote.eval.drift.ScoreStreams;
import org.verinote.eval.report.EvalReport;
import org.verinote.examples.cli.VerinoteCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verinote eval drift}: has a metric moved? Exit 0 stable, 3 drift detected. */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Compare the recent window of a time-ordered score stream with the reference window "
        + "(Mann-Whitney U + bootstrap CI, plus first half vs second half); exit 3 if a metric drifted.")
public final class EvalDriftCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--scores", required = true,
      description = "CSV with a 'time' column (ISO-8601) and metric columns, or a run JSON (case order = time).")
  Path scores;

  @Option(names = "--metric", required = true, split = ",", description = "Metric(s) to check.")
  List<String> metrics;

  @Option(names = "--recent", defaultValue = "50", description = "Recent window size (default: ${DEFAULT-VALUE}).")
  int recent;

  @Option(names = "--reference", defaultValue = "0",
      description = "Reference window size, 0 = everything before the recent window (default: ${DEFAULT-VALUE}).")
  int reference;

  @Option(names = "--threshold", defaultValue = "0", description = "Minimum |mean shift| (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--html", description = "Also write an HTML report with the drift charts.")
  Path html;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      DriftDetector detector = DriftDetector.builder().recentWindow(recent).referenceWindow(reference)
          .threshold(threshold).alpha(alpha).build();
      List<DriftReport> reports = new ArrayList<>();
      boolean json = scores.getFileName().toString().endsWith(".json");
      for (String m : metrics) {
        List<ScorePoint> points = json ? ScoreStreams.fromRun(EvalRuns.read(scores), m) : ScoreStreams.fromCsv(scores, m);
        reports.add(detector.detect(m, points));
      }
      StringBuilder out = new StringBuilder();
      boolean drifted = false;
      for (DriftReport r : reports) {
        drifted |= r.drifted();
        out.append(String.format(Locale.ROOT, "%s: %s reference=%.4f (n=%d) recent=%.4f (n=%d) shift=%+.4f "
            + "[%+.4f, %+.4f] p=%.4g firstHalf=%.4f secondHalf=%.4f%n", r.metric(), r.drifted() ? "DRIFT" : "stable",
            r.referenceMean(), r.referenceSize(), r.recentMean(), r.recentSize(), r.shift().estimate(),
            r.shift().low(), r.shift().high(), r.mannWhitneyP(), r.firstHalfMean(), r.secondHalfMean()));
      }
      Output.write(spec, null, out.toString());
      if (html != null) {
        EvalReport.Builder b = EvalReport.builder().title("Drift: " + scores.getFileName());
        reports.forEach(b::drift);
        Output.write(spec, html, b.build().toHtml());
      }
      return drifted ? VerinoteCli.FAILED : VerinoteCli.OK;
    } catch (InvalidInputException | IllegalArgumentException e) {
      err.println("verinote eval drift: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }
}
