package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.verinote.core.Encounter;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Transcript;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.testkit.ScriptedModelProvider;

class ModelRegistryTest {

  static Encounter encounter(String tenant, String id) {
    return Encounter.builder().tenantId(tenant).encounterId(id)
        .transcript(Transcript.parse("[doctor] hello .\n[patient] cough .")).template(NoteTemplate.soap()).build();
  }

  private static ModelRegistry registry() {
    return ModelRegistry.builder()
        .version("v1", ScriptedModelProvider.builder().id("openai:gpt-4o", "gpt-4o").otherwise("{}").build())
        .version("v2", ScriptedModelProvider.builder().id("openai:gpt-4.1", "gpt-4.1").otherwise("{}").build())
        .active("v1").build();
  }

  @Test
  void route_default_returnsActiveVersionNamedInInfoAndResponse() {
    ModelRegistry r = registry();
    var p = r.route(encounter("clinic-a", "e1"));
    assertThat(p.info().id()).isEqualTo("openai:gpt-4o");
    assertThat(p.info().version()).isEqualTo("v1");
    ModelResponse resp = p.generate(Fixtures.request());
    assertThat(resp.modelVersion()).isEqualTo("v1/gpt-4o");
  }

  @Test
  void activate_perTenant_switchesOnlyThatTenant_andRollbackRestores() {
    ModelRegistry r = registry();
    r.activate("clinic-a", "v2");
    assertThat(r.versionFor(encounter("clinic-a", "e1"))).isEqualTo("v2");
    assertThat(r.versionFor(encounter("clinic-b", "e1"))).isEqualTo("v1");
    assertThat(r.rollback("clinic-a")).isEqualTo("v1");
    assertThat(r.versionFor(encounter("clinic-a", "e1"))).isEqualTo("v1");
  }

  @Test
  void activate_allTenants_thenRollback_restoresPreviousDefault() {
    ModelRegistry r = registry();
    r.activate(ModelRegistry.ALL_TENANTS, "v2");
    assertThat(r.activeVersion("any")).isEqualTo("v2");
    assertThat(r.rollback(ModelRegistry.ALL_TENANTS)).isEqualTo("v1");
    assertThat(r.activeVersion("any")).isEqualTo("v1");
  }

  @Test
  void percentCohort_routesAboutThatShareDeterministically() {
    ModelRegistry r = registry();
    r.startCohort("clinic-a", Cohort.percent("v2", 10));
    List<String> first = new ArrayList<>();
    int candidate = 0;
    for (int i = 0; i < 5000; i++) {
      String v = r.versionFor(encounter("clinic-a", "enc-" + i));
      first.add(v);
      candidate += v.equals("v2") ? 1 : 0;
    }
    assertThat(candidate).isBetween(400, 600);
    for (int i = 0; i < 5000; i++) {
      assertThat(r.versionFor(encounter("clinic-a", "enc-" + i))).isEqualTo(first.get(i));
    }
    assertThat(r.versionFor(encounter("clinic-b", "enc-1"))).isEqualTo("v1");
  }

  @Test
  void predicateCohort_routesMatchingEncounters() {
    ModelRegistry r = registry();
    r.startCohort(ModelRegistry.ALL_TENANTS, Cohort.matching("v2", "pilot encounters",
        e -> e.encounterId().startsWith("pilot-")));
    assertThat(r.versionFor(encounter("clinic-a", "pilot-1"))).isEqualTo("v2");
    assertThat(r.versionFor(encounter("clinic-a", "other-1"))).isEqualTo("v1");
  }

  @Test
  void rollback_duringCohort_endsCohort_andActivatingCandidatePromotes() {
    ModelRegistry r = registry();
    r.startCohort("clinic-a", Cohort.percent("v2", 100));
    assertThat(r.versionFor(encounter("clinic-a", "e1"))).isEqualTo("v2");
    assertThat(r.rollback("clinic-a")).isEqualTo("v1");
    assertThat(r.cohort("clinic-a")).isEmpty();
    assertThat(r.versionFor(encounter("clinic-a", "e1"))).isEqualTo("v1");

    r.startCohort("clinic-a", Cohort.percent("v2", 5));
    r.activate("clinic-a", "v2");
    assertThat(r.cohort("clinic-a")).isEmpty();
    assertThat(r.activeVersion("clinic-a")).isEqualTo("v2");
  }

  @Test
  void rollback_withNothingToUndo_throws() {
    assertThatThrownBy(() -> registry().rollback("clinic-a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Tenant 'clinic-a' has no cohort and no earlier model version to roll back to");
  }

  @Test
  void unknownVersion_rejectedWithRegisteredNames() {
    ModelRegistry r = registry();
    assertThatThrownBy(() -> r.activate("clinic-a", "v9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown model version 'v9'; registered: [v1, v2]. Register it first.");
    assertThatThrownBy(() -> r.startCohort("clinic-a", Cohort.percent("v9", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void register_atRuntime_thenActivate_andDuplicateRejected() {
    ModelRegistry r = registry();
    r.register("v3", ScriptedModelProvider.always("{}"));
    r.activate("clinic-a", "v3");
    assertThat(r.versionFor(encounter("clinic-a", "e"))).isEqualTo("v3");
    assertThat(r.versions()).containsExactlyInAnyOrder("v1", "v2", "v3");
    assertThatThrownBy(() -> r.register("v3", ScriptedModelProvider.always("{}")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_requiresRegisteredActiveVersion() {
    assertThatThrownBy(() -> ModelRegistry.builder().version("v1", ScriptedModelProvider.always("{}")).build())
        .hasMessage("ModelRegistry needs active(version) for all tenants");
    assertThatThrownBy(() -> ModelRegistry.builder().version("v1", ScriptedModelProvider.always("{}"))
        .active("v2").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ModelRegistry.builder().version("bad name", ScriptedModelProvider.always("{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentSwitchesAndRoutes_alwaysRouteToARegisteredVersion() {
    ModelRegistry r = registry();
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      tasks.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 300; i++) {
          if (n == 0) {
            r.activate("clinic-a", i % 2 == 0 ? "v2" : "v1");
          } else {
            assertThat(r.versionFor(encounter("clinic-a", "e" + i))).isIn("v1", "v2");
          }
        }
      }));
    }
    tasks.forEach(CompletableFuture::join);
    assertThat(r.activeVersion("clinic-a")).isEqualTo("v1");
  }
}
