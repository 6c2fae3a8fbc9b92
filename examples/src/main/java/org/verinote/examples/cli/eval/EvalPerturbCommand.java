package org.verinote.examples.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.verinote.core.InvalidInputException;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.model.ModelProvider;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.EvalCase;
import org.verinote.examples.cli.VerinoteCli;
import org.verinote.guardrails.Guardrails;
import org.verinote.guardrails.LlmJudge;
import org.verinote.guardrails.PerturbationSuite;
import org.verinote.guardrails.PerturbationSuite.Kind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verinote eval perturb}: injects hallucinations into a benchmark's reference notes ({@link PerturbationSuite})
 * and reports per kind how many the standard guardrail chain catches — and, with {@code --judge}, how many the chain
 * with a sampled {@link LlmJudge} catches and what the judge costs on the clean notes.
 *
 * <p>Encounter ids seed the suite's random choices, so they are formed as the project's figure tests form them:
 * {@code aci-<n>} numbered across ACI-Bench (and JSONL) files in the order given, {@code mts-<split>-<ID>} for
 * MTS-Dialog. The guide's figures therefore reproduce from the command line.
 */
@Command(name = "perturb", mixinStandardHelpOptions = true,
    description = "Inject hallucinations (fabricated medication, changed dose/vital/age, flipped negation, contact, "
        + "hedge, repetition) into a dataset's reference notes and report how many the guardrail chain catches.")
