package org.verinote.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.verinote.core.ModelException;
import org.verinote.core.PhiEgressException;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM-as-judge: asks a {@link ModelProvider} to score notes against a {@link Rubric} (1–5 per criterion, JSON
 * answer) on a seeded random sample of the items, and accounts for latency, tokens and estimated cost.
 *
 * <p>A model that answers something unparseable yields an invalid {@link JudgeScore} (counted in
 * {@link JudgeReport#validShare()}), never an exception; a model error is recorded the same way. Because the prompt
 * carries the transcript and the note, remote providers are refused unless {@link Builder#allowRemoteModels()} is
 * set — judge de-identified data only.
 *
 * <p>Immutable; thread-safe if the provider is. Cost: one model call per sampled item.
 */
public final class LlmJudge {

  private static final Logger LOG = LoggerFactory.getLogger(LlmJudge.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelProvider model;
  private final Rubric rubric;
  private final int sampleSize;
  private final long seed;
  private final double inputPricePerMillion;
  private final double outputPricePerMillion;

  private LlmJudge(Builder b) {
    this.model = b.model;
    this.rubric = b.rubric;
    this.sampleSize = b.sampleSize;
    this.seed = b.seed;
    this.inputPricePerMillion = b.inputPrice;
    this.outputPricePerMillion = b.outputPrice;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The seeded sample: a shuffle with {@code new Random(seed)}, first {@code sampleSize} items, back in input order.
   *
   * @param items the candidates
   * @return the sampled items
   */
  public List<JudgeItem> sample(List<JudgeItem> items) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(seed));
    List<Integer> chosen = new ArrayList<>(idx.subList(0, Math.min(sampleSize, idx.size())));
    chosen.sort(Comparator.naturalOrder());
    List<JudgeItem> out = new ArrayList<>();
    chosen.forEach(i -> out.add(items.get(i)));
    return out;
  }

  /**
   * Judges the sampled items.
   *
   * @param items all candidate items
   * @return the report
   * @throws NullPointerException if the list is null
   */
  public JudgeReport judge(List<JudgeItem> items) {
    Objects.requireNonNull(items, "items");
    ModelInfo info = model.info();
    List<JudgeScore> scores = new ArrayList<>();
    double cost = 0;
    for (JudgeItem item : sample(items)) {
      ModelRequest request = ModelRequest.builder()
          .message(Message.system(systemPrompt()))
          .message(Message.user("TRANSCRIPT:\n" + item.transcript() + "\n\nNOTE:\n" + item.note()))
          .format(ModelRequest.OutputFormat.JSON)
          .temperature(0.0)
          .build();
      long start = System.nanoTime();
      ModelResponse response;
      try {
        response = model.generate(request);
      } catch (ModelException e) {
        LOG.warn("Judge call failed for case {}: {}", item.id(), e.getClass().getSimpleName());
        scores.add(new JudgeScore(item.id(), Map.of(), false, (System.nanoTime() - start) / 1e6, -1, -1));
        continue;
      }
      double latency = (System.nanoTime() - start) / 1e6;
      Usage u = response.usage();
      if (u.inputTokens() > 0) {
        cost += u.inputTokens() * inputPricePerMillion / 1e6;
      }
      if (u.outputTokens() > 0) {
        cost += u.outputTokens() * outputPricePerMillion / 1e6;
      }
      Map<String, Integer> parsed = parse(response.text());
      scores.add(new JudgeScore(item.id(), parsed, !parsed.isEmpty(), latency, u.inputTokens(), u.outputTokens()));
    }
    return new JudgeReport(rubric.id(), info.id() + "@" + info.version(), scores, cost);
  }

  String systemPrompt() {
    StringBuilder b = new StringBuilder();
    b.append("You are a clinical documentation auditor. Score the NOTE against the TRANSCRIPT on each criterion ")
        .append("from 1 (very poor) to 5 (excellent).\nCriteria:\n");
    for (Map.Entry<String, String> c : rubric.criteria()) {
      b.append("- ").append(c.getKey()).append(": ").append(c.getValue()).append('\n');
    }
    b.append("Answer with one JSON object only, integers 1-5, e.g. {");
    List<String> keys = rubric.keys();
    for (int i = 0; i < keys.size(); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(keys.get(i)).append("\": 4");
    }
    return b.append("}").toString();
  }

  /** Parses the first JSON object in the answer; every criterion must be an integer 1..5, else empty. */
  Map<String, Integer> parse(String answer) {
    int open = answer.indexOf('{');
    int close = answer.lastIndexOf('}');
    if (open < 0 || close < open) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(answer.substring(open, close + 1));
    } catch (java.io.IOException e) {
      return Map.of();
    }
    if (node.has("scores") && node.get("scores").isObject()) {
      node = node.get("scores");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String k : rubric.keys()) {
      JsonNode v = node.get(k);
      if (v == null || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 5
          || (v.isNumber() && v.asDouble() != Math.rint(v.asDouble()))) {
        return Map.of();
      }
      out.put(k, v.asInt());
    }
    return out;
  }

  /** Builds an {@link LlmJudge}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private ModelProvider model;
    private Rubric rubric = Rubric.clinicalNote();
    private int sampleSize = 20;
    private long seed = 42;
    private double inputPrice;
    private double outputPrice;
    private boolean allowRemote;

    private Builder() {}

    /**
     * Sets the judge model (required).
     *
     * @param model the provider
     * @return this builder
     */
    public Builder model(ModelProvider model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the rubric (default {@link Rubric#clinicalNote()}).
     *
     * @param rubric the rubric
     * @return this builder
     */
    public Builder rubric(Rubric rubric) {
      this.rubric = Objects.requireNonNull(rubric, "rubric");
      return this;
    }

    /**
     * Sets how many items to judge (default 20).
     *
     * @param n at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder sampleSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("sampleSize must be >= 1, got " + n);
      }
      this.sampleSize = n;
      return this;
    }

    /**
     * Sets the sampling seed (default 42).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets token prices for the cost estimate.
     *
     * @param inputPerMillion USD per million prompt tokens
     * @param outputPerMillion USD per million completion tokens
     * @return this builder
     * @throws IllegalArgumentException if a price is negative or not finite
     */
    public Builder pricing(double inputPerMillion, double outputPerMillion) {
      if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
          || Double.isInfinite(outputPerMillion)) {
        throw new IllegalArgumentException("prices must be finite numbers >= 0");
      }
      this.inputPrice = inputPerMillion;
      this.outputPrice = outputPerMillion;
      return this;
    }

    /**
     * Allows a remote judge model (the prompt contains transcript and note text). Use only with de-identified data.
     *
     * @return this builder
     */
    public Builder allowRemoteModels() {
      this.allowRemote = true;
      return this;
    }

    /**
     * Builds the judge.
     *
     * @return the judge
     * @throws IllegalStateException if no model was set
     * @throws PhiEgressException if the model is remote and remote models were not allowed
     */
    public LlmJudge build() {
      if (model == null) {
        throw new IllegalStateException("LlmJudge needs a model");
      }
      if (model.info().capabilities().remote() && !allowRemote) {
        throw new PhiEgressException("Refusing remote judge model " + model.info().id() + ": the prompt carries "
            + "transcript and note text. Judge de-identified data and call allowRemoteModels(), or use a local model.");
      }
      return new LlmJudge(this);
    }
  }
}
