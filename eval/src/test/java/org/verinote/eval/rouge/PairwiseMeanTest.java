package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** numpy's pairwise summation order, which can differ from a running sum in the last bits. */
class PairwiseMeanTest {

  @Test
  void fewerThanEightValues_sumLeftToRight() {
    assertThat(PairwiseMean.mean(new double[] {0.1, 0.2, 0.3})).isEqualTo(((0.0 + 0.1 + 0.2) + 0.3) / 3);
  }

  @Test
  void eightToOneHundredTwentyEight_useEightAccumulatorsThenTail() {
    double[] a = new double[10];
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.1 * (i + 1);
    }
    double expected = (((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])) + a[8]) + a[9];
    assertThat(PairwiseMean.sum(a, 0, a.length)).isEqualTo(expected);
  }

  @Test
  void pairwiseDiffersFromRunningSum_whereNumpyDoes() {
    double[] a = {1e16, 1, 1, 1, 1, 1, 1, 1, 1};
    double running = 0;
    for (double v : a) {
      running += v;
    }
    // running: each +1 is lost against 1e16; pairwise adds the ones together first.
    assertThat(PairwiseMean.sum(a, 0, a.length)).isNotEqualTo(running).isEqualTo(1e16 + 8);
  }

  @Test
  void emptyInput_isNaN() {
    assertThat(PairwiseMean.mean(new double[0])).isNaN();
  }
}
