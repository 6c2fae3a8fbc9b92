package org.verinote.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code verinote} command line. Each subcommand lives in its own class in this package and is registered in
 * {@link #newCommandLine()}.
 *
 * <p>Exit codes: 0 success (note drafted), 2 bad input (a clear message on standard error), 3 the work itself
 * failed (structuring failed, all providers failed, a gate refused a model).
 */
@Command(name = "verinote", mixinStandardHelpOptions = true, version = "verinote 0.1.0-SNAPSHOT",
    description = "Clinical AI documentation: structure transcripts, de-identify, guard and evaluate notes.")
public final class VerinoteCli implements Runnable {

  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for bad input: unreadable file, empty transcript, unknown template, bad option. */
  public static final int BAD_INPUT = 2;
  /** Exit code for a failure of the work itself. */
  public static final int FAILED = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Entry point.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * A configured command line with every subcommand registered; used by {@link #main} and by tests.
   *
   * @return a new command line
   */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new VerinoteCli());
    // Subcommands register here, one line each.
    cl.addSubcommand(new StructureCommand());
    cl.addSubcommand(new DeidCommand());
    cl.addSubcommand(new DeidEvalCommand());
    cl.addSubcommand(new GuardCommand());
    cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
    cl.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("verinote: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try 'verinote --help'.");
      return BAD_INPUT;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
