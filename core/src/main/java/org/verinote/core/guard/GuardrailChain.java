package org.verinote.core.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.verinote.core.Finding;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Severity;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.PromptProfile;

/**
 * Ordered guardrail layers and the rules for running them: rewritten notes are passed on, a block stops the chain,
 * a reprompt stops it and asks the structurer to try again, findings are collected with their layer's name, and
 * every layer is timed.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}. A layer that throws is reported as an
 * {@link Severity#ERROR} finding with code {@code LAYER_FAILED} and the chain continues
 * ({@link LayerFailurePolicy#CONTINUE}, the default) or the chain blocks ({@link LayerFailurePolicy#FAIL_CLOSED}).
 */
public final class GuardrailChain {

  /** What to do when a layer throws. */
  public enum LayerFailurePolicy {
    /** Record an ERROR finding naming the layer and go on with the next layer. */
    CONTINUE,
    /** Record the finding and block the note. */
    FAIL_CLOSED
  }

  private static final GuardrailChain EMPTY = builder().build();

  private final List<InputGuardrail> inputLayers;
  private final List<Guardrail> outputLayers;
  private final LayerFailurePolicy failurePolicy;

  private GuardrailChain(Builder b) {
    this.inputLayers = List.copyOf(b.inputLayers);
    this.outputLayers = List.copyOf(b.outputLayers);
    this.failurePolicy = b.failurePolicy == null ? LayerFailurePolicy.CONTINUE : b.failurePolicy;
  }

  /**
   * A chain with no layers: every note passes.
   *
   * @return the empty chain
   */
  public static GuardrailChain empty() {
    return EMPTY;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the input-side layers in order */
  public List<InputGuardrail> inputLayers() {
    return inputLayers;
  }

  /** @return the output-side layers in order */
  public List<Guardrail> outputLayers() {
    return outputLayers;
  }

  /** @return the policy for a layer that throws */
  public LayerFailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /**
   * Applies the input layers in order.
   *
   * @param request the request built by the structurer
   * @param transcript the de-identified transcript
   * @param template the template
   * @param profile the model's prompt profile
   * @return the request to send
   * @throws org.verinote.core.GuardrailException if an input layer throws (input layers always fail closed: a
   *     prompt whose framing failed must not be sent)
   */
  public ModelRequest applyInput(ModelRequest request, Transcript transcript, NoteTemplate template,
      PromptProfile profile) {
    ModelRequest r = Objects.requireNonNull(request, "request");
    for (InputGuardrail g : inputLayers) {
      try {
        r = Objects.requireNonNull(g.apply(r, transcript, template, profile), "input layer returned null");
      } catch (RuntimeException e) {
        throw new org.verinote.core.GuardrailException(
            "Input guardrail '" + g.name() + "' failed (" + e.getClass().getSimpleName() + ")", e);
      }
    }
    return r;
  }

  /**
   * Runs the output layers over a draft.
   *
   * @param context the draft and what it must be grounded in
   * @return the outcome, never null; never throws for a failing layer
   */
  public ChainResult run(GuardContext context) {
    Objects.requireNonNull(context, "context");
    GuardContext ctx = context;
    List<Finding> findings = new ArrayList<>();
    Map<String, Double> scores = new HashMap<>();
    Map<String, Duration> timings = new LinkedHashMap<>();
    List<String> rewrittenBy = new ArrayList<>();
    for (Guardrail g : outputLayers) {
      long t0 = System.nanoTime();
      GuardVerdict v;
      try {
        v = Objects.requireNonNull(g.check(ctx), "guardrail returned null");
      } catch (RuntimeException e) {
        timings.put(g.name(), Duration.ofNanos(System.nanoTime() - t0));
        findings.add(Finding.of(g.name(), "LAYER_FAILED", Severity.ERROR,
            "Guardrail layer '" + g.name() + "' failed with " + e.getClass().getSimpleName()
                + "; its checks did not run."));
        if (failurePolicy == LayerFailurePolicy.FAIL_CLOSED) {
          return new ChainResult(ChainResult.Outcome.BLOCKED, ctx.note(), findings, scores, timings, rewrittenBy,
              "Guardrail layer '" + g.name() + "' failed and the chain fails closed.");
        }
        continue;
      }
      timings.put(g.name(), Duration.ofNanos(System.nanoTime() - t0));
      findings.addAll(v.findings());
      scores.putAll(v.scores());
      if (v instanceof GuardVerdict.Rewrite rw) {
        ctx = ctx.withNote(rw.note());
        rewrittenBy.add(g.name());
      } else if (v instanceof GuardVerdict.Reprompt rp) {
        return new ChainResult(ChainResult.Outcome.REPROMPT, ctx.note(), findings, scores, timings, rewrittenBy,
            rp.instruction());
      } else if (v instanceof GuardVerdict.Block b) {
        return new ChainResult(ChainResult.Outcome.BLOCKED, ctx.note(), findings, scores, timings, rewrittenBy,
            b.reason());
      }
    }
    ChainResult.Outcome outcome = findings.isEmpty() ? ChainResult.Outcome.PASSED : ChainResult.Outcome.FLAGGED;
    return new ChainResult(outcome, ctx.note(), findings, scores, timings, rewrittenBy, "");
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    inputLayers.forEach(g -> names.add(g.name()));
    outputLayers.forEach(g -> names.add(g.name()));
    return "GuardrailChain" + names;
  }

  /** Builds a {@link GuardrailChain}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final List<InputGuardrail> inputLayers = new ArrayList<>();
    private final List<Guardrail> outputLayers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private LayerFailurePolicy failurePolicy;

    private Builder() {}

    /**
     * Appends an input-side layer.
     *
     * @param layer the layer
     * @return this builder
     * @throws IllegalArgumentException if a layer of the same name was added
     */
    public Builder input(InputGuardrail layer) {
      Objects.requireNonNull(layer, "layer");
      unique(layer.name());
      inputLayers.add(layer);
      return this;
    }

    /**
     * Appends an output-side layer.
     *
     * @param layer the layer
     * @return this builder
     * @throws IllegalArgumentException if a layer of the same name was added
     */
    public Builder add(Guardrail layer) {
      Objects.requireNonNull(layer, "layer");
      unique(layer.name());
      outputLayers.add(layer);
      return this;
    }

    /**
     * Sets what happens when an output layer throws (default {@link LayerFailurePolicy#CONTINUE}).
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder onLayerFailure(LayerFailurePolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (failurePolicy != null) {
        throw new IllegalStateException("onLayerFailure was already set");
      }
      this.failurePolicy = policy;
      return this;
    }

    /**
     * Builds the chain.
     *
     * @return the chain
     */
    public GuardrailChain build() {
      return new GuardrailChain(this);
    }

    private void unique(String name) {
      Objects.requireNonNull(name, "layer name");
      if (!names.add(name)) {
        throw new IllegalArgumentException("A guardrail layer named '" + name + "' is already in the chain");
      }
    }
  }
}
