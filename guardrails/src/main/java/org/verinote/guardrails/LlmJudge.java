package org.verinote.guardrails;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.Finding;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;

/**
 * LLM-as-judge (optional, off by default, not in {@link Guardrails#standard()}): asks any {@link ModelProvider}
 * "which numbered note sentences are not supported by the transcript?" and turns each sentence it names into a
 * {@link Severity#WARNING} finding ({@code JUDGE_UNSUPPORTED}). Runs on a deterministic sample of notes
 * ({@link Builder#sampleRate(double)} with {@link Builder#seed(long)}: the same note and seed are always in or
 * always out). Score: {@code judge_unsupported}, the share of sentences the judge named; {@code judge_sampled} is
 * 1 when the judge ran.
 *
 * <p>Cost: one model call per sampled note. The request carries the de-identified transcript and note, so use a
 * model your deployment trusts with de-identified text. A model failure propagates, and the chain reports it
 * ({@code LAYER_FAILED}) or fails closed by its configuration. Thread-safe if the provider is.
 */
public final class LlmJudge implements Guardrail {

  /** The layer name. */
  public static final String NAME = "llm-judge";

  private static final Pattern NUMBERS = Pattern.compile("\\d+");

  private final ModelProvider model;
  private final double sampleRate;
  private final long seed;

  private LlmJudge(Builder b) {
    this.model = b.model;
    this.sampleRate = b.sampleRate;
    this.seed = b.seed;
  }

  /** @return a builder (required: {@link Builder#model(ModelProvider)}; defaults: sample rate 1.0, seed 0) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Whether this note is in the sample.
   *
   * @param context the context
   * @return true if the judge would run
   */
  public boolean sampled(GuardContext context) {
    if (sampleRate >= 1.0) {
      return true;
    }
    long h = seed * 0x9E3779B97F4A7C15L;
    for (byte b : context.note().toJson().getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < sampleRate;
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    if (!sampled(context)) {
      return new GuardVerdict.Pass(Map.of("judge_sampled", 0.0));
    }
    List<SectionText> sections = SectionText.of(context.note());
    List<String[]> index = new ArrayList<>();
    StringBuilder note = new StringBuilder();
    for (SectionText s : sections) {
      for (int i = 0; i < s.sentences.size(); i++) {
        Span sp = s.sentences.get(i);
        index.add(new String[] {s.key, Integer.toString(sp.start()), Integer.toString(sp.end())});
        note.append(index.size()).append(". ").append(s.text, sp.start(), sp.end()).append('\n');
      }
    }
    if (index.isEmpty()) {
      return new GuardVerdict.Pass(Map.of("judge_sampled", 1.0, "judge_unsupported", 0.0));
    }
    ModelRequest request = ModelRequest.builder()
        .message(Message.system("You check clinical notes against the consultation they document. A claim is"
            + " supported only if the transcript says it. Answer with JSON only: {\"unsupported\": [sentence"
            + " numbers]}."))
        .message(Message.user(PromptFraming.fence(context.transcript()) + "\nNOTE SENTENCES:\n" + note
            + "\nWhich numbered sentences contain a claim that is not supported by the transcript?"))
        .format(ModelRequest.OutputFormat.JSON)
        .build();
    String answer = Objects.requireNonNull(model.generate(request), "judge model returned null").text();
    List<Finding> findings = new ArrayList<>();
    int bracket = answer.indexOf('[');
    int close = bracket < 0 ? -1 : answer.indexOf(']', bracket);
    if (bracket >= 0 && close > bracket) {
      Matcher m = NUMBERS.matcher(answer.substring(bracket, close));
      java.util.Set<Integer> seen = new java.util.TreeSet<>();
      while (m.find()) {
        int n = m.group().length() > 6 ? -1 : Integer.parseInt(m.group());
        if (n >= 1 && n <= index.size() && seen.add(n)) {
          String[] at = index.get(n - 1);
          findings.add(Finding.of(NAME, "JUDGE_UNSUPPORTED", Severity.WARNING,
              "The judge model found a claim in this sentence that the transcript does not support.")
              .at(at[0], new Span(Integer.parseInt(at[1]), Integer.parseInt(at[2]))));
        }
      }
    } else {
      findings.add(Finding.of(NAME, "JUDGE_UNREADABLE", Severity.INFO,
          "The judge model's answer had no sentence list; no judgement recorded."));
    }
    long named = findings.stream().filter(f -> f.code().equals("JUDGE_UNSUPPORTED")).count();
    Map<String, Double> scores = Map.of("judge_sampled", 1.0, "judge_unsupported", named / (double) index.size());
    return findings.isEmpty() ? new GuardVerdict.Pass(scores) : new GuardVerdict.Flag(findings, scores);
  }

  @Override
  public String toString() {
    return "LlmJudge[model=" + model.info().id() + ", sampleRate=" + sampleRate + ", seed=" + seed + "]";
  }

  /** Builds {@link LlmJudge}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private ModelProvider model;
    private double sampleRate = 1.0;
    private long seed;

    private Builder() {}

    /**
     * Sets the judge model (required).
     *
     * @param model the provider
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder model(ModelProvider model) {
      Objects.requireNonNull(model, "model");
      if (this.model != null) {
        throw new IllegalStateException("model was already set");
      }
      this.model = model;
      return this;
    }

    /**
     * Sets the share of notes judged (default 1.0).
     *
     * @param rate in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder sampleRate(double rate) {
      if (!(rate >= 0.0 && rate <= 1.0)) {
        throw new IllegalArgumentException("sampleRate must be in [0, 1], got " + rate);
      }
      this.sampleRate = rate;
      return this;
    }

    /**
     * Sets the sampling seed (default 0).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the judge.
     *
     * @return the layer
     * @throws IllegalStateException if no model was set
     */
    public LlmJudge build() {
      if (model == null) {
        throw new IllegalStateException("LlmJudge needs a model: call model(...)");
      }
      return new LlmJudge(this);
    }
  }
}
