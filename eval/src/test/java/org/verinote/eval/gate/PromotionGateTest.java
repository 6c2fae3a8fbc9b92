package org.verinote.eval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.InvalidInputException;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;

class PromotionGateTest {

  private static EvalRun run(String name, double shift, double failed) {
    List<CaseResult> cases = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double base = 40 + (i % 7) * 2;
      cases.add(new CaseResult("c" + i, Map.of("rougeLsum", base + shift, "failed", i == 0 ? failed : 0.0)));
    }
    return new EvalRun(name, Map.of(), cases);
  }

  private final PromotionGate gate = PromotionGate.builder().gate("rougeLsum", 1.0)
      .gateLowerIsBetter("failed", 0.0).build();

  @Test
  void evaluate_candidateBetter_passesWithExitZero() {
    GateVerdict v = gate.evaluate(run("base", 0, 0), run("cand", 0.5, 0));
    assertThat(v.passed()).isTrue();
    assertThat(v.exitCode()).isZero();
    assertThat(v.pairedCases()).isEqualTo(40);
    assertThat(v.metrics().get(0).improvement().estimate()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void evaluate_candidateWorseBeyondTolerance_failsWithExitThree() {
    GateVerdict v = gate.evaluate(run("base", 0, 0), run("cand", -2, 0));
    assertThat(v.passed()).isFalse();
    assertThat(v.exitCode()).isEqualTo(3);
    assertThat(v.metrics().get(0).passed()).isFalse();
    assertThat(v.toJson()).contains("\"passed\" : false").contains("\"metric\" : \"rougeLsum\"");
  }

  @Test
  void evaluate_moreFailures_failsLowerIsBetterMetric() {
    GateVerdict v = gate.evaluate(run("base", 0, 0), run("cand", 0, 1));
    assertThat(v.metrics().get(1).metric()).isEqualTo("failed");
    assertThat(v.metrics().get(1).passed()).isFalse();
    assertThat(v.passed()).isFalse();
  }

  @Test
  void evaluate_noSharedIds_throwsInvalidInput() {
    EvalRun other = new EvalRun("x", Map.of(), List.of(new CaseResult("zz", Map.of("rougeLsum", 1.0))));
    assertThatThrownBy(() -> gate.evaluate(run("base", 0, 0), other)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("share case ids");
  }

  @Test
  void builder_duplicateMetric_throwsIllegalState_andNegativeTolerance_throwsIllegalArgument() {
    assertThatThrownBy(() -> PromotionGate.builder().gate("a", 1).gate("a", 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PromotionGate.builder().gate("a", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PromotionGate.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
