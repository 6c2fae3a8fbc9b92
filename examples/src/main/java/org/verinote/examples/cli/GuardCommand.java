package org.verinote.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verinote.core.Finding;
import org.verinote.core.InvalidInputException;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.guardrails.AuditResult;
import org.verinote.guardrails.Guardrails;
import org.verinote.guardrails.NegationConsistency;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verinote guard}: runs the standard guardrail chain over an existing note, so anyone can audit any model's
 * output against its transcript. One note ({@code --transcript T --note N}) prints findings and scores; a batch
 * ({@code --batch CSV} with columns {@code id, transcript, note}) prints one JSON line per row with the note-level
 * scores, including {@code unsupported} in [0, 1].
 */
@Command(name = "guard", mixinStandardHelpOptions = true,
    description = "Check a finished note against its transcript with the standard guardrail chain.")
final class GuardCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--transcript", paramLabel = "T", description = "Transcript file (ACI-Bench [doctor] lines,"
      + " 'Doctor:' lines or plain text).")
  Path transcript;

  @Option(names = "--note", paramLabel = "N", description = "Note file (headings as in ACI-Bench, Markdown, or"
      + " Verinote note JSON).")
  Path note;

  @Option(names = "--batch", paramLabel = "CSV", description = "CSV with a header and columns id, transcript,"
      + " note; prints one JSON line per row.")
  Path batch;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output for one note: text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--negation-majority", paramLabel = "RATIO", description = "Also flag a finding the transcript"
      + " contradicts RATIO (2..10) times per agreeing mention (default: only when none agrees).")
  Integer negationMajority;

  @Option(names = "--unconfirmed-assertions", description = "Also flag a finding the note asserts that the"
      + " transcript only asks about, with no answer confirming it.")
  boolean unconfirmedAssertions;

  @Option(names = "--no-plan-assertions", description = "Do not judge what a plan section asserts (fewer false"
      + " alarms, lower recall).")
  boolean noPlanAssertions;

  private org.verinote.core.guard.GuardrailChain chain;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      err.println("verinote guard: --format must be 'text' or 'json', got '" + format + "'.");
      return VerinoteCli.BAD_INPUT;
    }
    if (negationMajority != null && (negationMajority < 2 || negationMajority > 10)) {
      err.println("verinote guard: --negation-majority must be 2..10, got " + negationMajority + ".");
      return VerinoteCli.BAD_INPUT;
    }
    if (batch != null) {
      if (transcript != null || note != null) {
        err.println("verinote guard: use either --batch or --transcript with --note, not both.");
        return VerinoteCli.BAD_INPUT;
      }
      return batch(out, err);
    }
    if (transcript == null || note == null) {
      err.println("verinote guard: expected --transcript T and --note N (or --batch CSV).");
      return VerinoteCli.BAD_INPUT;
    }
    AuditResult result;
    try {
      result = audit(read(transcript, "transcript"), read(note, "note"));
    } catch (InvalidInputException e) {
      err.println("verinote guard: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
    if (format.equals("json")) {
      out.println(toJson(result, null, true));
    } else {
      printText(out, result);
    }
    out.flush();
    return VerinoteCli.OK;
  }

  private int batch(PrintWriter out, PrintWriter err) {
    int bad = 0;
    try (Reader r = Files.newBufferedReader(batch, StandardCharsets.UTF_8);
         CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
             .setIgnoreHeaderCase(true).setTrim(false).get().parse(r)) {
      for (String col : new String[] {"id", "transcript", "note"}) {
        if (!csv.getHeaderMap().containsKey(col)) {
          err.println("verinote guard: the batch CSV needs a header with columns id, transcript, note; column '"
              + col + "' is missing (found " + csv.getHeaderNames() + ").");
          return VerinoteCli.BAD_INPUT;
        }
      }
      for (CSVRecord rec : csv) {
        String id = rec.isSet("id") ? rec.get("id") : "row-" + rec.getRecordNumber();
        try {
          if (!rec.isSet("transcript") || !rec.isSet("note")) {
            throw new InvalidInputException("row " + rec.getRecordNumber() + " has " + rec.size()
                + " columns; expected id, transcript, note.");
          }
          out.println(toJson(audit(rec.get("transcript"), rec.get("note")), id, false));
        } catch (InvalidInputException e) {
          bad++;
          ObjectNode n = JSON.createObjectNode();
          n.put("id", id);
          n.put("error", e.getMessage());
          out.println(n.toString());
        }
      }
    } catch (NoSuchFileException e) {
      err.println("verinote guard: batch file not found: " + batch);
      return VerinoteCli.BAD_INPUT;
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      err.println("verinote guard: cannot read batch CSV " + batch + " (" + e.getClass().getSimpleName()
          + "); expected UTF-8 CSV with a header id, transcript, note.");
      return VerinoteCli.BAD_INPUT;
    }
    out.flush();
    return bad == 0 ? VerinoteCli.OK : VerinoteCli.BAD_INPUT;
  }

  private AuditResult audit(String transcriptText, String noteText) {
    Transcript t = Transcript.parse(transcriptText);
    StructuredNote n = Guardrails.parseNote(noteText);
    return Guardrails.audit(chain(), t, n);
  }

  /** The standard chain, with the negation layer the options ask for; built once per command. */
  private org.verinote.core.guard.GuardrailChain chain() {
    if (chain == null) {
      if (negationMajority == null && !unconfirmedAssertions && !noPlanAssertions) {
        chain = Guardrails.standard();
      } else {
        NegationConsistency.Builder nb = NegationConsistency.builder()
            .unconfirmedAssertions(unconfirmedAssertions).planAssertions(!noPlanAssertions);
        if (negationMajority != null) {
          nb.majority(negationMajority);
        }
        chain = Guardrails.addStandardLayers(org.verinote.core.guard.GuardrailChain.builder(), nb.build()).build();
      }
    }
    return chain;
  }

  private static String read(Path p, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("The " + what + " file was not found: " + p + ".");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("The " + what + " file is not UTF-8 text: " + p + ".");
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the " + what + " file " + p + " ("
          + e.getClass().getSimpleName() + ").");
    }
  }

  static String toJson(AuditResult a, String id, boolean withFindings) {
    ObjectNode n = JSON.createObjectNode();
    if (id != null) {
      n.put("id", id);
    }
    n.put("outcome", a.chain().outcome().name());
    n.put("sentences", a.sentences());
    n.put("flagged_sentences", a.flaggedSentences());
    n.put("unsupported", round(a.unsupported()));
    ObjectNode scores = n.putObject("scores");
    new TreeMap<>(a.chain().scores()).forEach((k, v) -> scores.put(k, round(v)));
    Map<String, Integer> byLayer = new TreeMap<>();
    for (Finding f : a.chain().findings()) {
      byLayer.merge(f.layer(), 1, Integer::sum);
    }
    ObjectNode counts = n.putObject("findings_by_layer");
    byLayer.forEach(counts::put);
    if (withFindings) {
      var arr = n.putArray("findings");
      for (Finding f : a.chain().findings()) {
        ObjectNode fn = arr.addObject();
        fn.put("layer", f.layer());
        fn.put("code", f.code());
        fn.put("severity", f.severity().name());
        fn.put("message", f.message());
        if (f.sectionKey() != null) {
          fn.put("section", f.sectionKey());
        }
        if (f.location() != null) {
          fn.put("start", f.location().start());
          fn.put("end", f.location().end());
        }
      }
    }
    return n.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static void printText(PrintWriter out, AuditResult a) {
    out.printf(java.util.Locale.ROOT, "outcome: %s%nsentences: %d, flagged: %d, unsupported: %.3f%n",
        a.chain().outcome(), a.sentences(), a.flaggedSentences(), a.unsupported());
    new TreeMap<>(a.chain().scores()).forEach((k, v) -> out.printf(java.util.Locale.ROOT, "score %s: %.3f%n", k, v));
    for (Finding f : a.chain().findings()) {
      out.printf("%-7s %-20s %-28s %s%s%n", f.severity(), f.layer(), f.code(),
          f.sectionKey() == null ? "" : "[" + f.sectionKey()
              + (f.location() == null ? "" : " " + f.location().start() + "-" + f.location().end()) + "] ",
          f.message());
    }
  }
}
