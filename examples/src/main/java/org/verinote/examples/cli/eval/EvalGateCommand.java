package org.verinote.examples.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.EvalRun;
import org.verinote.eval.EvalRuns;
import org.verinote.eval.gate.GateVerdict;
import org.verinote.eval.gate.PromotionGate;
import org.verinote.examples.cli.VerinoteCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verinote eval gate}: may the candidate replace the baseline? Exit 0 pass, 3 refused. */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = "Compare a candidate run with the baseline, paired per case, bootstrap CIs; exit 0 if no gated "
        + "metric is worse beyond its tolerance, 3 otherwise.")
public final class EvalGateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--baseline", required = true, description = "Baseline run JSON.")
  Path baseline;

  @Option(names = "--candidate", required = true, description = "Candidate run JSON.")
  Path candidate;

  @Option(names = "--metric", split = ",", description = "metric=tolerance (higher is better), repeatable; "
      + "prefix '-' for lower-is-better (e.g. -failed=0). Default: rouge1, rouge2, rougeLsum 1.0; fidelity, "
      + "completeness 0.02; -failed 0.")
  List<String> metrics;

  @Option(names = "--seed", defaultValue = "20231", description = "Bootstrap seed for --metric gates (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", defaultValue = "json", description = "json or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!format.equals("json") && !format.equals("markdown")) {
        throw new InvalidInputException("--format must be json or markdown, got '" + format + "'");
      }
      EvalRun base = EvalRuns.read(baseline);
      EvalRun cand = EvalRuns.read(candidate);
      PromotionGate gate = metrics == null || metrics.isEmpty() ? PromotionGate.standardFor(base, cand) : gate();
      GateVerdict v = gate.evaluate(base, cand);
      Output.write(spec, null, format.equals("markdown") ? v.toMarkdown() : v.toJson());
      return v.exitCode();
    } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
      err.println("verinote eval gate: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }

  private PromotionGate gate() {
    PromotionGate.Builder b = PromotionGate.builder().seed(seed);
    for (String m : metrics) {
      int eq = m.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("Expected --metric name=tolerance, got '" + m + "'");
      }
      String name = m.substring(0, eq).strip();
      double tol;
      try {
        tol = Double.parseDouble(m.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("Expected a number after '=' in --metric " + m, e);
      }
      if (name.startsWith("-")) {
        b.gateLowerIsBetter(name.substring(1), tol);
      } else {
        b.gate(name, tol);
      }
    }
    return b.build();
  }
}
