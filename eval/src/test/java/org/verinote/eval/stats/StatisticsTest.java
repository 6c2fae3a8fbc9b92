package org.verinote.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void mannWhitney_matchesScipyAsymptotic() {
    // scipy.stats.mannwhitneyu([1,2,3,4,5],[6,7,8,9,10], method="asymptotic"): U=0, p=0.012186
    Statistics.MannWhitney r = Statistics.mannWhitney(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
    assertThat(r.u()).isEqualTo(0.0);
    assertThat(r.pValue()).isCloseTo(0.0121858, within(1e-6));
  }

  @Test
  void mannWhitney_withTies_usesTieCorrection() {
    // mid-ranks 1.5,1.5,4,4,7 -> U=3; tie term 60; sigma=sqrt(25/12*(11-60/90)); p=2*sf((22-12.5-0.5)/sigma)
    Statistics.MannWhitney r = Statistics.mannWhitney(new double[] {1, 1, 2, 2, 3}, new double[] {2, 3, 3, 4, 4});
    assertThat(r.u()).isEqualTo(3.0);
    assertThat(r.pValue()).isCloseTo(0.0524116, within(1e-6));
  }

  @Test
  void mannWhitney_identicalConstantSamples_pIsOne() {
    assertThat(Statistics.mannWhitney(new double[] {1, 1, 1}, new double[] {1, 1}).pValue()).isEqualTo(1.0);
  }

  @Test
  void bootstrap_sameSeed_sameInterval_andContainsMean() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Interval a = Statistics.bootstrapMean(v, 1000, 0.95, 1);
    Interval b = Statistics.bootstrapMean(v, 1000, 0.95, 1);
    assertThat(a).isEqualTo(b);
    assertThat(a.estimate()).isEqualTo(5.5);
    assertThat(a.low()).isLessThan(5.5);
    assertThat(a.high()).isGreaterThan(5.5);
  }

  @Property(tries = 30)
  void bootstrap_intervalLiesWithinSampleRange(@ForAll @Size(min = 1, max = 30)
      java.util.List<@DoubleRange(min = -100, max = 100) Double> list) {
    double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
    Interval i = Statistics.bootstrapMean(values, 200, 0.9, 3);
    double min = java.util.Arrays.stream(values).min().orElseThrow();
    double max = java.util.Arrays.stream(values).max().orElseThrow();
    assertThat(i.low()).isGreaterThanOrEqualTo(min - 1e-9);
    assertThat(i.high()).isLessThanOrEqualTo(max + 1e-9);
  }
}
