package org.verinote.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verinote.core.deid.SafeHarborDeIdentifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verinote deid-eval --gold FILE.jsonl}: token-level recall, precision and F2 of the de-identifier. */
@Command(name = "deid-eval", mixinStandardHelpOptions = true,
    description = "Score the Safe Harbor de-identifier against a gold JSONL file (token level: a gold token is"
        + " caught when any detected span overlaps it). Prints recall per gold type, overall recall, precision"
        + " and F2 over the Safe Harbor types, and throughput. A year alone is reported separately.")
final class DeidEvalCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "FILE.jsonl",
      description = "Gold file: one {\"id\", \"text\", \"spans\":[{\"start\",\"end\",\"type\"}]} per line.")
  Path gold;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format: a table (text) or one JSON document (json). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(gold)) {
      err.println("verinote deid-eval: gold file not found: " + gold + ". Pass a JSONL file with --gold.");
      return VerinoteCli.BAD_INPUT;
    }
    List<DeidScorer.Doc> docs;
    try {
      docs = DeidScorer.read(gold);
    } catch (IOException e) {
      err.println("verinote deid-eval: cannot read " + gold + ": " + e.getClass().getSimpleName());
      return VerinoteCli.BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("verinote deid-eval: " + e.getMessage() + ". Expected the ../shared/data/deid JSONL format.");
      return VerinoteCli.BAD_INPUT;
    }
    if (docs.isEmpty()) {
      err.println("verinote deid-eval: the gold file has no documents.");
      return VerinoteCli.BAD_INPUT;
    }
    DeidScorer.Report r = DeidScorer.score(docs, SafeHarborDeIdentifier.standard());
    if (format == Format.json) {
      out.println(json(r));
    } else {
      table(r, out);
    }
    out.flush();
    return VerinoteCli.OK;
  }

  static String json(DeidScorer.Report r) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("documents", r.documents());
    root.put("bytes", r.bytes());
    ObjectNode overall = root.putObject("overall");
    overall.put("goldTokens", r.goldTokens());
    overall.put("recall", round(r.recall()));
    overall.put("precision", round(r.precision()));
    overall.put("f2", round(r.f2()));
    overall.put("detectedTokens", r.detectedTokens());
    overall.put("falsePositiveTokens", r.falsePositiveTokens());
    ArrayNode types = root.putArray("types");
    for (DeidScorer.TypeScore t : r.perType().values()) {
      ObjectNode n = types.addObject();
      n.put("type", t.type());
      n.put("goldTokens", t.gold());
      n.put("caught", t.caught());
      n.put("recall", round(t.recall()));
      n.put("safeHarbor", t.safeHarbor());
    }
    ObjectNode tp = root.putObject("throughput");
    tp.put("seconds", round(r.seconds()));
    tp.put("documentsPerSecond", Math.round(r.docsPerSecond()));
    tp.put("megabytesPerSecond", round(r.megabytesPerSecond()));
    tp.put("cpuSeconds", round(r.cpuSeconds()));
    tp.put("megabytesPerCpuSecond", round(r.megabytesPerCpuSecond()));
    return root.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  static void table(DeidScorer.Report r, PrintWriter out) {
    out.printf(Locale.ROOT, "%-24s %8s %8s %8s%n", "gold type", "tokens", "caught", "recall");
    for (DeidScorer.TypeScore t : r.perType().values()) {
      out.printf(Locale.ROOT, "%-24s %8d %8d %8.4f%s%n", t.type(), t.gold(), t.caught(), t.recall(),
          t.safeHarbor() ? "" : "  (not Safe Harbor PHI: reported only)");
    }
    out.printf(Locale.ROOT, "%noverall (Safe Harbor types): recall %.4f  precision %.4f  F2 %.4f%n", r.recall(),
        r.precision(), r.f2());
    out.printf(Locale.ROOT, "  gold tokens %d, caught %d; detected tokens %d, of which outside any gold span %d%n",
        r.goldTokens(), r.caughtTokens(), r.detectedTokens(), r.falsePositiveTokens());
    out.printf(Locale.ROOT, "throughput: %d documents, %.2f MB in %.3f s = %.0f documents/s, %.2f MB/s"
        + " (%.2f MB per CPU-second of one core)%n", r.documents(), r.bytes() / 1e6, r.seconds(), r.docsPerSecond(),
        r.megabytesPerSecond(), r.megabytesPerCpuSecond());
  }
}
