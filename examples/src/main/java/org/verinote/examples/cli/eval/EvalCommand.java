package org.verinote.examples.cli.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code verinote eval}: score predictions, run a model over a benchmark, gate promotions, detect drift, render
 * reports, measure the guardrail chain on injected hallucinations. Exit codes: 0 ok, 2 bad input, 3 the work failed (gate refused, drift detected, structuring failed).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate notes: ROUGE (rouge-score 0.1.2 / ACI-Bench compatible), note metrics, gate, drift, "
        + "injected hallucinations.",
    subcommands = {EvalScoreCommand.class, EvalRunCommand.class, EvalGateCommand.class, EvalDriftCommand.class,
        EvalReportCommand.class, EvalCorrectionsCommand.class, EvalPerturbCommand.class})
public final class EvalCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
