package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verinote.fhir.conformance.ApprovedNotes;
import org.verinote.fhir.testing.FhirTestServer;

/** Every resource the adapter writes is valid base R4 and meets our US Core must-haves profile, offline. */
class DocumentReferenceValidationTest {

  static final String PROFILE = "https://verinote.org/fhir/StructureDefinition/verinote-documentreference";

  private static FhirValidator validator;
  private static FhirTestServer server;
  private static DocumentReference written;
  private static Provenance provenance;

  /**
   * The offline validator: base R4 plus our profile package, built once per JVM (it takes tens of seconds).
   *
   * @return the validator
   */
  static synchronized FhirValidator validator() throws IOException {
    if (validator == null) {
      FhirContext ctx = FhirContext.forR4Cached();
      PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
      ours.addStructureDefinition(loadProfile(ctx));
      ours.addCodeSystem(load(ctx, CodeSystem.class, "CodeSystem-v3-ObservationValue-aiast.json"));
      // ours first: R4's bundled v3-ObservationValue predates AIAST, which our package supplies as a fragment
      ValidationSupportChain chain = new ValidationSupportChain(ours, new DefaultProfileValidationSupport(ctx),
          new SnapshotGeneratingValidationSupport(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
          new CommonCodeSystemsTerminologyService(ctx));
      validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator;
  }

  @BeforeAll
  static void writeOneNote() throws Exception {
    validator();

    server = FhirTestServer.start().loadFixture();
    FhirR4Adapter.builder().serverBase(server.baseUrl()).build()
        .submit(ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture"));
    List<Resource> docs = server.store().all("DocumentReference");
    written = (DocumentReference) docs.get(docs.size() - 1);
    provenance = (Provenance) server.store().all("Provenance").get(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static StructureDefinition loadProfile(FhirContext ctx) throws IOException {
    return load(ctx, StructureDefinition.class, "StructureDefinition-verinote-documentreference.json");
  }

  static <T extends Resource> T load(FhirContext ctx, Class<T> type, String name) throws IOException {
    try (InputStream in = FhirR4Adapter.class.getResourceAsStream(name)) {
      return ctx.newJsonParser().parseResource(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static List<String> errors(ValidationResult r) {
    return r.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(SingleValidationMessage::toString)
        .collect(Collectors.toList());
  }

  @Test
  void writtenDocumentReference_isValidBaseR4() {
    assertThat(errors(validator.validateWithResult(written))).isEmpty();
  }

  @Test
  void writtenDocumentReference_meetsTheVerinoteUsCoreProfile() {
    ValidationResult r = validator.validateWithResult(written, new ValidationOptions().addProfile(PROFILE));

    assertThat(errors(r)).isEmpty();
  }

  @Test
  void writtenProvenance_isValidBaseR4() {
    assertThat(errors(validator.validateWithResult(provenance))).isEmpty();
  }

  @Test
  void documentWithoutSubjectOrIdentifier_failsTheProfile() {
    DocumentReference broken = written.copy();
    broken.setSubject(null);
    broken.getIdentifier().clear();
    broken.getCategory().clear();

    List<String> errors = errors(validator.validateWithResult(broken, new ValidationOptions().addProfile(PROFILE)));

    assertThat(errors).anySatisfy(e -> assertThat(e).contains("DocumentReference.subject"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("DocumentReference.identifier"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("vn-3"));
  }
}
