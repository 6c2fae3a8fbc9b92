package org.verinote.examples.cli.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verinote.core.InvalidInputException;
import picocli.CommandLine;

/** Writes command output to a file or standard output. */
final class Output {

  private Output() {}

  static void write(CommandLine.Model.CommandSpec spec, Path file, String text) {
    if (file == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return;
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("Could not write " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
