package org.verinote.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verinote.core.Encounter;
import org.verinote.core.Finding;
import org.verinote.core.InvalidInputException;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardrailChain;
import org.verinote.eval.dataset.Dataset;
import org.verinote.eval.dataset.EvalCase;
import org.verinote.eval.metrics.NoteMetrics;
import org.verinote.eval.metrics.NoteQuality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.eval.rouge.AciBenchRouge;
import org.verinote.guardrails.Guardrails;

/**
 * Runs a {@link NoteStructurer} over every case of a {@link Dataset}, then scores the drafted notes: ACI-Bench ROUGE
 * (full note and divisions), a guardrail audit of every note ({@link Guardrails#audit}: source fidelity and findings
 * per layer), {@link NoteMetrics} (completeness, lexical fidelity, evidence share, structural consistency), the
 * structurer's own finding counts per layer, status and latency.
 *
 * <p>Per-case metrics: {@code rouge1 … rougeLsum} and {@code <division>.<type>} (F1 × 100), {@code completeness},
 * {@code fidelity} (guardrail audit), {@code audit.findings}, {@code audit.findings.<layer>},
 * {@code lexical_fidelity}, {@code evidence_share}, {@code structure_ok} (0/1), {@code json_fragments},
 * {@code repeated_sentences}, {@code hedges}, {@code findings}, {@code findings.<layer>}, {@code failed} (0/1),
 * {@code degraded} (0/1), {@code latency_ms}, and {@code error} (1) when the structurer threw instead of returning a
 * failed result (the case is then also {@code failed}; the run goes on). Latency is wall-clock and the only non-deterministic metric.
 *
 * <p>For a section-level dataset (MTS-Dialog, {@link EvalCase#section()} set), the prediction is the ACI-Bench
 * template section that corresponds to the label (CC → chief complaint, GENHX → history of present illness, ROS,
 * EXAM → physical exam, LABS and IMAGING → results, ASSESSMENT and PLAN → assessment and plan); for other labels,
 * or when that section is absent or empty, the whole note.
 *
 * <p>Immutable and thread-safe if the structurer is; {@link #run} processes cases sequentially.
 */
public final class Evaluator {

  private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

  private static final Map<String, String> MTS_SECTIONS = Map.ofEntries(
      Map.entry("CC", "chief_complaint"),
      Map.entry("GENHX", "history_of_present_illness"),
      Map.entry("ROS", "review_of_systems"),
      Map.entry("EXAM", "physical_exam"),
      Map.entry("LABS", "results"),
      Map.entry("IMAGING", "results"),
      Map.entry("ASSESSMENT", "assessment_and_plan"),
      Map.entry("PLAN", "assessment_and_plan"));

  private final NoteStructurer structurer;
  private final NoteTemplate template;
  private final String tenantId;
  private final String name;
  private final ProgressListener progress;
  private final java.util.function.BiConsumer<String, String> predictionSink;
  private final GuardrailChain audit;

