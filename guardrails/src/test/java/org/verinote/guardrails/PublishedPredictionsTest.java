package org.verinote.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verinote.core.Finding;
import org.verinote.core.Transcript;

/** Runs the standard chain over the published GPT-4 and ChatGPT ACI-Bench test1 notes; prints counts by layer. */
class PublishedPredictionsTest {

  @Test
  void standardChain_overPublishedNotes_reportsFindingsByLayer() {
    for (String file : new String[] {"test1GPT-4_.csv", "test1ChatGPT_.csv"}) {
      Map<String, Integer> byCode = new TreeMap<>();
      int notes = 0;
      double unsupported = 0;
      for (AciBench.Row r : AciBench.predictions(file)) {
        if (r.note().isBlank()) {
          continue;
        }
        AuditResult a = Guardrails.audit(Guardrails.standard(), Transcript.parse(r.dialogue()),
            Guardrails.parseNote(r.note()));
        notes++;
        unsupported += a.unsupported();
        for (Finding f : a.chain().findings()) {
          byCode.merge(f.layer() + "/" + f.code(), 1, Integer::sum);
        }
        assertThat(a.unsupported()).isBetween(0.0, 1.0);
      }
      System.out.printf("%s: notes=%d mean unsupported=%.3f findings=%s%n", file, notes, unsupported / notes,
          byCode);
      assertThat(notes).isEqualTo(40);
    }
  }
}
