package org.verinote.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Evidence;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;

class NoteMetricsTest {

  private static final Transcript T = Transcript.parse(
      "[doctor] what brings you in ?\n[patient] knee pain for three weeks after a fall .\n"
          + "[doctor] take ibuprofen 400 mg and ice it .");

  @Test
  void measure_countsFilledSectionsAgainstTemplate() {
    StructuredNote note = StructuredNote.of("soap", "1", List.of(
        new NoteSection("subjective", "Subjective", "Knee pain for three weeks after a fall.",
            List.of(new Evidence(1, 0, 10, 1.0))),
        new NoteSection("plan", "Plan", "Ibuprofen 400 mg and ice.", List.of())));
    NoteQuality q = NoteMetrics.measure(note, NoteTemplate.soap(), T);
    assertThat(q.completeness()).isEqualTo(0.5);
    assertThat(q.evidenceShare()).isEqualTo(0.5);
    assertThat(q.supportedSentenceShare()).isEqualTo(1.0);
    assertThat(q.structurallyConsistent()).isTrue();
  }

  @Test
  void measureText_inventedSentence_lowersFidelity() {
    NoteQuality q = NoteMetrics.measureText("Knee pain after a fall. Metformin 500 mg for diabetes mellitus.",
        "knee pain after a fall", 1, 1);
    assertThat(q.supportedSentenceShare()).isEqualTo(0.5);
  }

  @Test
  void measureText_jsonFragmentsRepetitionAndHedges_areCounted() {
    String text = "{\"plan\": \"ice\"}\nIce the knee twice daily.\nIce the knee twice daily.\n"
        + "I think it is possible that this is a sprain.";
    NoteQuality q = NoteMetrics.measureText(text, text, 1, 1);
    assertThat(q.jsonFragments()).isGreaterThanOrEqualTo(1);
    assertThat(q.repeatedSentences()).isEqualTo(1);
    assertThat(q.hedges()).isEqualTo(2);
    assertThat(q.structurallyConsistent()).isFalse();
  }
}
