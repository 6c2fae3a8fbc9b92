package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.StructuredNote;
import org.verinote.core.guard.GuardVerdict;

/** Small helpers shared by the layers. Stateless. */
final class Layers {

  private Layers() {}

  /** A rewrite when any section changed, a flag when only findings, a pass otherwise. */
  static GuardVerdict verdict(StructuredNote before, List<NoteSection> after, List<Finding> findings,
      Map<String, Double> scores) {
    boolean changed = false;
    for (int i = 0; i < after.size(); i++) {
      if (!after.get(i).text().equals(before.sections().get(i).text())) {
        changed = true;
        break;
      }
    }
    if (changed) {
      return new GuardVerdict.Rewrite(StructuredNote.of(before.templateId(), before.templateVersion(), after),
          findings, scores);
    }
    return findings.isEmpty() ? new GuardVerdict.Pass(scores) : new GuardVerdict.Flag(findings, scores);
  }

  /** Removes the given sorted, non-overlapping [start, end) ranges and tidies the whitespace left behind. */
  static String remove(String text, List<int[]> ranges) {
    StringBuilder sb = new StringBuilder(text.length());
    int pos = 0;
    for (int[] r : ranges) {
      if (r[0] < pos) {
        continue;
      }
      sb.append(text, pos, r[0]);
      pos = r[1];
    }
    sb.append(text.substring(Math.min(pos, text.length())));
    return sb.toString().replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)^[ \\t]+(?=\\S)", "")
        .replaceAll(" +([.,;:])", "$1").replaceAll("\\n{3,}", "\n\n").strip();
  }

  static List<NoteSection> copy(StructuredNote note) {
    return new ArrayList<>(note.sections());
  }
}
