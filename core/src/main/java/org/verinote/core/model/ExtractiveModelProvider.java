package org.verinote.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.ModelInvalidRequestException;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Transcript;

/**
 * The embedded default model: an extractive note writer that runs in-process, offline, with no weights.
 *
 * <p>It reads the structured inputs of the {@link ModelRequest} — the (de-identified) {@link Transcript}, the
 * {@link NoteTemplate}, and the patient's age and sex — never the prompt text, so nothing in a transcript can act as
 * an instruction to it. It splits turns into sentences, drops fillers and small talk, classifies each clinician or
 * patient statement into the template's sections by clinical cue words, speaker and position in the visit, keeps
 * the most informative ones within a length budget (about 45% of the transcript's words, at most 700), and
 * rewrites first and second person into clinical third person where the referent is certain ("I have" → "he has",
 * "your knee" → "her knee"). Short yes/no exchanges become "Denies X." / "Reports X.". It only ever copies or lightly
 * rephrases transcript text; the one sentence it composes itself is the opening "The patient is a 59-year-old male."
 * built from the age and sex in the request. It answers with one JSON object, every template section key present.
 *
 * <p>Deterministic: the same request gives the same output. Also the degraded-mode fallback when a hosted model is
 * unavailable.
 *
 * <p>Thread-safe and stateless: share one instance. Cost: linear in the transcript's length (about a millisecond
 * for a typical visit, see {@code docs/guides/embed.md}); the output is bounded by the length budget.
 *
 * {@snippet :
 * NoteStructurer structurer = NoteStructurer.builder()
 *     .model(new ExtractiveModelProvider())
 *     .build();
 * }
 */
public final class ExtractiveModelProvider implements ModelProvider {

  /** The model id recorded in provenance. */
  public static final String ID = "extractive";

  /** The algorithm version recorded in provenance; it changes whenever the output for some input changes. */
  public static final String VERSION = "1";

  private static final ModelInfo INFO =
      new ModelInfo(ID, VERSION, new ModelCapabilities(true, 8192, false, PromptProfile.SMALL_LOCAL));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Creates the model. Cheap; instances hold no state. */
  public ExtractiveModelProvider() {}

  /**
   * Identity and capabilities: id {@value #ID}, local (never remote), JSON output, small-local prompt profile
   * (the prompt is not read, so the cheapest profile is used).
   *
   * @return the model info
   */
  @Override
  public ModelInfo info() {
    return INFO;
  }

  /**
   * Drafts a note from the request's transcript and template.
   *
   * @param request the request; must carry {@link ModelRequest#transcript()}; without a template the SOAP template
   *     is used
   * @return the JSON object of section key → text
   * @throws NullPointerException if {@code request} is null
   * @throws ModelInvalidRequestException if the request carries no transcript (prompt text alone is not enough for
   *     an extractive model)
   */
  @Override
  public ModelResponse generate(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    Transcript transcript = request.transcript().orElseThrow(() -> new ModelInvalidRequestException(ID,
        "The extractive model needs the request's transcript, found only " + request.messages().size()
            + " prompt messages. Build the request with ModelRequest.Builder.transcript(...), as NoteStructurer"
            + " does.", null));
    NoteTemplate template = request.template().orElse(NoteTemplate.soap());
    PatientContext.Sex sex = request.patientSex().orElse(PatientContext.Sex.OTHER);
    Map<String, String> sections = new ExtractiveDrafter(template, request.patientAge(), sex).draft(transcript);
    ObjectNode root = JSON.createObjectNode();
    sections.forEach(root::put);
    try {
      return ModelResponse.of(JSON.writeValueAsString(root), INFO);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Serialising a map of strings cannot fail", e);
    }
  }

  @Override
  public String toString() {
    return "ExtractiveModelProvider[" + ID + "@" + VERSION + "]";
  }
}
