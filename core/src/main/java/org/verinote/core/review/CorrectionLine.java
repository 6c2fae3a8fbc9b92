package org.verinote.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verinote.core.NoteSection;

/** One line of the corrections export: an (AI text, clinician text) pair for one edited section. */
final class CorrectionLine {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CorrectionLine() {}

  static String of(ReviewDraft d, String sectionKey) {
    ObjectNode n = JSON.createObjectNode();
    n.put("tenant", d.tenantId());
    n.put("draft_id", d.draftId());
    n.put("encounter_id", d.encounterId());
    n.put("model_run_id", d.modelRunId());
    n.put("model_id", d.modelId());
    n.put("model_version", d.modelVersion());
    n.put("section", sectionKey);
    n.put("ai_text", d.aiNote().section(sectionKey).map(NoteSection::text).orElse(""));
    n.put("clinician_text", d.note().section(sectionKey).map(NoteSection::text).orElse(""));
    int edits = 0;
    String lastEditor = "";
    for (SectionEdit e : d.edits()) {
      if (e.sectionKey().equals(sectionKey)) {
        edits++;
        lastEditor = e.editedBy();
      }
    }
    n.put("edits", edits);
    n.put("edited_by", lastEditor);
    n.put("state", d.state().name());
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a correction line", e);
    }
  }
}
