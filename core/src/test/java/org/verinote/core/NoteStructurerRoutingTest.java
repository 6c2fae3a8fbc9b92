package org.verinote.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.verinote.core.providers.Cohort;
import org.verinote.core.providers.ModelRegistry;
import org.verinote.core.testkit.ScriptedModelProvider;

class NoteStructurerRoutingTest {

  private static final String RAW = "{\"subjective\": \"cough\"}";

  private static Encounter encounter(String tenant, String id) {
    return Encounter.builder().tenantId(tenant).encounterId(id)
        .transcript(Transcript.parse("[doctor] what brings you in ?\n[patient] i have a cough ."))
        .template(NoteTemplate.soap()).build();
  }

  private static ModelRegistry registry() {
    return ModelRegistry.builder()
        .version("v1", ScriptedModelProvider.builder().id("local:small", "small-2025").otherwise(RAW).build())
        .version("v2", ScriptedModelProvider.builder().id("local:large", "large-2026").otherwise(RAW).build())
        .active("v1").build();
  }

  @Test
  void structure_withRouter_provenanceNamesRoutedVersion_andRollbackSwitchesBack() {
    ModelRegistry registry = registry();
    NoteStructurer s = NoteStructurer.builder().router(registry).build();
    Encounter e = encounter("clinic-a", "visit-1");

    StructuringResult before = s.structure(e);
    assertThat(before.provenance().modelId()).isEqualTo("local:small");
    assertThat(before.provenance().modelVersion()).isEqualTo("v1/small-2025");

    registry.activate("clinic-a", "v2");
    StructuringResult after = s.structure(e);
    assertThat(after.status()).isEqualTo(Status.DRAFTED);
    assertThat(after.provenance().modelVersion()).isEqualTo("v2/large-2026");
    assertThat(after.provenance().modelRunId()).isNotEqualTo(before.provenance().modelRunId());

    registry.rollback("clinic-a");
    assertThat(s.structure(e).provenance().modelVersion()).isEqualTo("v1/small-2025");
  }

  @Test
  void structure_withPredicateCohort_routesOnlyMatchingEncounters() {
    ModelRegistry registry = registry();
    registry.startCohort("clinic-a", Cohort.matching("v2", "pilot", enc -> enc.encounterId().startsWith("pilot")));
    NoteStructurer s = NoteStructurer.builder().router(registry).build();
    assertThat(s.structure(encounter("clinic-a", "pilot-7")).provenance().modelVersion()).startsWith("v2/");
    assertThat(s.structure(encounter("clinic-a", "visit-7")).provenance().modelVersion()).startsWith("v1/");
  }

  @Test
  void builder_modelAndRouterTogether_rejected() {
    ScriptedModelProvider m = ScriptedModelProvider.always(RAW);
    assertThatThrownBy(() -> NoteStructurer.builder().model(m).router(registry()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model was already set; set either model(...) or router(...)");
    assertThatThrownBy(() -> NoteStructurer.builder().router(registry()).model(m))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("router was already set; set either model(...) or router(...)");
    assertThatThrownBy(() -> NoteStructurer.builder().build())
        .hasMessage("NoteStructurer needs a model: call model(...) or router(...)");
  }

  @Test
  void model_onRoutingStructurer_throwsAndRouterIsExposed() {
    NoteStructurer s = NoteStructurer.builder().router(registry()).build();
    assertThat(s.router()).isPresent();
    assertThatThrownBy(s::model).isInstanceOf(IllegalStateException.class);
  }
}
