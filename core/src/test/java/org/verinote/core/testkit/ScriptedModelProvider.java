package org.verinote.core.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.verinote.core.model.ModelCapabilities;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.PromptProfile;

/**
 * A fake {@link ModelProvider} for tests: answers from a script (texts, exceptions, or functions of the request) in
 * order, and records every request it received. Thread-safe.
 *
 * {@snippet :
 * ScriptedModelProvider model = ScriptedModelProvider.builder()
 *     .remote(true)
 *     .thenReturn("{\"subjective\": \"cough\"}")
 *     .thenThrow(new ModelTimeoutException("scripted", "timed out", null))
 *     .build();
 * }
 */
public final class ScriptedModelProvider implements ModelProvider {

  private final ModelInfo info;
  private final Deque<Function<ModelRequest, ModelResponse>> script;
  private final Function<ModelRequest, ModelResponse> whenEmpty;
  private final List<ModelRequest> requests = new ArrayList<>();

  private ScriptedModelProvider(Builder b) {
    this.info = new ModelInfo(b.id, b.version, new ModelCapabilities(b.json, b.contextTokens, b.remote, b.profile));
    this.script = new ArrayDeque<>(b.steps);
    this.whenEmpty = b.whenEmpty;
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A provider that always answers {@code text}.
   *
   * @param text the answer
   * @return the provider (local, large profile)
   */
  public static ScriptedModelProvider always(String text) {
    return builder().otherwise(text).build();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    Function<ModelRequest, ModelResponse> step;
    synchronized (this) {
      requests.add(request);
      step = script.isEmpty() ? whenEmpty : script.poll();
    }
    if (step == null) {
      throw new IllegalStateException("ScriptedModelProvider script exhausted after " + requests.size() + " calls");
    }
    return step.apply(request);
  }

  /** @return every request received so far, in order */
  public synchronized List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  /** @return how many calls were made */
  public synchronized int calls() {
    return requests.size();
  }

  /** Builds a {@link ScriptedModelProvider}. */
  public static final class Builder {
    private String id = "scripted";
    private String version = "1";
    private boolean json = true;
    private int contextTokens = 128_000;
    private boolean remote;
    private PromptProfile profile = PromptProfile.LARGE_HOSTED;
    private final List<Function<ModelRequest, ModelResponse>> steps = new ArrayList<>();
    private Function<ModelRequest, ModelResponse> whenEmpty;

    private Builder() {}

    /** @param id model id @param version version @return this */
    public Builder id(String id, String version) {
      this.id = id;
      this.version = version;
      return this;
    }

    /** @param remote whether calls count as leaving the process (egress-checked) @return this */
    public Builder remote(boolean remote) {
      this.remote = remote;
      return this;
    }

    /** @param profile prompt profile @return this */
    public Builder profile(PromptProfile profile) {
      this.profile = profile;
      return this;
    }

    /** @param tokens context window @return this */
    public Builder contextTokens(int tokens) {
      this.contextTokens = tokens;
      return this;
    }

    /** @param json whether JSON output is supported @return this */
    public Builder jsonOutput(boolean json) {
      this.json = json;
      return this;
    }

    /** @param text next answer @return this */
    public Builder thenReturn(String text) {
      steps.add(r -> ModelResponse.of(text, new ModelInfo(id, version,
          new ModelCapabilities(json, contextTokens, remote, profile))));
      return this;
    }

    /** @param e next failure @return this */
    public Builder thenThrow(RuntimeException e) {
      steps.add(r -> {
        throw e;
      });
      return this;
    }

    /** @param f next answer as a function of the request @return this */
    public Builder thenAnswer(Function<ModelRequest, ModelResponse> f) {
      steps.add(f);
      return this;
    }

    /** @param text answer once the script is exhausted @return this */
    public Builder otherwise(String text) {
      ModelInfo i = new ModelInfo(id, version, new ModelCapabilities(json, contextTokens, remote, profile));
      this.whenEmpty = r -> ModelResponse.of(text, i);
      return this;
    }

    /** @return the provider */
    public ScriptedModelProvider build() {
      return new ScriptedModelProvider(this);
    }
  }
}
