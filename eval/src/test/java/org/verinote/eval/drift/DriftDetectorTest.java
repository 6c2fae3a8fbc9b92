package org.verinote.eval.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.InvalidInputException;

class DriftDetectorTest {

  private static List<ScorePoint> stream(int n, int changeAt, double before, double after) {
    List<ScorePoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double noise = ((i * 37) % 11 - 5) / 10.0;
      out.add(new ScorePoint(Instant.ofEpochSecond(1_700_000_000L + i * 3600L), (i < changeAt ? before : after)
          + noise));
    }
    return out;
  }

  @Test
  void detect_levelShiftInRecentWindow_reportsDrift() {
    DriftReport r = DriftDetector.builder().recentWindow(30).threshold(1.0).build()
        .detect("rougeLsum", stream(120, 90, 45, 40));
    assertThat(r.drifted()).isTrue();
    assertThat(r.mannWhitneyP()).isLessThan(0.001);
    assertThat(r.shift().estimate()).isLessThan(-4);
    assertThat(r.firstHalfMean()).isGreaterThan(r.secondHalfMean());
    assertThat(r.rollingMeans()).hasSize(120);
  }

  @Test
  void detect_stableStream_reportsNoDrift() {
    DriftReport r = DriftDetector.builder().recentWindow(30).threshold(1.0).build()
        .detect("rougeLsum", stream(120, 999, 45, 40));
    assertThat(r.drifted()).isFalse();
    assertThat(Math.abs(r.shift().estimate())).isLessThan(0.5);
  }

  @Test
  void detect_shiftBelowThreshold_isNotDriftEvenIfSignificant() {
    DriftReport r = DriftDetector.builder().recentWindow(30).threshold(10).build()
        .detect("m", stream(120, 90, 45, 40));
    assertThat(r.mannWhitneyP()).isLessThan(0.05);
    assertThat(r.drifted()).isFalse();
  }

  @Test
  void detect_tooFewPoints_throwsInvalidInputWithCounts() {
    assertThatThrownBy(() -> DriftDetector.builder().recentWindow(10).build().detect("m", stream(5, 0, 1, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Drift detection on 'm' needs at least 12 points (recent window 10 plus a reference), found 5."
            + " Collect more scores or shrink --recent.");
  }

  @Test
  void detect_unsortedInput_isSortedByTime() {
    List<ScorePoint> s = new ArrayList<>(stream(60, 30, 10, 20));
    java.util.Collections.reverse(s);
    DriftReport r = DriftDetector.builder().recentWindow(30).build().detect("m", s);
    assertThat(r.recentMean()).isGreaterThan(r.referenceMean());
  }
}
