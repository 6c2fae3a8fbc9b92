package org.verinote.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verinote.core.PhiEgressException;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.Usage;
import org.verinote.core.testkit.ScriptedModelProvider;
import org.verinote.eval.CaseResult;
import org.verinote.eval.EvalRun;

class LlmJudgeTest {

  private static final String GOOD =
      "{\"accuracy\": 5, \"completeness\": 4, \"conciseness\": 3, \"organization\": 4, \"safety\": 5}";

  private static List<JudgeItem> items(int n) {
    List<JudgeItem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new JudgeItem("c" + i, "[doctor] hi", "note " + i));
    }
    return out;
  }

  @Test
  void judge_validAnswers_areParsedAggregatedAndCosted() {
    ScriptedModelProvider model = ScriptedModelProvider.builder()
        .thenAnswer(r -> new ModelResponse(GOOD, "judge", "1", new Usage(1000, 50), "stop", false, List.of()))
        .thenAnswer(r -> new ModelResponse("Sure! " + GOOD, "judge", "1", new Usage(1000, 50), "stop", false,
            List.of()))
        .build();
    JudgeReport r = LlmJudge.builder().model(model).sampleSize(2).pricing(2.0, 10.0).build().judge(items(2));
    assertThat(r.validShare()).isEqualTo(1.0);
    assertThat(r.mean("accuracy")).isEqualTo(5.0);
    assertThat(r.mean("conciseness")).isEqualTo(3.0);
    assertThat(r.totalTokens()).isEqualTo(2100);
    assertThat(r.costUsd()).isCloseTo(2 * (1000 * 2.0 + 50 * 10.0) / 1e6, within(1e-12));
    assertThat(model.requests()).hasSize(2);
    assertThat(model.requests().get(0).messages().get(0).content()).contains("accuracy").contains("safety");
    assertThat(model.requests().get(0).messages().get(1).content()).contains("TRANSCRIPT:").contains("NOTE:");
  }

  @Test
  void judge_unparseableOrOutOfRangeAnswer_isInvalidNotAnException() {
    ScriptedModelProvider model = ScriptedModelProvider.builder().thenReturn("I think it is fine.")
        .thenReturn(GOOD.replace("\"safety\": 5", "\"safety\": 9")).build();
    JudgeReport r = LlmJudge.builder().model(model).sampleSize(2).build().judge(items(2));
    assertThat(r.validShare()).isZero();
    assertThat(r.scores()).allSatisfy(s -> assertThat(s.scores()).isEmpty());
    assertThat(r.mean("accuracy")).isNaN();
  }

  @Test
  void sample_isSeededDeterministicAndInInputOrder() {
    LlmJudge a = LlmJudge.builder().model(ScriptedModelProvider.always(GOOD)).sampleSize(5).seed(9).build();
    LlmJudge b = LlmJudge.builder().model(ScriptedModelProvider.always(GOOD)).sampleSize(5).seed(9).build();
    List<JudgeItem> sa = a.sample(items(40));
    assertThat(sa).hasSize(5).isEqualTo(b.sample(items(40)));
    assertThat(sa).isSortedAccordingTo((x, y) -> Integer.compare(Integer.parseInt(x.id().substring(1)),
        Integer.parseInt(y.id().substring(1))));
  }

  @Test
  void mergeInto_addsJudgeMetricsToJudgedCasesOnly() {
    JudgeReport r = LlmJudge.builder().model(ScriptedModelProvider.always(GOOD)).sampleSize(1).seed(1).build()
        .judge(items(3));
    EvalRun run = new EvalRun("r", Map.of(), List.of(new CaseResult("c0", Map.of("rouge1", 1.0)),
        new CaseResult("c1", Map.of("rouge1", 1.0)), new CaseResult("c2", Map.of("rouge1", 1.0))));
    EvalRun merged = r.mergeInto(run);
    String judged = r.scores().get(0).id();
    assertThat(merged.cases()).filteredOn(c -> c.id().equals(judged)).singleElement()
        .satisfies(c -> assertThat(c.metrics()).containsEntry("judge.accuracy", 5.0));
    assertThat(merged.values("judge.accuracy")).hasSize(1);
    assertThat(merged.metadata()).containsKey("judge.model");
  }

  @Test
  void build_remoteModelWithoutOptIn_throwsPhiEgress() {
    ScriptedModelProvider remote = ScriptedModelProvider.builder().remote(true).otherwise(GOOD).build();
    assertThatThrownBy(() -> LlmJudge.builder().model(remote).build()).isInstanceOf(PhiEgressException.class)
        .hasMessageContaining("allowRemoteModels");
    assertThat(LlmJudge.builder().model(remote).allowRemoteModels().build()).isNotNull();
  }
}
