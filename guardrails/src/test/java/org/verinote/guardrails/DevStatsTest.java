package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verinote.core.Transcript;

class DevStatsTest {
  @Test
  void stats() {
    List<PerturbationSuite.Encounter> enc = new ArrayList<>();
    for (AciBench.Row r : AciBench.allGold()) {
      enc.add(new PerturbationSuite.Encounter(r.id() + "-" + enc.size(), Transcript.parse(r.dialogue()), Guardrails.parseNote(r.note())));
    }
    PerturbationSuite.Report rep = PerturbationSuite.withSeed(42).evaluate(Guardrails.standard(), enc);
    System.out.println(rep);
    System.out.println("recall " + rep.recall() + " gold unsupported " + rep.goldUnsupportedRate());
    for (PerturbationSuite.Kind k : PerturbationSuite.Kind.values()) System.out.println(k + " " + rep.recall(k) + " n=" + rep.cases().get(k));
  }
}
