package org.verinote.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.Span;

/** JSON for the columns of {@link PostgresDraftStore} that hold structured values (findings). */
final class DraftCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DraftCodec() {}

  static String findingsToJson(List<Finding> findings) {
    ArrayNode arr = JSON.createArrayNode();
    for (Finding f : findings) {
      ObjectNode n = arr.addObject();
      n.put("layer", f.layer());
      n.put("code", f.code());
      n.put("severity", f.severity().name());
      n.put("message", f.message());
      if (f.sectionKey() != null) {
        n.put("section", f.sectionKey());
      }
      if (f.location() != null) {
        n.put("start", f.location().start());
        n.put("end", f.location().end());
      }
    }
    try {
      return JSON.writeValueAsString(arr);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise findings", e);
    }
  }

  static List<Finding> findingsFromJson(String json) {
    JsonNode arr;
    try {
      arr = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored findings are not JSON", e);
    }
    List<Finding> out = new ArrayList<>();
    for (JsonNode n : arr) {
      Span span = n.has("start") ? new Span(n.get("start").asInt(), n.get("end").asInt()) : null;
      out.add(new Finding(n.get("layer").asText(), n.get("code").asText(),
          Severity.valueOf(n.get("severity").asText()), n.get("message").asText(),
          n.has("section") ? n.get("section").asText() : null, span));
    }
    return out;
  }
}
