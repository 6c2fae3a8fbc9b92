package org.verinote.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.verinote.core.deid.PhiVault;

/**
 * Moves finding spans from de-identified section text (where guardrails ran) to restored section text (what the
 * clinician sees): {@code [PATIENT_1]} and "Andrew Campbell" differ in length, so every span after a token shifts.
 * Stateless.
 */
final class FindingSpans {

  private FindingSpans() {}

  /**
   * Remaps each finding's span by restoring the section text before its start and before its end. A boundary that
   * falls inside a token keeps the token's own length (restore leaves partial tokens alone), so the span still
   * covers the right words.
   */
  static List<Finding> restore(List<Finding> findings, StructuredNote deidentified, PhiVault vault) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Optional<Span> span = f.span();
      Optional<NoteSection> section = f.section().flatMap(deidentified::section);
      if (span.isEmpty() || section.isEmpty()) {
        out.add(f);
        continue;
      }
      String text = section.get().text();
      Span s = span.get();
      if (s.end() > text.length()) {
        out.add(f);
        continue;
      }
      int start = vault.restore(text.substring(0, s.start())).length();
      int end = Math.max(start, vault.restore(text.substring(0, s.end())).length());
      out.add(new Finding(f.layer(), f.code(), f.severity(), f.message(), f.sectionKey(), new Span(start, end)));
    }
    return out;
  }
}
