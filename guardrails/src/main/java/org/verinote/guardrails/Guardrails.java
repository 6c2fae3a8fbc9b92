package org.verinote.guardrails;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.verinote.core.Finding;
import org.verinote.core.InvalidInputException;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.model.PromptProfile;

/**
 * The recommended guardrail chain, and auditing of finished notes.
 *
 * <p>{@link #standard()} is, in order (see ADR 0030 for why): input {@link PromptFraming}; output
 * {@link ValueFlattening}, {@link HedgeStripping}, {@link RepetitionRemoval} (the rewriters, so every checker
 * sees the final text and its spans hold), then {@link VerifyTags}, {@link PatternCheck}, {@link NumericGrounding},
 * {@link NegationConsistency}, {@link SourceFidelity}. {@link LlmJudge} is off by default. Layer failures are
 * reported and the chain continues; choose otherwise with {@link #addStandardLayers(GuardrailChain.Builder)}:
 *
 * {@snippet :
 * GuardrailChain chain = Guardrails.addStandardLayers(GuardrailChain.builder())
 *     .add(myCustomLayer)
 *     .onLayerFailure(GuardrailChain.LayerFailurePolicy.FAIL_CLOSED)
 *     .build();
 * }
 */
public final class Guardrails {

  private static final GuardrailChain STANDARD = addStandardLayers(GuardrailChain.builder()).build();

  /** Codes of findings that mean "this sentence may not be grounded". */
  private static final Set<String> GROUNDING_CODES = Set.of("UNSUPPORTED_SENTENCE", "MEDICATION_NOT_IN_TRANSCRIPT",
      "NUMBER_NOT_IN_TRANSCRIPT", "DOSE_NOT_CONFIRMED", "AGE_NOT_CONFIRMED", "VITAL_NOT_CONFIRMED", "POLARITY_CONFLICT",
      "UNCONFIRMED_ASSERTION", "INVENTED_PHONE", "INVENTED_EMAIL",
      "INVENTED_URL", "INVENTED_ID", "INVENTED_ADDRESS", "VERIFY_TAG", "JUDGE_UNSUPPORTED");

  private Guardrails() {}

  /**
   * The recommended chain with default settings. Shared, immutable, thread-safe.
   *
   * @return the standard chain
   */
  public static GuardrailChain standard() {
    return STANDARD;
  }

  /**
   * Appends the standard layers (default settings) to a chain builder, so a host can add its own layers and pick
   * the failure policy.
   *
   * @param builder a chain builder
   * @return the same builder
   * @throws IllegalArgumentException if the builder already has a layer with a standard layer's name
   */
  public static GuardrailChain.Builder addStandardLayers(GuardrailChain.Builder builder) {
    return addStandardLayers(builder, NegationConsistency.builder().build());
  }

  /**
   * Appends the standard layers with a configured negation layer in place of the default one, e.g. the
   * recall-oriented {@code NegationConsistency.builder().majority(3).unconfirmedAssertions(true).build()} (measured
   * trade-offs in docs/guides/guardrails.md).
   *
   * @param builder a chain builder
   * @param negation the negation layer to use
   * @return the same builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the builder already has a layer with a standard layer's name
   */
  public static GuardrailChain.Builder addStandardLayers(GuardrailChain.Builder builder,
      NegationConsistency negation) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(negation, "negation");
    return builder
        .input(PromptFraming.builder().build())
        .add(ValueFlattening.create())
        .add(HedgeStripping.builder().build())
        .add(RepetitionRemoval.builder().build())
        .add(VerifyTags.builder().build())
        .add(PatternCheck.builder().build())
        .add(NumericGrounding.builder().build())
        .add(negation)
        .add(SourceFidelity.builder().build());
  }

  /**
   * Reads a finished note written as text: upper-case headings on their own line (ACI-Bench), "Heading:" lines,
   * Markdown headings, or no headings (one section, key {@code note}). A note written by
   * {@link StructuredNote#toJson()} is read as such.
   *
   * @param text the note
   * @return the note, sections in the order found
   * @throws NullPointerException if {@code text} is null
   * @throws InvalidInputException if the text is blank or larger than {@link Transcript#MAX_CHARS}
   */
  public static StructuredNote parseNote(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new InvalidInputException("Note is empty: expected note text, found " + text.length()
          + " whitespace characters.");
    }
    if (text.length() > Transcript.MAX_CHARS) {
      throw new InvalidInputException("Note too large: " + text.length() + " characters, the limit is "
          + Transcript.MAX_CHARS + ".");
    }
    String t = text.strip();
    if (t.startsWith("{") && t.contains("\"sections\"")) {
      return StructuredNote.fromJson(t);
    }
    return NoteText.parse(text);
  }

  /**
   * Audits a finished note (any model's output) against its transcript with a chain: the researcher's entry
   * point, used by {@code verinote guard}.
   *
   * @param chain the chain (e.g. {@link #standard()})
   * @param transcript the transcript the note documents
   * @param note the note
   * @return the chain's result with the note-level {@code unsupported} score
   * @throws NullPointerException if an argument is null
   */
  public static AuditResult audit(GuardrailChain chain, Transcript transcript, StructuredNote note) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(note, "note");
    ChainResult r = chain.run(new GuardContext(transcript, NoteText.templateFor(note), note, "",
        PromptProfile.LARGE_HOSTED, 1));
    int sentences = 0;
    Set<String> flagged = new HashSet<>();
    for (SectionText s : SectionText.of(r.note())) {
      sentences += s.sentences.size();
    }
    for (Finding f : r.findings()) {
      if (!GROUNDING_CODES.contains(f.code()) || f.severity() == Severity.INFO || f.sectionKey() == null) {
        continue;
      }
      flagged.add(sentenceKey(r.note(), f));
    }
    int n = Math.min(flagged.size(), sentences);
    return new AuditResult(r, sentences, n, sentences == 0 ? 0.0 : n / (double) sentences);
  }

  private static String sentenceKey(StructuredNote note, Finding f) {
    Span span = f.location();
    if (span == null) {
      return f.sectionKey();
    }
    String text = note.section(f.sectionKey()).map(s -> s.text()).orElse("");
    List<Span> sentences = Sentences.split(text);
    for (int i = 0; i < sentences.size(); i++) {
      if (sentences.get(i).start() <= span.start() && span.start() < sentences.get(i).end()) {
        return f.sectionKey() + "#" + i;
      }
    }
    return f.sectionKey() + "@" + span.start();
  }
}
