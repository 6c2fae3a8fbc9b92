package org.verinote.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.verinote.core.Attempt;
import org.verinote.core.Encounter;
import org.verinote.core.Evidence;
import org.verinote.core.Finding;
import org.verinote.core.InvalidInputException;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Provenance;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.ModelProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verinote structure FILE|-}: structures one transcript into a draft note and prints the note, its evidence,
 * the findings and the provenance (Markdown) or one JSON document. Exit codes: 0 drafted (or degraded), 2 bad input,
 * 3 structuring failed.
 */
@Command(name = "structure", mixinStandardHelpOptions = true,
    description = "Structure a consultation transcript into a draft note (offline by default).",
    footer = {"", "Exit codes: 0 drafted, 2 bad input, 3 structuring failed."})
public final class StructureCommand implements Callable<Integer> {

  /** The {@code --model} choices, in the order they are listed in messages. */
  static final List<String> MODELS = List.of("extractive");

  /** Largest input accepted, in bytes: UTF-8 text of {@link Transcript#MAX_CHARS} characters fits. */
  static final long MAX_BYTES = 4L * Transcript.MAX_CHARS;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "Transcript file (UTF-8), or - for standard input."
      + " Layouts: [doctor]/[patient] lines, Doctor:/Patient: lines, or plain text.")
  String input;

  @Option(names = "--template", paramLabel = "ID", defaultValue = "soap",
      description = "Note template: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = TemplateIds.class)
  String template;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "Output format: markdown or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "extractive",
      description = "Model: extractive (embedded, offline, deterministic), openai-compatible, anthropic or ollama"
          + " (with --base-url, --model-name, --api-key-env). Default: ${DEFAULT-VALUE}.")
  String model;

  /** {@code --base-url}, {@code --model-name}, {@code --api-key-env}, {@code --fallback-extractive}. */
  @picocli.CommandLine.Mixin
  ModelOptions server = new ModelOptions();

  /** Reads environment variables (the API key); replaced in tests. */
  java.util.function.Function<String, String> env = System::getenv;

  @Option(names = "--age", paramLabel = "YEARS", description = "Patient age in years, if known (0-150).")
  Integer age;

  @Option(names = "--sex", paramLabel = "SEX", description = "Patient sex, if known: female, male or other.")
  String sex;

  /** Standard input; replaced in tests. */
  InputStream stdin = System.in;

  /** The built-in template ids, for help and completion. */
  static final class TemplateIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return NoteTemplate.builtInIds().iterator();
    }
  }

  /** Bad input detected before structuring: the message goes to standard error and the exit code is 2. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StructuringResult result;
    try {
      NoteTemplate t = NoteTemplate.builtIn(template).orElseThrow(() -> new BadInput("Unknown template '" + template
          + "'. Valid templates: " + String.join(", ", NoteTemplate.builtInIds()) + "."));
      boolean json = parseFormat();
      ModelProvider provider = modelFor(model);
      Transcript transcript = Transcript.parse(read());
      Encounter encounter = Encounter.builder().tenantId("cli").encounterId(encounterId())
          .transcript(transcript).template(t).patientContext(patientContext()).build();
      result = NoteStructurer.builder().model(provider).build().structure(encounter);
      if (json) {
        out.println(toJson(result));
      } else {
        printMarkdown(result, out);
      }
    } catch (BadInput | InvalidInputException e) {
      err.println("verinote structure: " + e.getMessage());
      return VerinoteCli.BAD_INPUT;
    }
    out.flush();
    if (result.status() == Status.FAILED) {
      err.println("verinote structure: structuring failed: " + result.failure().orElseThrow().message());
      return VerinoteCli.FAILED;
    }
    return VerinoteCli.OK;
  }

  /** The provider for {@code --model} and the server flags; inconsistent flags are bad input. */
  private ModelProvider modelFor(String name) throws BadInput {
    try {
      return server.provider(name, env);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /**
   * The offline model for a {@code --model} value (model servers: {@link ModelOptions}). One case per provider; add new providers here and to {@link #MODELS}.
   *
   * @param name the option value
   * @return the provider, or empty if the name is unknown
   */
  static Optional<ModelProvider> newModel(String name) {
    switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "extractive":
        return Optional.of(new ExtractiveModelProvider());
      default:
        return Optional.empty();
    }
  }

  private boolean parseFormat() throws BadInput {
    switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "markdown":
      case "md":
        return false;
      case "json":
        return true;
      default:
        throw new BadInput("Unknown format '" + format + "'. Valid formats: markdown, json.");
    }
  }

  private PatientContext patientContext() throws BadInput {
    PatientContext.Builder b = PatientContext.builder();
    if (age != null) {
      if (age < 0 || age > 150) {
        throw new BadInput("--age must be between 0 and 150, got " + age + ".");
      }
      b.age(age);
    }
    if (sex != null) {
      switch (sex.strip().toLowerCase(Locale.ROOT)) {
        case "female", "f" -> b.sex(PatientContext.Sex.FEMALE);
        case "male", "m" -> b.sex(PatientContext.Sex.MALE);
        case "other" -> b.sex(PatientContext.Sex.OTHER);
        default -> throw new BadInput("Unknown sex '" + sex + "'. Valid values: female, male, other.");
      }
    }
    return b.build();
  }

  private String encounterId() {
    if (input.equals("-")) {
      return "stdin";
    }
    Path name = Path.of(input).getFileName();
    String id = name == null ? "" : name.toString().replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return id.isEmpty() ? "transcript" : id.substring(0, Math.min(id.length(), 128));
  }

  /** Reads the input as strict UTF-8: a malformed byte is bad input, never a replacement character. */
  private String read() throws BadInput {
    byte[] bytes;
    String what = input.equals("-") ? "standard input" : "'" + input + "'";
    try {
      if (input.equals("-")) {
        bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
      } else {
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
          throw new BadInput("Cannot read " + what + ": it is a directory. Give a transcript file.");
        }
        if (Files.size(p) > MAX_BYTES) {
          throw new BadInput("Cannot read " + what + ": " + Files.size(p) + " bytes, the limit is " + MAX_BYTES
              + ".");
        }
        bytes = Files.readAllBytes(p);
      }
    } catch (NoSuchFileException e) {
      throw new BadInput("Cannot read " + what + ": no such file.");
    } catch (IOException e) {
      throw new BadInput("Cannot read " + what + ": " + e.getClass().getSimpleName() + ".");
    }
    if (bytes.length > MAX_BYTES) {
      throw new BadInput("Cannot read " + what + ": more than " + MAX_BYTES + " bytes.");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      throw new BadInput("Cannot read " + what + ": not UTF-8 text (invalid byte sequence at byte offset "
          + in.position() + "). Is it a binary file? Save the transcript as UTF-8 text and retry.");
    }
    chars.flip();
    String text = chars.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static void printMarkdown(StructuringResult r, PrintWriter out) {
    r.note().ifPresent(note -> {
      out.print(note.toMarkdown());
      out.println();
      out.println("---");
      out.println("Evidence (transcript turns, 0-based; score 1.00 = verbatim):");
      for (NoteSection s : note.sections()) {
        out.println("- " + s.title() + ": " + (s.evidence().isEmpty() ? "none" : evidence(s.evidence())));
      }
    });
    out.println();
    out.println("Status: " + r.status() + r.failure().map(f -> " (" + f.code() + ": " + f.message() + ")").orElse(""));
    out.println("Findings: " + (r.findings().isEmpty() ? "none" : r.findings().size()));
    for (Finding f : r.findings()) {
      out.println("- [" + f.severity() + "] " + f.layer() + "/" + f.code() + f.section().map(s -> " in " + s)
          .orElse("") + ": " + f.message());
    }
    Provenance p = r.provenance();
    out.println("Provenance:");
    out.println("- run " + p.modelRunId() + "; model " + p.modelId() + "@" + p.modelVersion() + "; prompt "
        + p.promptProfile() + " v" + p.promptVersion() + "; template " + p.templateId() + "@"
        + p.templateVersion());
    out.println("- de-identification: " + (p.deidentified() ? p.deidentifierId() : "off (" + p.deidentifierId()
        + ")"));
    for (Attempt a : p.attempts()) {
      out.println("- attempt " + a.number() + ": " + a.outcome() + ", " + a.rawOutput().length()
          + " characters of raw output" + (a.error().isEmpty() ? "" : ", " + a.error()));
    }
    StringBuilder timings = new StringBuilder();
    for (Map.Entry<String, java.time.Duration> e : p.stageTimings().entrySet()) {
      timings.append(timings.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
          .append(String.format(Locale.ROOT, "%.1f ms", e.getValue().toNanos() / 1e6));
    }
    out.println("- timings: " + timings);
  }

  private static String evidence(List<Evidence> evidence) {
    StringBuilder sb = new StringBuilder();
    for (Evidence e : evidence) {
      sb.append(sb.length() == 0 ? "" : ", ").append("turn ").append(e.turnIndex()).append(" [").append(e.start())
          .append('-').append(e.end()).append(String.format(Locale.ROOT, "] %.2f", e.score()));
    }
    return sb.toString();
  }

  static String toJson(StructuringResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tenant", r.tenantId());
    root.put("encounter", r.encounterId());
    root.put("status", r.status().name());
    r.failure().ifPresent(f -> root.putObject("failure").put("code", f.code().name()).put("message", f.message()));
    try {
      if (r.note().isPresent()) {
        root.set("note", JSON.readTree(r.note().map(StructuredNote::toJson).orElseThrow()));
      } else {
        root.putNull("note");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("StructuredNote.toJson produced invalid JSON", e);
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode n = findings.addObject().put("layer", f.layer()).put("code", f.code())
          .put("severity", f.severity().name()).put("message", f.message());
      f.section().ifPresent(s -> n.put("section", s));
    }
    Provenance p = r.provenance();
    ObjectNode prov = root.putObject("provenance");
    prov.put("model_run_id", p.modelRunId()).put("model_id", p.modelId()).put("model_version", p.modelVersion())
        .put("prompt_profile", p.promptProfile()).put("prompt_version", p.promptVersion())
        .put("template_id", p.templateId()).put("template_version", p.templateVersion())
        .put("deidentifier", p.deidentifierId()).put("deidentified", p.deidentified());
    ArrayNode attempts = prov.putArray("attempts");
    for (Attempt a : p.attempts()) {
      attempts.addObject().put("number", a.number()).put("model_id", a.modelId()).put("outcome", a.outcome().name())
          .put("raw_output", a.rawOutput()).put("error", a.error()).put("millis", a.duration().toNanos() / 1e6);
    }
    ObjectNode timings = prov.putObject("stage_millis");
    p.stageTimings().forEach((k, v) -> timings.put(k, v.toNanos() / 1e6));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Serialising a JSON tree cannot fail", e);
    }
  }
}
