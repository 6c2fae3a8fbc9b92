package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.Finding;
import org.verinote.core.NoteSection;
import org.verinote.core.Severity;
import org.verinote.core.Span;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;

/**
 * {@code [VERIFY]} tags: the prompt asks the model to end uncertain statements with {@code [VERIFY]}; each tag
 * becomes a finding ({@code VERIFY_TAG}) whose span covers the tagged sentence. Tags are never removed: they stay
 * visible to the reviewing clinician. Matches {@code [VERIFY]}, {@code [verify]}, {@code [ VERIFY ]} and
 * {@code [VERIFY: reason]}. Score: {@code verify_tags} = tags per scored sentence, capped at 1.
 *
 * <p>Immutable and thread-safe; linear time.
 */
public final class VerifyTags implements Guardrail {

  /** The layer name. */
  public static final String NAME = "verify-tags";

  private static final Pattern TAG = Pattern.compile("\\[\\s*verify\\s*(?::[^\\]\\n]{0,200})?\\]",
      Pattern.CASE_INSENSITIVE);

  private final Severity severity;

  private VerifyTags(Builder b) {
    this.severity = b.severity;
  }

  /** @return a builder (default severity WARNING) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GuardVerdict check(GuardContext context) {
    List<Finding> findings = new ArrayList<>();
    int sentences = 0;
    for (NoteSection s : context.note().sections()) {
      List<Span> spans = Sentences.split(s.text());
      sentences += spans.size();
      Matcher m = TAG.matcher(s.text());
      while (m.find()) {
        Span tagged = new Span(m.start(), m.end());
        for (int k = 0; k < spans.size(); k++) {
          Span sp = spans.get(k);
          if (sp.start() <= m.start() && m.start() < sp.end()) {
            // a tag standing alone after a full stop belongs to the sentence before it
            int start = sp.start() == m.start() && k > 0 ? spans.get(k - 1).start() : sp.start();
            tagged = new Span(start, Math.max(sp.end(), m.end()));
            break;
          }
        }
        findings.add(Finding.of(NAME, "VERIFY_TAG", severity,
            "The model marked this statement as uncertain; verify it against the consultation.").at(s.key(), tagged));
      }
    }
    double score = sentences == 0 ? 0.0 : Math.min(1.0, findings.size() / (double) sentences);
    return findings.isEmpty() ? new GuardVerdict.Pass(Map.of("verify_tags", 0.0))
        : new GuardVerdict.Flag(findings, Map.of("verify_tags", score));
  }

  @Override
  public String toString() {
    return "VerifyTags[severity=" + severity + "]";
  }

  /** Builds {@link VerifyTags}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private Severity severity = Severity.WARNING;

    private Builder() {}

    /**
     * Sets the severity of a tag finding (default WARNING).
     *
     * @param severity the severity
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = java.util.Objects.requireNonNull(severity, "severity");
      return this;
    }

    /** @return the layer */
    public VerifyTags build() {
      return new VerifyTags(this);
    }
  }
}
