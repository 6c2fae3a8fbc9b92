package org.verinote.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.verinote.core.PatientContext;
import org.verinote.core.Transcript;
import org.verinote.core.deid.PhiVault;
import org.verinote.core.deid.SafeHarborDeIdentifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code verinote deid FILE}: prints the de-identified text, then what was replaced by type and count. */
@Command(name = "deid", mixinStandardHelpOptions = true,
    description = "De-identify a transcript or note with the Safe Harbor de-identifier. Prints the de-identified"
        + " text, then a summary of what was replaced, by type and count only (on standard error).")
final class DeidCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "UTF-8 text file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
    } catch (CharacterCodingException e) {
      err.println("verinote deid: " + file + " is not UTF-8 text. Convert it to UTF-8 first.");
      return VerinoteCli.BAD_INPUT;
    } catch (IOException e) {
      err.println("verinote deid: cannot read " + file + " (" + e.getClass().getSimpleName()
          + "). Check the path and permissions.");
      return VerinoteCli.BAD_INPUT;
    }
    if (text.length() > Transcript.MAX_CHARS) {
      err.println("verinote deid: " + file + " has " + text.length() + " characters; the limit is "
          + Transcript.MAX_CHARS + ". Split the file.");
      return VerinoteCli.BAD_INPUT;
    }
    PhiVault vault = SafeHarborDeIdentifier.standard().open("cli", PatientContext.empty());
    out.print(vault.deidentify(text));
    if (!text.endsWith("\n")) {
      out.println();
    }
    out.flush();
    Map<String, Integer> counts = vault.replacementCounts();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    err.println("verinote deid: replaced " + total + " identifier(s)" + (counts.isEmpty() ? "" : ": " + counts));
    err.flush();
    return VerinoteCli.OK;
  }
}