public final class EvalPerturbCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** MTS-Dialog section labels as the headings the layers expect (the figure tests use the same). */
  private static final Map<String, String> MTS_TITLES = Map.ofEntries(
      Map.entry("GENHX", "HISTORY OF PRESENT ILLNESS"), Map.entry("ROS", "REVIEW OF SYSTEMS"),
      Map.entry("PASTMEDICALHX", "PAST MEDICAL HISTORY"), Map.entry("FAM/SOCHX", "FAMILY AND SOCIAL HISTORY"),
      Map.entry("CC", "CHIEF COMPLAINT"), Map.entry("PASTSURGICAL", "PAST SURGICAL HISTORY"),
      Map.entry("ALLERGY", "ALLERGIES"), Map.entry("MEDICATIONS", "MEDICATIONS"),
      Map.entry("ASSESSMENT", "ASSESSMENT"), Map.entry("EXAM", "PHYSICAL EXAM"), Map.entry("DIAGNOSIS", "DIAGNOSIS"),
      Map.entry("DISPOSITION", "DISPOSITION"), Map.entry("PLAN", "PLAN"),
      Map.entry("EDCOURSE", "EMERGENCY DEPARTMENT COURSE"), Map.entry("IMMUNIZATIONS", "IMMUNIZATIONS"),
      Map.entry("IMAGING", "IMAGING"), Map.entry("GYNHX", "GYNECOLOGIC HISTORY"),
      Map.entry("PROCEDURES", "PROCEDURES"), Map.entry("OTHER_HISTORY", "OTHER HISTORY"), Map.entry("LABS", "LABS"));

  /** MTS-Dialog file names and the split names the figure tests give them. */
  private static final Map<String, String> MTS_SPLITS = Map.of("mts-dialog-trainingset", "train",
      "mts-dialog-validationset", "valid", "mts-dialog-testset-1-mediqa-chat-2023", "test1",
      "mts-dialog-testset-2-mediqa-sum-2023", "test2");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset", required = true, description = "ACI-Bench CSV, MTS-Dialog CSV or JSONL with reference "
      + "notes; repeat to pool files (ACI-Bench: train, valid, test1 in that order reproduces the guide).")
  List<Path> datasets;

  @Option(names = "--seeds", defaultValue = "42", paramLabel = "LIST",
      description = "Seeds to pool, e.g. 42 or 9-40 or 1,3,5-8 (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--exclude", paramLabel = "LIST", description = "Leave out every case these seeds draw (the seeds "
      + "a chain was tuned on) and count each remaining case once: held-out figures.")
  String exclude;

  @Option(names = "--distinct", description = "Count each pooled case once (for a corpus nobody tuned on).")
  boolean distinct;

  @Option(names = "--mix-seeds", description = "Mix each seed before drawing, reaching places the default draw "
      + "never does (PerturbationSuite.mixingSeeds()).")
  boolean mixSeeds;

  @Option(names = "--exclude-default-draw", paramLabel = "LIST", description = "With --mix-seeds: leave out every "
      + "case these seeds draw with the default draw, e.g. 1-300: cases nobody tuning on the default draw has seen.")
  String excludeDefaultDraw;

  @Option(names = "--kinds", paramLabel = "LIST", description = "Only these kinds, e.g. flipped-negation,changed-dose "
      + "(default: all). Use it with --judge: each case costs a model call.")
  String kinds;

  @Option(names = "--judge", paramLabel = "MODEL", description = "Also measure the chain with an LLM judge layer: "
      + "ollama:<model> or openai:<model> (llama.cpp, vLLM). One call per case and per clean note; needs "
      + "--allow-remote-judge.")
  String judge;

  @Option(names = "--base-url", defaultValue = "http://localhost:11434", description = "Judge server URL: Ollama's "
      + "(default: ${DEFAULT-VALUE}) or an OpenAI-compatible one, e.g. http://localhost:8080/v1.")
  String baseUrl;

  @Option(names = "--allow-remote-judge", description = "Let the judge model (reached over HTTP) see transcript and "
      + "note text. Only for public or de-identified data such as ACI-Bench and MTS-Dialog.")
  boolean allowRemoteJudge;

  @Option(names = "--judge-rate", defaultValue = "1.0", description = "Share of notes the judge sees, in (0, 1] "
      + "(default: ${DEFAULT-VALUE}).")
  double judgeRate;

  @Option(names = "--judge-seed", defaultValue = "0", description = "Judge sampling seed (default: ${DEFAULT-VALUE}).")
  long judgeSeed;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", description = "Write the report here (default: standard output).")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!format.equals("text") && !format.equals("json")) {
        throw new InvalidInputException("--format must be 'text' or 'json', got '" + format + "'.");
      }
      List<Kind> ks = kinds == null ? null : parseKinds(kinds);
      PerturbationSuite suite = restrict(PerturbationSuite.withSeeds(parseSeeds("--seeds", seeds)), ks);
      if (mixSeeds) {
        suite = suite.mixingSeeds();
      }
      if (excludeDefaultDraw != null) {
        if (!mixSeeds) {
          throw new InvalidInputException("--exclude-default-draw needs --mix-seeds: without it, use --exclude.");
        }
        // only the kinds measured need drawing
        suite = suite.excluding(restrict(PerturbationSuite.withSeeds(parseSeeds("--exclude-default-draw",
            excludeDefaultDraw)), ks));
      }
      if (exclude != null) {
        suite = suite.excluding(parseSeeds("--exclude", exclude));
      }
      if (distinct) {
        suite = suite.distinct();
      }
      GuardrailChain withJudge = null;
      CountingProvider model = null;
      if (judge != null) {
        if (!(judgeRate > 0.0 && judgeRate <= 1.0)) {
          throw new InvalidInputException("--judge-rate must be in (0, 1], got " + judgeRate);
        }
        model = new CountingProvider(ModelFactory.create(judge, baseUrl));
        if (model.info().capabilities().remote() && !allowRemoteJudge) {
          throw new InvalidInputException("Refusing remote judge model " + model.info().id() + ": it would see "
              + "transcript and note text. Pass --allow-remote-judge for public or de-identified data.");
        }
        withJudge = Guardrails.addStandardLayers(GuardrailChain.builder())
            .add(LlmJudge.builder().model(model).sampleRate(judgeRate).seed(judgeSeed).build()).build();
      }
      List<PerturbationSuite.Encounter> encounters = encounters(datasets);
      PerturbationSuite.Report standard = suite.evaluate(Guardrails.standard(), encounters);
      PerturbationSuite.Report judged = withJudge == null ? null : suite.evaluate(withJudge, encounters);
      String text = format.equals("json") ? json(suite, encounters.size(), standard, judged)
          : text(describe(), encounters.size(), standard, judged);
      Output.write(spec, output, text);
      if (model != null) {
        err.printf(Locale.ROOT, "judge: %d calls, %d failed%s%n", model.calls.get(), model.failures.get(),
            model.failures.get() == 0 ? "" : " (a failed call catches nothing; see the chain's LAYER_FAILED)");
        err.flush();
        return model.failures.get() == model.calls.get() && model.calls.get() > 0 ? VerinoteCli.FAILED
            : VerinoteCli.OK;
      }
      return VerinoteCli.OK;
    } catch (InvalidInputException | IllegalArgumentException e) {
      err.println("verinote eval perturb: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
  }

  /** The suite restricted to the given kinds; all kinds for null. */
  private static PerturbationSuite restrict(PerturbationSuite suite, List<Kind> ks) {
    return ks == null ? suite : suite.only(ks.get(0), ks.subList(1, ks.size()).toArray(new Kind[0]));
  }

  /** Counts the judge's calls and failures, so a report says how many judgements it rests on. */
  private static final class CountingProvider implements ModelProvider {
    private final ModelProvider delegate;
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    CountingProvider(ModelProvider delegate) {
      this.delegate = delegate;
    }

    @Override
    public org.verinote.core.model.ModelInfo info() {
      return delegate.info();
    }

    @Override
    public org.verinote.core.model.ModelResponse generate(org.verinote.core.model.ModelRequest request) {
      calls.incrementAndGet();
      try {
        return delegate.generate(request);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        throw e;
      }
    }
  }

  /** Every dataset's cases as encounters; a case whose transcript or note cannot be read is a typed error. */
  static List<PerturbationSuite.Encounter> encounters(List<Path> files) {
    List<PerturbationSuite.Encounter> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    int aci = 0;
    Set<Path> seen = new java.util.HashSet<>();
    for (Path file : files) {
      if (!seen.add(file.toAbsolutePath().normalize())) {
        throw new InvalidInputException(file.getFileName() + " is given twice; each case would count twice.");
      }
      Dataset ds = DatasetLoader.load(file, null);
      String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
      for (EvalCase c : ds.cases()) {
        String id;
        String note;
        if (c.section() != null && !c.section().isBlank()) {
          id = "mts-" + MTS_SPLITS.getOrDefault(stem, stem) + "-" + c.id();
          note = MTS_TITLES.getOrDefault(c.section(), c.section()) + "\n\n" + c.reference();
        } else {
          id = "aci-" + aci++;
          note = c.reference();
        }
        if (!ids.add(id)) {
          throw new InvalidInputException("Case id " + id + " appears twice (" + file.getFileName()
              + "); each case would count twice.");
        }
        try {
          out.add(new PerturbationSuite.Encounter(id, Transcript.parse(c.transcript()), Guardrails.parseNote(note)));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(file.getFileName() + ", case " + c.id() + ": " + e.getMessage(), e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException("The datasets have no cases.");
    }
    return out;
  }

  /** "9-40", "42,1-8": distinct non-negative seeds. */
  static long[] parseSeeds(String option, String list) {
    Set<Long> out = new LinkedHashSet<>();
    for (String part : list.split(",", -1)) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-', 1);
        long from = Long.parseLong(dash < 0 ? p : p.substring(0, dash).strip());
        long to = dash < 0 ? from : Long.parseLong(p.substring(dash + 1).strip());
        if (from < 0 || to < from || to - from > 100_000) {
          throw new NumberFormatException();
        }
        for (long s = from; s <= to; s++) {
          out.add(s);
        }
      } catch (NumberFormatException e) {
        throw new InvalidInputException(option + " expects seeds or ranges such as 42 or 9-40 or 1,3,5-8; '" + p
            + "' is not one.");
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** "flipped-negation,CHANGED_DOSE": kinds by name, case and dash insensitive. */
  static List<Kind> parseKinds(String list) {
    Set<Kind> out = new LinkedHashSet<>();
    for (String part : list.split(",", -1)) {
      String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        out.add(Kind.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--kinds: unknown kind '" + part.strip() + "'; expected some of "
            + EnumSet.allOf(Kind.class).stream().map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()
            + ".");
      }
    }
    return new ArrayList<>(out);
  }

  /** The suite as the options gave it ("seeds 9-40 excluding 42,1-8"), shorter than its toString. */
  private String describe() {
    return "seeds " + seeds.strip() + (mixSeeds ? " mixed" : "")
        + (excludeDefaultDraw == null ? "" : " excluding the default draw's " + excludeDefaultDraw.strip())
        + (exclude == null ? "" : " excluding " + exclude.strip())
        + (distinct && exclude == null ? ", each case once" : "") + (kinds == null ? "" : ", kinds " + kinds.strip());
  }

  private static String text(String suite, int encounters, PerturbationSuite.Report std,
      PerturbationSuite.Report judged) {
    StringBuilder b = new StringBuilder();
    b.append(suite).append(" over ").append(encounters).append(" encounters\n\n");
    b.append(String.format(Locale.ROOT, "%-24s %6s %9s", "kind", "cases", "standard"));
    b.append(judged == null ? "\n" : String.format(Locale.ROOT, " %11s%n", "with judge"));
    for (Kind k : Kind.values()) {
      if (!std.cases().containsKey(k)) {
        continue;
      }
      b.append(String.format(Locale.ROOT, "%-24s %6d %9.3f", name(k), std.cases().get(k), std.recall(k)));
      b.append(judged == null ? "\n" : String.format(Locale.ROOT, " %11.3f%n", judged.recall(k)));
    }
    b.append(String.format(Locale.ROOT, "%-24s %6d %9.3f", "overall", std.totalCases(), std.recall()));
    b.append(judged == null ? "\n" : String.format(Locale.ROOT, " %11.3f%n", judged.recall()));
    b.append(String.format(Locale.ROOT, "%nclean notes: %d sentences, %.2f %% flagged unsupported%n",
        std.goldSentences(), std.goldUnsupportedRate() * 100));
    b.append("findings on clean notes by layer: ").append(new TreeMap<>(std.goldFindingsByLayer())).append('\n');
    if (judged != null) {
      b.append("judge findings on clean notes: ")
          .append(judged.goldFindingsByLayer().getOrDefault(LlmJudge.NAME, 0)).append('\n');
      for (Kind k : Kind.values()) {
        int n = judged.caughtByLayer().getOrDefault(k, Map.of()).getOrDefault(LlmJudge.NAME, 0);
        if (judged.cases().containsKey(k)) {
          b.append(String.format(Locale.ROOT, "judge flagged %d of %d %s cases%n", n, judged.cases().get(k),
              name(k)));
        }
      }
    }
    return b.toString();
  }

  private static String json(PerturbationSuite suite, int encounters, PerturbationSuite.Report std,
      PerturbationSuite.Report judged) {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", suite.toString());
    root.put("encounters", encounters);
    root.set("standard", report(std));
    if (judged != null) {
      root.set("withJudge", report(judged));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("report could not be written as JSON", e);
    }
  }

  private static ObjectNode report(PerturbationSuite.Report r) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode kinds = o.putObject("kinds");
    for (Kind k : Kind.values()) {
      if (r.cases().containsKey(k)) {
        ObjectNode n = kinds.putObject(name(k));
        n.put("cases", r.cases().get(k));
        n.put("caught", r.caught().getOrDefault(k, 0));
        n.put("recall", r.recall(k));
        ObjectNode by = n.putObject("caughtByLayer");
        new TreeMap<>(r.caughtByLayer().getOrDefault(k, Map.of())).forEach(by::put);
      }
    }
    o.put("cases", r.totalCases());
    o.put("recall", r.recall());
    ObjectNode clean = o.putObject("cleanNotes");
    clean.put("sentences", r.goldSentences());
    clean.put("unsupported", r.goldUnsupported());
    clean.put("unsupportedRate", r.goldUnsupportedRate());
    ObjectNode by = clean.putObject("findingsByLayer");
    new TreeMap<>(r.goldFindingsByLayer()).forEach(by::put);
    return o;
  }

  private static String name(Kind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
