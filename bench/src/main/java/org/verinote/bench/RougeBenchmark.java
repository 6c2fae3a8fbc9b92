package org.verinote.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.Datasets;
import org.verinote.eval.dataset.Predictions;
import org.verinote.eval.rouge.AciBenchRouge;
import org.verinote.eval.rouge.RougeScorer;
import org.verinote.eval.rouge.RougeScores;

/**
 * ROUGE over all of ACI-Bench test1 (40 gold notes × GPT-4 predictions): the whole ACI-Bench protocol (full notes +
 * four divisions, 200 pairs, four ROUGE types each) and full notes only.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar RougeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * -Dverinote.shared.dir=../shared} (data at {@code ../shared/data/aci-bench}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RougeBenchmark {

  @Param({"test1GPT-4_.csv"})
  public String predictionFile;

  private List<String> references;
  private List<String> predictions;

  @Setup
  public void load() throws Exception {
    Path data = Path.of(System.getProperty("verinote.shared.dir", "../shared"), "data", "aci-bench");
    if (!Files.isDirectory(data)) {
      throw new IllegalStateException("ACI-Bench data not found at " + data.toAbsolutePath()
          + "; pass -Dverinote.shared.dir=<dir containing data/>");
    }
    Dataset gold = Datasets.aciBench(data.resolve("clinicalnlp_taskB_test1.csv"));
    references = gold.references();
    predictions = Predictions.readCsv(data.resolve("predictions").resolve(predictionFile), "note", null)
        .alignTo(gold);
  }

  /** The full ACI-Bench protocol: 40 full notes + 4 × 40 divisions. */
  @Benchmark
  public AciBenchRouge.Result aciBenchProtocolTest1() {
    return AciBenchRouge.create().evaluate(references, predictions);
  }

  /** Full notes only: 40 pairs × rouge1, rouge2, rougeL, rougeLsum. */
  @Benchmark
  public double fullNotesTest1() {
    double sum = 0;
    RougeScorer scorer = RougeScorer.create();
    for (int i = 0; i < references.size(); i++) {
      RougeScores s = scorer.score(references.get(i), predictions.get(i));
      sum += s.rougeLsum().fmeasure();
    }
    return sum;
  }
}
