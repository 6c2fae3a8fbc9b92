package org.verinote.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ACI-Bench's section tagger (divisions) and the division columns of the evaluation. */
class AciBenchDivisionsTest {

  private static final String NOTE = "CHIEF COMPLAINT\n\nKnee pain.\n\nHISTORY OF PRESENT ILLNESS\n\nFell.\n\n"
      + "PHYSICAL EXAM\n\nSwelling.\n\nRESULTS\n\nX-ray normal.\n\nASSESSMENT AND PLAN\n\nIce.\n";

  @Test
  void divide_assignsEachHeaderToItsDivision_andKeepsTheFirstOfEach() {
    Map<Division, String> d = AciBenchRouge.divide(NOTE);
    assertThat(d).containsOnlyKeys(Division.values());
    assertThat(d.get(Division.SUBJECTIVE)).startsWith("CHIEF COMPLAINT").contains("Fell.").doesNotContain("Swelling");
    assertThat(d.get(Division.OBJECTIVE_EXAM)).isEqualTo("PHYSICAL EXAM\n\nSwelling.\n\n");
    assertThat(d.get(Division.OBJECTIVE_RESULTS)).isEqualTo("RESULTS\n\nX-ray normal.\n\n");
    assertThat(d.get(Division.ASSESSMENT_AND_PLAN)).isEqualTo("ASSESSMENT AND PLAN\n\nIce.\n");
  }

  @Test
  void divide_textWithoutHeaders_isAllSubjective() {
    assertThat(AciBenchRouge.divide("[doctor] hi\n[patient] hello")).containsOnlyKeys(Division.SUBJECTIVE);
  }

  @Test
  void divide_colonHeadersAreCaseInsensitive_impressionOnlyInUpperCase() {
    Map<Division, String> d = AciBenchRouge.divide("hpi: cough\nExam: clear\nIMPRESSION\nbronchitis");
    assertThat(d.get(Division.OBJECTIVE_EXAM)).isEqualTo("Exam: clear\n");
    assertThat(d.get(Division.ASSESSMENT_AND_PLAN)).isEqualTo("IMPRESSION\nbronchitis");
    assertThat(AciBenchRouge.divide("hpi: cough\nimpression of bronchitis")).containsOnlyKeys(Division.SUBJECTIVE);
  }

  @Test
  void evaluate_missingDivision_isEmptyMarkerWhenAnotherNoteHasIt_elseEmptyString() {
    // Reference 2 lacks RESULTS, reference 1 has it: ref column = EMPTY marker; neither prediction has RESULTS: ''.
    List<String> refs = List.of(NOTE, "CHIEF COMPLAINT\nKnee pain.\nASSESSMENT AND PLAN\nIce.");
    List<String> preds = List.of("CHIEF COMPLAINT\nKnee pain.", "CHIEF COMPLAINT\nKnee pain.");
    AciBenchRouge.Result r = AciBenchRouge.create().evaluate(refs, preds);
    assertThat(r.divisions().get(Division.OBJECTIVE_RESULTS).meanF(RougeType.ROUGE_1)).isZero();
    // Both sides lack the exam only in note 2 and both have it nowhere → the EMPTY marker matches itself.
    List<String> preds2 = List.of(NOTE, "CHIEF COMPLAINT\nKnee pain.\nASSESSMENT AND PLAN\nIce.");
    AciBenchRouge.Result r2 = AciBenchRouge.create().evaluate(refs, preds2);
    assertThat(r2.divisions().get(Division.OBJECTIVE_RESULTS).items().get(1).rouge1().fmeasure()).isEqualTo(1.0);
  }

  @Test
  void evaluate_nullPrediction_isScoredAsTheTextNan() {
    AciBenchRouge.Result r = AciBenchRouge.create().evaluate(List.of("nan"), java.util.Arrays.asList((String) null));
    assertThat(r.all().items().get(0).rouge1().fmeasure()).isEqualTo(1.0);
  }
}
