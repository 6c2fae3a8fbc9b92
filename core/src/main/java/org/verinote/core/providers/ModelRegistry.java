package org.verinote.core.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.Encounter;
import org.verinote.core.model.ModelProvider;
import org.verinote.core.model.ModelRouter;

/**
 * Named model versions, the active version per tenant, cohort routing of candidate versions, and rollback — all
 * changed at runtime, without a restart.
 *
 * <p>Routing an encounter: if its tenant (or, failing that, {@link #ALL_TENANTS}) has a {@link Cohort} that
 * includes the encounter, the cohort's candidate version serves it; otherwise the tenant's active version, or the
 * {@link #ALL_TENANTS} active version if the tenant has none. A bad version is undone with
 * {@link #rollback(String)}: the cohort ends and the previously active version is restored.
 *
 * <p>The provider {@link #route(Encounter) route} returns reports the registry's version name as its
 * {@link org.verinote.core.model.ModelInfo#version()}, so the provenance and the model run id name it; responses
 * report {@code <version>/<server-reported version>} (e.g. {@code v2/gpt-4o-2024-08-06}).
 *
 * {@snippet :
 * ModelRegistry registry = ModelRegistry.builder()
 *     .version("v1", gpt4o)
 *     .version("v2", gpt41)
 *     .active("v1")
 *     .build();
 * registry.startCohort("clinic-a", Cohort.percent("v2", 10));   // 10 % of clinic-a's encounters try v2
 * registry.activate("clinic-a", "v2");                         // promote
 * registry.rollback("clinic-a");                               // back to v1
 * NoteStructurer structurer = NoteStructurer.builder().router(registry).build();
 * }
 *
 * <p>Thread-safe: reads are lock-free snapshots; each change is atomic per tenant. A change applies to
 * encounters routed after it; calls already in flight finish on the version they started with.
 */
public final class ModelRegistry implements ModelRouter {

