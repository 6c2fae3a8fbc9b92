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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.verinote.core.PatientContext;
import org.verinote.core.deid.PhiVault;
import org.verinote.core.deid.SafeHarborDeIdentifier;

/**
 * Throughput of the Safe Harbor de-identifier with every recognizer on, on one thread.
 *
 * <ul>
 *   <li>{@code recognize}: {@link SafeHarborDeIdentifier#find} over a 1 MB corpus of real dialogues (ACI-Bench
 *       {@code dialogue} column when {@code ../shared/data} is present, else synthetic turns). MB/s = 1.0 / the
 *       reported seconds per operation.</li>
 *   <li>{@code deidentifyAndCheckEgress}: a vault per encounter (known identifiers on), deidentify every line, then
 *       the egress check over the result — what {@code NoteStructurer} does before a remote call.</li>
 *   <li>{@code pathological}: 1 MB built to make naive regular expressions backtrack; its time per MB should match
 *       {@code recognize} (linear time).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DeidBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DeidBenchmark {

  private static final int MB = 1_000_000;

  private SafeHarborDeIdentifier deid;
  private String corpus;
  private List<String> lines;
  private String pathological;
  private PatientContext context;

  /** Loads the corpus. */
  @Setup
  public void setUp() throws IOException {
    deid = SafeHarborDeIdentifier.standard();
    StringBuilder sb = new StringBuilder(MB + 4096);
    List<String> source = dialogues();
    int k = 0;
    while (sb.length() < MB) {
      sb.append(source.get(k++ % source.size())).append('\n');
    }
    corpus = sb.substring(0, MB);
    lines = List.of(corpus.split("\n"));
    StringBuilder p = new StringBuilder(MB);
    String[] units = {"aaaaaaaa@", "a.a.a.a.", "[[[[PATIENT_", "1-1-1-1-", "1 1 1 1 ", "ninety ", ":a:a:a", "Dr. "};
    int u = 0;
    while (p.length() < MB) {
      String unit = units[(u++ / 2000) % units.length];
      p.append(unit);
    }
    pathological = p.substring(0, MB);
    context = PatientContext.builder().givenName("Andrew").familyName("Campbell").mrn("00482133")
        .phone("410-555-0199").build();
  }

  private static List<String> dialogues() throws IOException {
    List<String> out = new ArrayList<>();
    for (String base : new String[] {"../shared/data", "../../shared/data"}) {
      Path p = Path.of(base, "aci-bench", "train.csv");
      if (Files.exists(p)) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          if (line.startsWith("[") || line.contains("[doctor]")) {
            out.add(line.replace("\"", ""));
          }
        }
        if (!out.isEmpty()) {
          return out;
        }
      }
    }
    out.add("[doctor] hi , andrew . how are you doing today ? i see you were in on march third .");
    out.add("[patient] not bad . my daughter sarah drove me from towson , my number is 410-555-0199 .");
    out.add("[doctor] dr. okafor sent the mri from 7/22/2010 . any chest pain , shortness of breath ?");
    out.add("[patient] no , but my knee still hurts when i climb the stairs at 12 larkspur lane .");
    return out;
  }

  /** @return the spans found in 1 MB */
  @Benchmark
  public int recognize() {
    return deid.find(corpus).size();
  }

  /** @return the size of the de-identified text */
  @Benchmark
  public int deidentifyAndCheckEgress() {
    PhiVault vault = deid.open("bench", context);
    StringBuilder sb = new StringBuilder(corpus.length() + 4096);
    for (String line : lines) {
      sb.append(vault.deidentify(line)).append('\n');
    }
    String out = sb.toString();
    vault.checkEgress(out);
    return out.length();
  }

  /** @return the spans found in 1 MB of pathological input */
  @Benchmark
  public int pathological() {
    return deid.find(pathological).size();
  }
}
