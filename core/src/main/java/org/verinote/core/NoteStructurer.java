package org.verinote.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verinote.core.deid.DeIdentifier;
import org.verinote.core.deid.PhiVault;
import org.verinote.core.deid.SafeHarborDeIdentifier;
import org.verinote.core.events.LogContext;
import org.verinote.core.events.PipelineListener;
import org.verinote.core.events.PipelineListeners;
import org.verinote.core.guard.ChainResult;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.model.ModelRouter;

/**
 * Turns an {@link Encounter} into a draft {@link StructuredNote}: de-identify → build the prompt → input guardrails
 * → egress check → model → parse → output guardrails (reprompting when a layer asks) → restore identifiers → link
 * evidence.
 *
 * <p>Immutable and thread-safe: build one and share it across threads and encounters.
 * {@link #structure(Encounter)} never throws for a model or guardrail failure: it returns a
 * {@link Status#FAILED} result with the reason and every raw output kept.
 *
 * {@snippet :
 * NoteStructurer structurer = NoteStructurer.builder()
 *     .model(new ExtractiveModelProvider())
 *     .build();
 * StructuringResult result = structurer.structure(encounter);
 * result.note().ifPresent(note -> System.out.println(note.toMarkdown()));
 * }
 */
public final class NoteStructurer {

  private final ModelProvider model;
  private final ModelRouter router;
  private final DeIdentifier deIdentifier;
  private final GuardrailChain guardrails;
  private final int maxAttempts;
  private final boolean allowRawTextToRemoteModels;
  private final StructureEvents events;

