package org.verinote.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.verinote.core.Encounter;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.model.ExtractiveModelProvider;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;

/**
 * {@code NoteStructurer.structure} per ACI-Bench encounter on the embedded extractive model (ACI template, no
 * de-identification, empty guardrail chain), next to the model call alone and transcript parsing, so the pipeline's
 * own overhead is the difference. Reads the encounter from {@code ../shared/data/aci-bench/clinicalnlp_taskB_test1.csv}
 * (or {@code -Dverinote.shared.dir}); without the data it uses an embedded sample visit.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar PipelineBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PipelineBenchmark {

  /** D2N088: a typical scripted visit (7.5 k characters); D2N106: raw speech recognition, no punctuation. */
  @Param({"D2N088", "D2N106"})
  public String encounterId;

  private String dialogue;
  private Encounter encounter;
  private ModelRequest request;
  private NoteStructurer structurer;
  private ExtractiveModelProvider model;

  static final String SAMPLE = String.join("\n",
      "[doctor] what brings you in today ?",
      "[patient] i have had pain in my right knee for three weeks , since a long run .",
      "[doctor] any fevers or chills ?",
      "[patient] no .",
      "[patient] i've been taking ibuprofen 400 milligrams twice a day .",
      "[doctor] on exam , there is a small effusion and tenderness along the medial joint line .",
      "[doctor] the x-ray shows no fracture .",
      "[doctor] my impression is a medial meniscus tear . i want to get an mri and refer you to physical therapy .");

  @Setup
  public void setUp() throws IOException {
    dialogue = load(encounterId);
    model = new ExtractiveModelProvider();
    structurer = NoteStructurer.builder().model(model).build();
    encounter = Encounter.builder().tenantId("bench").encounterId(encounterId).transcript(Transcript.parse(dialogue))
        .template(NoteTemplate.aciBench()).build();
    request = ModelRequest.builder().message(Message.user("bench")).transcript(encounter.transcript())
        .template(NoteTemplate.aciBench()).build();
  }

  /** The whole pipeline for one encounter. */
  @Benchmark
  public StructuringResult structure() {
    return structurer.structure(encounter);
  }

  /** The extractive model alone. */
  @Benchmark
  public ModelResponse extractiveModel() {
    return model.generate(request);
  }

  /** Parsing the transcript text. */
  @Benchmark
  public Transcript parseTranscript() {
    return Transcript.parse(dialogue);
  }

  static String load(String id) throws IOException {
    String dir = System.getProperty("verinote.shared.dir", "../shared");
    for (Path p : List.of(Path.of(dir, "data", "aci-bench", "clinicalnlp_taskB_test1.csv"),
        Path.of("shared", "data", "aci-bench", "clinicalnlp_taskB_test1.csv"))) {
      if (Files.exists(p)) {
        for (List<String> row : csv(Files.readString(p, StandardCharsets.UTF_8))) {
          if (row.size() > 2 && row.get(1).equals(id)) {
            return row.get(2);
          }
        }
      }
    }
    return SAMPLE;
  }

  /** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and newlines. */
  static List<List<String>> csv(String s) {
    List<List<String>> records = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        rec.add(field.toString());
        field.setLength(0);
        records.add(rec);
        rec = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !rec.isEmpty()) {
      rec.add(field.toString());
      records.add(rec);
    }
    return records;
  }
}
