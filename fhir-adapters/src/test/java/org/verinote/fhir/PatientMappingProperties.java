package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.verinote.core.PatientContext;

/**
 * Whatever an EHR puts in a Patient — blanks, padding, odd characters — the mapping never fails, never invents a
 * blank identifier (which would match everything during de-identification), and keeps every non-blank value.
 */
class PatientMappingProperties {

  @Property(tries = 200)
  void patient_anyStrings_mapsEveryNonBlankValueAndNoBlankOne(
      @ForAll @Size(max = 4) List<@StringLength(max = 12) String> given,
      @ForAll @StringLength(max = 12) String family,
      @ForAll @Size(max = 3) List<@StringLength(max = 12) String> identifiers,
      @ForAll @Size(max = 3) List<@StringLength(max = 12) String> phones) {
    Patient p = new Patient();
    HumanName name = p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family);
    given.forEach(name::addGiven);
    identifiers.forEach(v -> p.addIdentifier().setValue(v));
    phones.forEach(v -> p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(v));

    PatientContext ctx = ContextMapper.patient(p);

    assertThat(ctx.givenNames()).containsExactlyElementsOf(
        given.stream().filter(s -> !s.isBlank()).map(String::strip).toList());
    assertThat(ctx.familyName()).isEqualTo(
        family.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(family.strip()));
    assertThat(ctx.identifiers()).containsExactlyElementsOf(
        identifiers.stream().filter(s -> !s.isBlank()).map(String::strip).toList());
    assertThat(ctx.phones()).containsExactlyElementsOf(
        phones.stream().filter(s -> !s.isBlank()).map(String::strip).toList());
    assertThat(ctx.givenNames()).noneMatch(String::isBlank);
  }
}
