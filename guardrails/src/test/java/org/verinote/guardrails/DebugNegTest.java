package org.verinote.guardrails;

import java.util.*;
import org.junit.jupiter.api.Test;
import org.verinote.core.*;

class DebugNegTest {
  @Test
  void misses() {
    List<PerturbationSuite.Encounter> enc = PerturbationSuiteAciBenchTest.goldEncounters();
    Map<String, PerturbationSuite.Encounter> by = new HashMap<>();
    enc.forEach(e -> by.put(e.id(), e));
    int shown = 0;
    for (PerturbationSuite.Case c : PerturbationSuite.withSeed(42).cases(enc)) {
      if (c.kind() != PerturbationSuite.Kind.FLIPPED_NEGATION) continue;
      var e = by.get(c.encounterId());
      var r = Guardrails.audit(Guardrails.standard(), e.transcript(), c.perturbed()).chain();
      boolean hit = r.findings().stream().anyMatch(f -> c.sectionKey().equals(f.sectionKey()) && f.location() != null && f.location().start() < c.changed().end() && c.changed().start() < f.location().end());
      if (!hit && shown++ < 8) {
        String t = c.perturbed().section(c.sectionKey()).get().text();
        String orig = e.note().section(c.sectionKey()).get().text();
        int s = Math.max(0, c.changed().start() - 30);
        String tt = t.substring(c.changed().start(), Math.min(t.length(), c.changed().end()));
        var toks = Tokenizer.tokenize(tt);
        var terms = Terms.of(toks, 0, toks.size(), false);
        var idx = TranscriptIndex.of(e.transcript());
        for (var term : terms) {
          int[] turns = idx.turnsByTerm.get(term.text());
          if (turns == null) { System.out.println("   term " + term.text() + " absent"); continue; }
          for (int tu : turns) {
            var tk = idx.toks.get(tu); var pol = idx.polarity.get(tu);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < tk.size(); k++) if (tk.get(k).norm().equals(term.text()) || Terms.of(tk, k, k+1, true).stream().anyMatch(x -> x.text().equals(term.text()))) sb.append(k).append('=').append(pol[k]).append(' ');
            String txt = idx.turns.get(tu).text();
            System.out.println("   term " + term.text() + " turn " + tu + " " + sb + " :: " + txt.substring(0, Math.min(150, txt.length())) + " || next: " + (tu + 1 < idx.turns.size() ? idx.turns.get(tu+1).text().substring(0, Math.min(60, idx.turns.get(tu+1).text().length())) : ""));
          }
        }
        System.out.println("MISS: ..." + orig.substring(s, Math.min(orig.length(), c.changed().end() + 10)).replace('\n',' ') + "  ==>  " + t.substring(s, Math.min(t.length(), c.changed().end()+10)).replace('\n', ' '));
      }
    }
  }
}
