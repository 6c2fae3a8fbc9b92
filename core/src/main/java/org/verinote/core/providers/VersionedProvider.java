package org.verinote.core.providers;

import java.util.Objects;
import org.verinote.core.model.ModelInfo;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;

/**
 * A registry version: the delegate under the registry's version name. Responses report
 * {@code <version>/<server-reported version>} so that provenance names both.
 */
final class VersionedProvider implements ModelProvider {

  private final String version;
  private final ModelProvider delegate;
  private final ModelInfo info;

  VersionedProvider(String version, ModelProvider delegate) {
    this.version = version;
    this.delegate = delegate;
    ModelInfo d = delegate.info();
    this.info = new ModelInfo(d.id(), version, d.capabilities());
  }

  ModelProvider delegate() {
    return delegate;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    ModelResponse r = Objects.requireNonNull(delegate.generate(request), "provider returned null");
    String v = r.modelVersion().equals(version) ? version : version + "/" + r.modelVersion();
    return new ModelResponse(r.text(), r.modelId(), v, r.usage(), r.finishReason(), r.degraded(), r.skipped());
  }

  @Override
  public String toString() {
    return "VersionedProvider[" + version + " -> " + info.id() + "]";
  }
}