  private NoteStructurer(Builder b) {
    this.model = b.model;
    this.router = b.router;
    this.deIdentifier = b.deIdentifier == null ? SafeHarborDeIdentifier.standard() : b.deIdentifier;
    this.guardrails = b.guardrails == null ? GuardrailChain.empty() : b.guardrails;
    this.maxAttempts = b.maxAttempts == 0 ? 2 : b.maxAttempts;
    this.allowRawTextToRemoteModels = b.allowRawTextToRemoteModels;
    List<PipelineListener> listeners = new ArrayList<>();
    if (b.logEvents) {
      listeners.add(PipelineListeners.logging());
    }
    listeners.addAll(b.listeners);
    this.events = new StructureEvents(listeners);
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
   * The single configured model.
   *
   * @return the model
   * @throws IllegalStateException if this structurer routes per encounter (see {@link #router()})
   */
  public ModelProvider model() {
    if (model == null) {
      throw new IllegalStateException("This structurer routes each encounter through its ModelRouter; use router()");
    }
    return model;
  }

  /** @return the router choosing the model per encounter, if one was configured instead of a single model */
  public java.util.Optional<ModelRouter> router() {
    return java.util.Optional.ofNullable(router);
  }

  /** The model for this encounter: the router's choice, or the single model. */
  ModelProvider modelFor(Encounter encounter) {
    return router == null ? model : Objects.requireNonNull(router.route(encounter), "router returned null");
  }

  /** @return the configured de-identifier */
  public DeIdentifier deIdentifier() {
    return deIdentifier;
  }

  /** @return the configured guardrail chain */
  public GuardrailChain guardrails() {
    return guardrails;
  }

  /**
   * Structures one encounter.
   *
   * <p>Cost: one model call per attempt (at most {@code maxAttempts}), plus linear-time de-identification,
   * parsing, guardrails and evidence linking.
   *
   * @param encounter the encounter
   * @return the result: drafted, degraded, or failed with a reason; never null
   * @throws NullPointerException if {@code encounter} is null
   */
  public StructuringResult structure(Encounter encounter) {
    Objects.requireNonNull(encounter, "encounter");
    return structure(encounter, modelFor(encounter));
  }

  /** Structures with a model already chosen (by {@link #modelFor}); used by {@link IdempotentStructurer}. */
  StructuringResult structure(Encounter encounter, ModelProvider model) {
    ModelInfo info = model.info();
    NoteTemplate template = encounter.template();
    String runId = modelRunId(encounter, info);
    Provenance.Builder prov = Provenance.builder()
        .modelRunId(runId)
        .model(info.id(), info.version())
        .prompt(info.capabilities().profile().name(), PromptBuilder.VERSION)
        .template(template.id(), template.version())
        .deidentifier(deIdentifier.id(), deIdentifier.isActive());
    List<Finding> findings = new ArrayList<>();
    LogContext.Scope mdc = LogContext.bind(encounter.tenantId(), encounter.encounterId(), runId);
    try {
      StructureEvents.Run ev = events.start(encounter, runId, info);
      ev.started();
      StructuringResult result;
      try {
        result = run(encounter, model, info, template, prov, findings, ev);
      } catch (RuntimeException e) {
        // Last line of defence: nothing escapes structure() but misuse. The message names the type only.
        result = StructuringResult.failed(encounter, new Failure(Failure.Code.INTERNAL_ERROR,
            "Structuring failed with " + e.getClass().getName() + "."), findings, prov.build());
      }
      ev.finished(result);
      return result;
    } finally {
      mdc.close();
    }
  }

  private StructuringResult run(Encounter encounter, ModelProvider model, ModelInfo info, NoteTemplate template,
      Provenance.Builder prov, List<Finding> findings, StructureEvents.Run ev) {
    long t = System.nanoTime();
    PhiVault vault = deIdentifier.open(encounter.encounterId(), encounter.patientContext());
    Transcript deid = encounter.transcript().mapText(turn -> vault.deidentify(turn.text()));
    prov.replacementCounts(vault.replacementCounts());
    t = stage(prov, "deidentify", t);
    ev.deidentified(deIdentifier.id(), vault.replacementCounts());

    ModelRequest request = PromptBuilder.build(deid, template, info.capabilities(), encounter.patientContext());
    request = guardrails.applyInput(request, deid, template, info.capabilities().profile());
    t = stage(prov, "prompt", t);
    ev.promptBuilt(request);

    String instruction = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (info.capabilities().remote()) {
        try {
          if (!deIdentifier.isActive() && !allowRawTextToRemoteModels) {
            throw new PhiEgressException("De-identification is disabled and the model is remote; refusing to send"
                + " raw text. Enable de-identification or call allowRawTextToRemoteModels() explicitly.");
          }
          vault.checkEgress(request.outboundText());
        } catch (PhiEgressException e) {
          stage(prov, "egress-check", t);
          ev.egressChecked(attempt, false);
          prov.attempt(new Attempt(attempt, info.id(), info.version(), Attempt.Outcome.EGRESS_REFUSED, "",
              instruction, "PhiEgressException: " + e.getMessage(), Duration.ZERO, -1, -1));
          return StructuringResult.failed(encounter,
              new Failure(Failure.Code.PHI_EGRESS_REFUSED, e.getMessage()), findings, prov.build());
        }
        t = stage(prov, "egress-check", t);
        ev.egressChecked(attempt, true);
      }

      ModelResponse response;
      long callStart = System.nanoTime();
      try {
        response = Objects.requireNonNull(model.generate(request), "model returned null");
      } catch (RuntimeException e) {
        Duration d = Duration.ofNanos(System.nanoTime() - callStart);
        t = stage(prov, "model", t);
        ev.modelFailed(attempt, e);
        String error = e.getClass().getSimpleName() + (e instanceof VerinoteException ? ": " + e.getMessage() : "");
        prov.attempt(new Attempt(attempt, info.id(), info.version(), Attempt.Outcome.MODEL_ERROR, "", instruction,
            error, d, -1, -1));
        if (e instanceof VerinoteException ve && ve.isRetriable() && attempt < maxAttempts) {
          ev.reprompted(attempt + 1, "RETRIABLE_ERROR");
          continue;
        }
        return StructuringResult.failed(encounter, new Failure(Failure.Code.MODEL_UNAVAILABLE,
            "The model '" + info.id() + "' failed: " + error), findings, prov.build());
      }
      Duration callTime = Duration.ofNanos(System.nanoTime() - callStart);
      t = stage(prov, "model", t);
      ev.modelCalled(attempt, response);
      prov.model(response.modelId(), response.modelVersion()).skippedProviders(response.skipped());

      NoteOutputParser.Parsed parsed = NoteOutputParser.parse(response.text(), template);
      t = stage(prov, "parse", t);
      ev.parsed(attempt, parsed.ok(), parsed.findings().size());
      if (!parsed.ok()) {
        prov.attempt(attempt(attempt, response, Attempt.Outcome.UNPARSEABLE, instruction, parsed.failure(),
            callTime));
        if (attempt < maxAttempts) {
          instruction = "Your previous answer could not be read: " + parsed.failure()
              + " Answer again with one JSON object whose keys are the section keys.";
          request = reprompt(request, response.text(), instruction);
          ev.reprompted(attempt + 1, "UNPARSEABLE");
          continue;
        }
        findings.addAll(parsed.findings());
        return StructuringResult.failed(encounter, new Failure(Failure.Code.INVALID_MODEL_OUTPUT,
            parsed.failure() + " Attempts: " + attempt + "; raw output kept in provenance."), findings,
            prov.build());
      }

      ChainResult chain = guardrails.run(new GuardContext(deid, template, parsed.note(), response.text(),
          info.capabilities().profile(), attempt));
      chain.layerTimings().forEach((layer, d) -> prov.stage("guardrail:" + layer, d));
      t = stage(prov, "guardrails", t);
      ev.guarded(attempt, chain);

      if (chain.outcome() == ChainResult.Outcome.REPROMPT && attempt < maxAttempts) {
        prov.attempt(attempt(attempt, response, Attempt.Outcome.REPROMPTED, instruction, "", callTime));
        instruction = chain.instruction();
        request = reprompt(request, response.text(), instruction);
        ev.reprompted(attempt + 1, "GUARDRAIL");
        continue;
      }
      if (chain.outcome() == ChainResult.Outcome.BLOCKED) {
        prov.attempt(attempt(attempt, response, Attempt.Outcome.BLOCKED, instruction, "", callTime));
        findings.addAll(parsed.findings());
        findings.addAll(chain.findings());
        return StructuringResult.failed(encounter,
            new Failure(Failure.Code.BLOCKED_BY_GUARDRAIL, chain.instruction()), findings, prov.build());
      }
      prov.attempt(attempt(attempt, response, Attempt.Outcome.ACCEPTED, instruction, "", callTime));
      findings.addAll(parsed.findings());
      findings.addAll(FindingSpans.restore(chain.findings(), chain.note(), vault));
      if (chain.outcome() == ChainResult.Outcome.REPROMPT) {
        findings.add(Finding.of("structurer", "REPROMPT_LIMIT", Severity.WARNING, "A guardrail asked for another"
            + " attempt but the limit of " + maxAttempts + " attempts was reached; the last draft is kept."));
      }

      StructuredNote restored = restore(chain.note(), vault);
      t = stage(prov, "restore", t);
      StructuredNote linked = EvidenceLinker.link(restored, encounter.transcript());
      stage(prov, "evidence", t);
      ev.restored(linked);
      Status status = response.degraded() ? Status.DEGRADED : Status.DRAFTED;
      return StructuringResult.drafted(encounter, status, linked, findings, chain.scores(), prov.build());
    }
    throw new IllegalStateException("unreachable: attempts exhausted without a result");
  }

  private static Attempt attempt(int n, ModelResponse r, Attempt.Outcome outcome, String instruction, String error,
      Duration d) {
    return new Attempt(n, r.modelId(), r.modelVersion(), outcome, r.text(), instruction, error, d,
        r.usage().inputTokens(), r.usage().outputTokens());
  }

  private static ModelRequest reprompt(ModelRequest request, String previousOutput, String instruction) {
    List<Message> messages = new ArrayList<>(request.messages());
    messages.add(Message.assistant(previousOutput));
    messages.add(Message.user(instruction + " " + PromptBuilder.RULE));
    return request.toBuilder().messages(messages).build();
  }

  private static StructuredNote restore(StructuredNote note, PhiVault vault) {
    List<NoteSection> out = new ArrayList<>();
    for (NoteSection s : note.sections()) {
      out.add(s.withText(vault.restore(s.text()), s.evidence()));
    }
    return StructuredNote.of(note.templateId(), note.templateVersion(), out);
  }

  private static long stage(Provenance.Builder prov, String name, long start) {
    long now = System.nanoTime();
    prov.stage(name, Duration.ofNanos(now - start));
    return now;
  }

  /**
   * Encounter id + SHA-256 of the inputs + model id and version: stable across retries of the same call, and across
   * processes (no identity hash codes), so a durable store can be keyed by it.
   */
  static String modelRunId(Encounter e, ModelInfo info) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(e.tenantId(), e.encounterId(), e.transcript().render(), e.template().id(),
          e.template().version(), contextKey(e.patientContext()), info.id(), info.version(),
          PromptBuilder.VERSION)) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return "run-" + HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
    }
  }

  /** The patient context as text for the run-id digest only; enum names, not their identity hash codes. */
  private static String contextKey(PatientContext p) {
    return String.join("\u0001", p.givenNames().toString(), p.familyName().orElse(""), p.otherNames().toString(),
        p.birthDate().map(Object::toString).orElse(""), String.valueOf(p.age().orElse(-1)),
        p.sex().map(Enum::name).orElse(""), p.mrn().orElse(""), p.identifiers().toString(),
        p.addressLines().toString(), p.city().orElse(""), p.postalCode().orElse(""), p.phones().toString(),
        p.emails().toString());
  }

  @Override
  public String toString() {
    return "NoteStructurer[model=" + (model == null ? router : model.info().id()) + ", deid=" + deIdentifier.id() + ", " + guardrails
        + ", maxAttempts=" + maxAttempts + "]";
  }

  /** Builds a {@link NoteStructurer}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private ModelProvider model;
    private ModelRouter router;
    private DeIdentifier deIdentifier;
    private GuardrailChain guardrails;
    private int maxAttempts;
    private boolean allowRawTextToRemoteModels;
    private final List<PipelineListener> listeners = new ArrayList<>();
    private boolean logEvents = true;

    private Builder() {}

    /**
     * Sets the model (required).
     *
     * @param model the provider
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder model(ModelProvider model) {
      Objects.requireNonNull(model, "model");
      if (this.model != null || this.router != null) {
        throw new IllegalStateException(this.model != null ? "model was already set"
            : "router was already set; set either model(...) or router(...)");
      }
      this.model = model;
      return this;
    }

    /**
     * Routes each encounter to a model (per tenant, per cohort) instead of one fixed {@link #model(ModelProvider)};
     * e.g. a {@link org.verinote.core.providers.ModelRegistry}.
     *
     * @param router the router
     * @return this builder
     * @throws IllegalStateException if a router or a model was already set
     */
    public Builder router(ModelRouter router) {
      Objects.requireNonNull(router, "router");
      if (this.router != null || this.model != null) {
        throw new IllegalStateException(this.router != null ? "router was already set"
            : "model was already set; set either model(...) or router(...)");
      }
      this.router = router;
      return this;
    }

    /**
     * Sets the de-identifier (default: {@link SafeHarborDeIdentifier#standard()}, for every model, local ones
     * included).
     *
     * @param deIdentifier the de-identifier; {@link DeIdentifier#disabled()} to turn de-identification off for a
     *     trusted in-process model, which provenance records
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder deIdentifier(DeIdentifier deIdentifier) {
      Objects.requireNonNull(deIdentifier, "deIdentifier");
      if (this.deIdentifier != null) {
        throw new IllegalStateException("deIdentifier was already set");
      }
      this.deIdentifier = deIdentifier;
      return this;
    }

    /**
     * Sets the guardrail chain (default: empty).
     *
     * @param chain the chain
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder guardrails(GuardrailChain chain) {
      Objects.requireNonNull(chain, "guardrails");
      if (this.guardrails != null) {
        throw new IllegalStateException("guardrails was already set");
      }
      this.guardrails = chain;
      return this;
    }

    /**
     * Sets how many model calls one encounter may take: the first plus reprompts and retries (default 2).
     *
     * @param attempts 1..10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be in 1..10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Explicitly allows sending text that was not de-identified to a remote model (a trusted local server). Without
     * this, a remote model with de-identification disabled fails with {@link Failure.Code#PHI_EGRESS_REFUSED}.
     * Provenance records that de-identification was off.
     *
     * @return this builder
     */
    public Builder allowRawTextToRemoteModels() {
      this.allowRawTextToRemoteModels = true;
      return this;
    }

    /**
     * Adds a listener that receives a {@link org.verinote.core.events.PipelineEvent} at every stage of every
     * {@link #structure(Encounter)} call, synchronously on the calling thread. Listeners are called in the order
     * added, after the default logging listener; one that throws is logged once and skipped, never breaking the
     * pipeline.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(PipelineListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Whether events are logged through SLF4J by {@link PipelineListeners#logging()} (default {@code true}). The
     * MDC keys of {@link LogContext} are bound during {@code structure()} either way.
     *
     * @param enabled {@code false} to log nothing per event
     * @return this builder
     */
    public Builder logEvents(boolean enabled) {
      this.logEvents = enabled;
      return this;
    }

    /**
     * Builds the structurer.
     *
     * @return the structurer
     * @throws IllegalStateException if neither a model nor a router was set
     */
    public NoteStructurer build() {
      if (model == null && router == null) {
        throw new IllegalStateException("NoteStructurer needs a model: call model(...) or router(...)");
      }
      return new NoteStructurer(this);
    }
  }

}