  /** The tenant key for the default that applies to every tenant without its own setting. */
  public static final String ALL_TENANTS = "*";

  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}");
  private static final int HISTORY = 16;
  /** History marker: the tenant had no version of its own and inherited {@link #ALL_TENANTS}'. */
  private static final String INHERIT = "";

  private final Map<String, VersionedProvider> versions = new ConcurrentHashMap<>();
  private final Map<String, TenantState> tenants = new ConcurrentHashMap<>();

  /** One tenant's routing: active version (or null to inherit), earlier versions, and a cohort (or null). */
  private static final class TenantState {
    final String active;
    final List<String> history;
    final Cohort cohort;

    TenantState(String active, List<String> history, Cohort cohort) {
      this.active = active;
      this.history = List.copyOf(history);
      this.cohort = cohort;
    }
  }

  private ModelRegistry(Builder b) {
    b.versions.forEach((name, p) -> versions.put(name, new VersionedProvider(name, p)));
    tenants.put(ALL_TENANTS, new TenantState(b.active, List.of(), null));
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
   * Adds a version at runtime. Versions are immutable: a name is registered once.
   *
   * @param version the name, e.g. {@code v3} or {@code 2026-03-gpt41}: letters, digits, {@code . _ : + -}
   * @param provider the configured provider
   * @throws IllegalArgumentException if the name is malformed
   * @throws IllegalStateException if the name is already registered
   */
  public void register(String version, ModelProvider provider) {
    checkName(version);
    Objects.requireNonNull(provider, "provider");
    if (versions.putIfAbsent(version, new VersionedProvider(version, provider)) != null) {
      throw new IllegalStateException("Model version '" + version + "' is already registered; versions are"
          + " immutable, register the new configuration under a new name");
    }
    LOG.info("Model version '{}' registered ({})", version, provider.info().id());
  }

  /** @return the registered version names */
  public Set<String> versions() {
    return Set.copyOf(versions.keySet());
  }

  /**
   * The provider of a version, reporting the version name.
   *
   * @param version the name
   * @return the provider
   * @throws IllegalArgumentException if the version is not registered
   */
  public ModelProvider provider(String version) {
    return require(version);
  }

  /**
   * Makes {@code version} the active version of a tenant (or of {@link #ALL_TENANTS}); the previous one is kept for
   * {@link #rollback(String)}. If the tenant's cohort was trying this version, the cohort ends (promotion).
   *
   * @param tenantId the tenant, or {@link #ALL_TENANTS}
   * @param version a registered version
   * @throws IllegalArgumentException if the version is not registered
   */
  public void activate(String tenantId, String version) {
    Objects.requireNonNull(tenantId, "tenantId");
    require(version);
    tenants.compute(tenantId, (t, s) -> {
      List<String> history = new ArrayList<>(s == null ? List.of() : s.history);
      String previous = s == null ? null : s.active;
      if (!version.equals(previous)) {
        history.add(previous == null ? INHERIT : previous);
      }
      while (history.size() > HISTORY) {
        history.remove(0);
      }
      Cohort cohort = s == null || (s.cohort != null && s.cohort.candidateVersion().equals(version)) ? null
          : s.cohort;
      return new TenantState(version, history, cohort);
    });
    LOG.info("Tenant '{}': model version '{}' activated", tenantId, version);
  }

  /**
   * Starts (or replaces) a tenant's cohort: the encounters it includes get its candidate version.
   *
   * @param tenantId the tenant, or {@link #ALL_TENANTS}
   * @param cohort the cohort
   * @throws IllegalArgumentException if the candidate version is not registered
   */
  public void startCohort(String tenantId, Cohort cohort) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(cohort, "cohort");
    require(cohort.candidateVersion());
    tenants.compute(tenantId, (t, s) -> s == null ? new TenantState(null, List.of(), cohort)
        : new TenantState(s.active, s.history, cohort));
    LOG.info("Tenant '{}': {} started", tenantId, cohort);
  }

  /**
   * Undoes the last change of a tenant: ends its cohort, and if it has an earlier active version, restores it.
   *
   * @param tenantId the tenant, or {@link #ALL_TENANTS}
   * @return the version now active for the tenant
   * @throws IllegalStateException if there is neither a cohort nor an earlier version to go back to
   */
  public String rollback(String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    TenantState after = tenants.compute(tenantId, (t, s) -> {
      if (s == null || (s.cohort == null && s.history.isEmpty())) {
        throw new IllegalStateException("Tenant '" + tenantId + "' has no cohort and no earlier model version to"
            + " roll back to");
      }
      if (s.history.isEmpty()) {
        return new TenantState(s.active, s.history, null);
      }
      List<String> history = new ArrayList<>(s.history);
      String previous = history.remove(history.size() - 1);
      return new TenantState(INHERIT.equals(previous) ? null : previous, history, null);
    });
    String active = after.active != null ? after.active : tenants.get(ALL_TENANTS).active;
    LOG.warn("Tenant '{}': rolled back; model version '{}' active", tenantId, active);
    return active;
  }

  /**
   * The version serving a tenant's encounters outside any cohort.
   *
   * @param tenantId the tenant
   * @return the version name
   */
  public String activeVersion(String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    TenantState s = tenants.get(tenantId);
    return s != null && s.active != null ? s.active : tenants.get(ALL_TENANTS).active;
  }

  /**
   * The cohort in force for a tenant (its own, else the {@link #ALL_TENANTS} one).
   *
   * @param tenantId the tenant
   * @return the cohort, if any
   */
  public Optional<Cohort> cohort(String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    TenantState s = tenants.get(tenantId);
    if (s != null && s.cohort != null) {
      return Optional.of(s.cohort);
    }
    return Optional.ofNullable(tenants.get(ALL_TENANTS).cohort);
  }

  /**
   * The version an encounter is routed to.
   *
   * @param encounter the encounter
   * @return the version name
   */
  public String versionFor(Encounter encounter) {
    Objects.requireNonNull(encounter, "encounter");
    Optional<Cohort> cohort = cohort(encounter.tenantId());
    if (cohort.isPresent() && cohort.get().includes(encounter)) {
      return cohort.get().candidateVersion();
    }
    return activeVersion(encounter.tenantId());
  }

  /**
   * Routes an encounter to its version's provider. Lock-free.
   *
   * @param encounter the encounter
   * @return the provider, reporting the version name
   */
  @Override
  public ModelProvider route(Encounter encounter) {
    return require(versionFor(encounter));
  }

  private VersionedProvider require(String version) {
    Objects.requireNonNull(version, "version");
    VersionedProvider p = versions.get(version);
    if (p == null) {
      throw new IllegalArgumentException("Unknown model version '" + version + "'; registered: "
          + new java.util.TreeSet<>(versions.keySet()) + ". Register it first.");
    }
    return p;
  }

  private static void checkName(String version) {
    Objects.requireNonNull(version, "version");
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("A model version name is 1-64 letters, digits or . _ : + - starting with a"
          + " letter or digit; got " + version.length() + " characters");
    }
  }

  @Override
  public String toString() {
    return "ModelRegistry[versions=" + versions.size() + ", default=" + tenants.get(ALL_TENANTS).active
        + ", tenants=" + (tenants.size() - 1) + "]";
  }

  /** Builds a {@link ModelRegistry}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final Map<String, ModelProvider> versions = new LinkedHashMap<>();
    private String active;

    private Builder() {}

    /**
     * Registers a version.
     *
     * @param version the name: letters, digits, {@code . _ : + -}
     * @param provider the provider
     * @return this builder
     * @throws IllegalArgumentException if the name is malformed
     * @throws IllegalStateException if the name is already registered
     */
    public Builder version(String version, ModelProvider provider) {
      checkName(version);
      Objects.requireNonNull(provider, "provider");
      if (versions.containsKey(version)) {
        throw new IllegalStateException("Model version '" + version + "' was already registered");
      }
      versions.put(version, provider);
      return this;
    }

    /**
     * Sets the version active for all tenants (required).
     *
     * @param version a version registered on this builder
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder active(String version) {
      this.active = Checks.once(active, version, "active version");
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     * @throws IllegalStateException if no active version was set or it is not registered
     */
    public ModelRegistry build() {
      if (active == null) {
        throw new IllegalStateException("ModelRegistry needs active(version) for all tenants");
      }
      if (!versions.containsKey(active)) {
        throw new IllegalStateException("Active version '" + active + "' is not registered; registered: "
            + versions.keySet());
      }
      return new ModelRegistry(this);
    }
  }
}