  private Evaluator(Builder b) {
    this.audit = b.audit;
    this.predictionSink = b.predictionSink;
    this.structurer = b.structurer;
    this.template = b.template;
    this.tenantId = b.tenantId;
    this.name = b.name;
    this.progress = b.progress;
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
   * Structures and scores every case.
   *
   * @param dataset the dataset
   * @return the run (cases in dataset order)
   * @throws NullPointerException if the dataset is null
   */
  public EvalRun run(Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    int total = dataset.size();
    List<String> predictions = new ArrayList<>(total);
    List<Map<String, Double>> extra = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      EvalCase c = dataset.cases().get(i);
      Map<String, Double> m = new LinkedHashMap<>();
      String prediction = "";
      Transcript transcript = null;
      StructuringResult result = null;
      long start = System.nanoTime();
      try {
        transcript = Transcript.parse(c.transcript());
        Encounter e = Encounter.builder().tenantId(tenantId).encounterId(safeId(c.id(), i)).transcript(transcript)
            .patientContext(c.patientContext()).template(template).build();
        result = structurer.structure(e);
      } catch (InvalidInputException ex) {
        result = null;
      } catch (RuntimeException | StackOverflowError ex) {
        // One broken case must not end a benchmark run: record it as failed and go on.
        LOG.warn("Structuring case {} threw {}; recorded as failed", c.id(), ex.getClass().getSimpleName());
        result = null;
        m.put("error", 1.0);
      }
      m.put("latency_ms", (System.nanoTime() - start) / 1e6);
      StructuredNote note = result == null ? null : result.note().orElse(null);
      m.put("failed", note == null ? 1.0 : 0.0);
      m.put("degraded", result != null && result.status() == Status.DEGRADED ? 1.0 : 0.0);
      if (note != null) {
        prediction = predictionText(note, c.section());
        NoteQuality q = NoteMetrics.measure(note, template, transcript);
        m.putAll(Scoring.auditMetrics(audit, transcript, note));
        m.put("completeness", q.completeness());
        m.put("lexical_fidelity", q.supportedSentenceShare());
        m.put("evidence_share", q.evidenceShare());
        m.put("structure_ok", q.structurallyConsistent() ? 1.0 : 0.0);
        m.put("json_fragments", (double) q.jsonFragments());
        m.put("repeated_sentences", (double) q.repeatedSentences());
        m.put("hedges", (double) q.hedges());
      }
      Map<String, Double> layers = new TreeMap<>();
      if (result != null) {
        for (Finding f : result.findings()) {
          layers.merge("findings." + f.layer(), 1.0, Double::sum);
        }
        m.put("findings", (double) result.findings().size());
      }
      m.putAll(layers);
      predictions.add(prediction);
      predictionSink.accept(c.id(), prediction);
      extra.add(m);
      progress.onProgress(i + 1, total);
    }
    List<Map<String, Double>> rouge = Scoring.rougeMetrics(
        AciBenchRouge.create().evaluate(dataset.references(), predictions));
    List<CaseResult> cases = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      Map<String, Double> all = new LinkedHashMap<>(rouge.get(i));
      all.putAll(extra.get(i));
      cases.add(new CaseResult(dataset.cases().get(i).id(), all));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("dataset", dataset.name());
    meta.put("model", structurer.model().info().id() + "@" + structurer.model().info().version());
    meta.put("template", template.id() + "@" + template.version());
    meta.put("protocol", "aci-bench evaluate_fullnote.py; rouge-score 0.1.2, no stemming");
    return new EvalRun(name, meta, cases);
  }

  private static String predictionText(StructuredNote note, String section) {
    if (!section.isEmpty()) {
      String key = MTS_SECTIONS.get(section.toUpperCase(Locale.ROOT));
      if (key != null) {
        java.util.Optional<NoteSection> s = note.section(key);
        if (s.isPresent() && !s.get().isEmpty()) {
          return s.get().text();
        }
      }
    }
    return note.toPlainText();
  }

  private static String safeId(String id, int index) {
    return id.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}") ? id : "case-" + index;
  }

  /** Builds an {@link Evaluator}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private NoteStructurer structurer;
    private NoteTemplate template = NoteTemplate.aciBench();
    private String tenantId = "eval";
    private String name = "run";
    private ProgressListener progress = ProgressListener.NONE;
    private java.util.function.BiConsumer<String, String> predictionSink = (id, text) -> { };
    private GuardrailChain audit = Guardrails.standard();

    private Builder() {}

    /**
     * Sets the guardrail chain that audits every drafted note after structuring (default
     * {@link Guardrails#standard()}): it yields {@code fidelity} (1 − the share of sentences with a grounding finding)
     * and {@code audit.findings.<layer>}. Independent of the chain the structurer itself runs.
     *
     * @param chain the audit chain
     * @return this builder
     */
    public Builder audit(GuardrailChain chain) {
      this.audit = Objects.requireNonNull(chain, "chain");
      return this;
    }

    /**
     * Receives each case's scored prediction text (case id, text; empty when structuring failed), e.g. to save the
     * outputs for {@code eval score} or an LLM judge. Called on the evaluating thread, in case order. The text is
     * clinical content: store it only where the source data may be stored.
     *
     * @param sink the receiver
     * @return this builder
     */
    public Builder predictions(java.util.function.BiConsumer<String, String> sink) {
      this.predictionSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Sets the structurer to evaluate (required).
     *
     * @param structurer the structurer
     * @return this builder
     */
    public Builder structurer(NoteStructurer structurer) {
      this.structurer = Objects.requireNonNull(structurer, "structurer");
      return this;
    }

    /**
     * Sets the template (default {@link NoteTemplate#aciBench()}).
     *
     * @param template the template
     * @return this builder
     */
    public Builder template(NoteTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Sets the run name (default {@code run}).
     *
     * @param name the name
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the tenant id used for the encounters (default {@code eval}).
     *
     * @param tenantId the tenant id
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
      return this;
    }

    /**
     * Sets a progress listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the evaluator.
     *
     * @return the evaluator
     * @throws IllegalStateException if no structurer was set
     */
    public Evaluator build() {
      if (structurer == null) {
        throw new IllegalStateException("Evaluator needs a structurer");
      }
      return new Evaluator(this);
    }
  }
}
