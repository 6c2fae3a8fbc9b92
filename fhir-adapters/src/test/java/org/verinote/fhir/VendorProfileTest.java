package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.auth.AuthStrategy;
import org.verinote.fhir.conformance.ApprovedNotes;
import org.verinote.fhir.testing.FhirTestServer;
import org.verinote.fhir.testing.RecordedRequest;

/** Vendor differences are settings: each one changes what goes on the wire, and bad settings fail at build time. */
class VendorProfileTest {

  private static FhirTestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FhirTestServer.start().loadFixture();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.faults().clear();
    server.clearRequests();
  }

  private DocumentReference submitWith(VendorProfile profile) {
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");
    FhirR4Adapter.builder().serverBase(server.baseUrl()).profile(profile).build().submit(note);
    List<Resource> docs = server.store().search("DocumentReference", FhirR4Adapter.DEFAULT_IDENTIFIER_SYSTEM,
        note.submissionKey(), null, null);
    return (DocumentReference) docs.get(0);
  }

  @Test
  void genericR4_defaults_areFinalPlainTextWithAuthorAndConditionalCreate() {
    VendorProfile p = VendorProfile.genericR4();

    assertThat(p.name()).isEqualTo("generic-r4");
    assertThat(p.docStatus()).isEqualTo(VendorProfile.DocStatus.FINAL);
    assertThat(p.attachmentTypes()).containsExactly("text/plain");
    assertThat(p.authorAllowed()).isTrue();
    assertThat(p.encounterRequired()).isFalse();
    assertThat(p.conditionalCreate()).isTrue();
    assertThat(p.identifierHonoured()).isTrue();
    assertThat(p.loincTypeAccepted()).isTrue();
    assertThat(p.provenanceAccepted()).isTrue();
    assertThat(p.extraHeaders()).isEmpty();
  }

  @Test
  void preliminaryWithoutAuthor_writesPreliminaryDocStatusAndNoAuthor() {
    DocumentReference d = submitWith(VendorProfile.genericR4().toBuilder("site-a")
        .docStatus(VendorProfile.DocStatus.PRELIMINARY).authorAllowed(false).build());

    assertThat(d.getDocStatus().toCode()).isEqualTo("preliminary");
    assertThat(d.hasAuthor()).isFalse();
  }

  @Test
  void proprietaryTypeCode_isSentBesideLoinc() {
    DocumentReference d = submitWith(VendorProfile.genericR4().toBuilder("site-b")
        .proprietaryType("11506-3", new VendorProfile.TypeCode("urn:oid:1.2.840.114350.1", "1", "Progress Notes"))
        .build());

    assertThat(d.getType().getCoding()).extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("http://loinc.org", "11506-3"),
            org.assertj.core.groups.Tuple.tuple("urn:oid:1.2.840.114350.1", "1"));
  }

  @Test
  void loincRefusedWithoutMapping_throwsNonRetriableNamingTheFix() {
    VendorProfile p = VendorProfile.genericR4().toBuilder("site-c").loincTypeAccepted(false).build();

    assertThatThrownBy(() -> submitWith(p)).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.isRetriable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("Vendor profile 'site-c' accepts no LOINC type codes and maps no "
          + "proprietary code for LOINC 11506-3. Add proprietaryType(\"11506-3\", …) to the profile.");
    });
  }

  @Test
  void markdownAccepted_sendsTextMarkdownAttachment() {
    DocumentReference d = submitWith(VendorProfile.genericR4().toBuilder("site-d")
        .attachmentTypes(Set.of("text/plain", "text/markdown")).build());

    assertThat(d.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/markdown; charset=utf-8");
  }

  @Test
  void extraHeaders_areSentOnEveryRequest() {
    submitWith(VendorProfile.genericR4().toBuilder("site-e").extraHeader("Epic-Client-ID", "client-123").build());

    assertThat(server.requests()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.header("Epic-Client-ID")).isEqualTo("client-123"));
  }

  @Test
  void noProvenance_writesOnlyTheDocument() {
    submitWith(VendorProfile.genericR4().toBuilder("site-f").provenanceAccepted(false).build());

    assertThat(server.requests()).extracting(RecordedRequest::resourceType).doesNotContain("Provenance");
  }

  @Test
  void authStyleNotAccepted_failsAtBuild() {
    VendorProfile smartOnly = VendorProfile.genericR4().toBuilder("smart-only")
        .authStyles(Set.of(AuthStrategy.Style.SMART_BACKEND_SERVICES)).build();

    assertThatThrownBy(() -> FhirR4Adapter.builder().serverBase(server.baseUrl()).profile(smartOnly)
        .auth(AuthStrategy.bearer("t")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Vendor profile 'smart-only' accepts auth [SMART_BACKEND_SERVICES], got STATIC_BEARER");
  }

  @Test
  void builder_rejectsAuthorizationAsExtraHeaderAndBadMediaTypes() {
    assertThatThrownBy(() -> VendorProfile.builder("x").extraHeader("authorization", "Bearer t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Authorization is set by the AuthStrategy, not by a profile header");
    assertThatThrownBy(() -> VendorProfile.builder("x").attachmentTypes(Set.of("text/plain; charset=utf-8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Attachment type must be 'type/subtype' without parameters, got 'text/plain; charset=utf-8'");
    assertThatThrownBy(() -> VendorProfile.builder("x").attachmentTypes(Set.of("application/pdf")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Profile 'x' must accept text/plain or text/markdown, got [application/pdf]");
  }

  @Test
  void builder_isRepeatableAndToStringHidesHeaderValues() {
    VendorProfile.Builder b = VendorProfile.builder("y").extraHeader("X-Api-Key", "secret-value");

    VendorProfile first = b.build();
    VendorProfile second = b.build();

    assertThat(first.extraHeaders()).isEqualTo(second.extraHeaders());
    assertThat(first.toString()).contains("X-Api-Key").doesNotContain("secret-value");
  }
}
