package org.verinote.core.providers;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.verinote.core.Encounter;

class CohortPropertiesTest {

  @Property(tries = 300)
  void raisingThePercentage_neverRemovesAnEncounter(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String id,
      @ForAll @DoubleRange(min = 0, max = 100) double low, @ForAll @DoubleRange(min = 0, max = 100) double high) {
    Encounter e = ModelRegistryTest.encounter("clinic-a", id);
    double a = Math.min(low, high);
    double b = Math.max(low, high);
    if (Cohort.percent("v2", a).includes(e)) {
      assertThat(Cohort.percent("v2", b).includes(e)).isTrue();
    }
  }

  @Property(tries = 300)
  void bucket_isStableAndInRange(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String id) {
    int bucket = Cohort.bucket("clinic-a", id);
    assertThat(bucket).isBetween(0, 9999).isEqualTo(Cohort.bucket("clinic-a", id));
    assertThat(Cohort.percent("v2", 100).includes(ModelRegistryTest.encounter("clinic-a", id))).isTrue();
    assertThat(Cohort.percent("v2", 0).includes(ModelRegistryTest.encounter("clinic-a", id))).isFalse();
  }
}
