package org.verinote.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.guardrails.Guardrails;

/**
 * The standard guardrail chain (judge off) on one ACI-Bench test1 encounter: its transcript and the published
 * GPT-4 note (CC BY 4.0, Yim et al. 2023), read from {@code ../shared/data/aci-bench} or the directory in system
 * property {@code verinote.shared.dir}.
 *
 * <ul>
 *   <li>{@code chainColdTranscript}: a fresh transcript object per call, so the transcript is analysed every time
 *       (the cost of guarding one new encounter).
 *   <li>{@code chainWarmTranscript}: the same transcript object, whose analysis the layers share from a small
 *       identity cache (the cost of a re-check after an edit or a reprompt).
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar GuardrailBenchmark} (the defaults below). The warm-up is
 * long on purpose: on a 2-core host the JIT is still compiling the chain's larger methods for the first 3–5 seconds
 * (the cold case falls from 3.9 to 1.5 ms per call over the first five 1-second iterations), and a percentile taken
 * over that phase describes the compiler, not the chain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
public class GuardrailBenchmark {

  /** Row of ACI-Bench test1 (0-based). */
  @Param({"0"})
  public int encounter;

  private Transcript transcript;
  private StructuredNote note;
  private GuardrailChain chain;

  /**
   * Loads the encounter.
   *
   * @throws IOException if the data cannot be read
   */
  @Setup
  public void setUp() throws IOException {
    Path dir = Path.of(System.getProperty("verinote.shared.dir", "../shared"), "data", "aci-bench");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("ACI-Bench data not found at " + dir.toAbsolutePath()
          + "; run from the project root with ../shared present, or set -Dverinote.shared.dir=<dir>.");
    }
    String dialogue = row(dir.resolve("clinicalnlp_taskB_test1.csv"), "dialogue");
    String gpt4 = row(dir.resolve("predictions/test1GPT-4_.csv"), "note");
    transcript = Transcript.parse(dialogue);
    note = Guardrails.parseNote(gpt4);
    chain = Guardrails.standard();
  }

  private String row(Path csv, String column) throws IOException {
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
      return rows.get(encounter).get(column);
    }
  }

  /**
   * The whole chain on a transcript it has never seen.
   *
   * @return the result
   */
  @Benchmark
  public ChainResult chainColdTranscript() {
    return Guardrails.audit(chain, Transcript.of(transcript.turns()), note).chain();
  }

  /**
   * The whole chain on a transcript whose analysis is cached.
   *
   * @return the result
   */
  @Benchmark
  public ChainResult chainWarmTranscript() {
    return Guardrails.audit(chain, transcript, note).chain();
  }
}
