package org.verinote.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.verinote.core.AdapterException;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.review.ApprovedNote;

/**
 * Maps an approved note to a US Core–shaped DocumentReference and its Provenance. Stateless; the vendor profile
 * decides the choices that differ between servers.
 */
final class DocumentMapper {

  static final String LOINC = "http://loinc.org";
  static final String US_CORE_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
  static final String SECURITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
  static final String AI_ASSERTED = "AIAST";
  static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

  private static final Map<String, String> LOINC_DISPLAY = Map.of(
      "11506-3", "Progress note",
      "11488-4", "Consult note",
      "34117-2", "History and physical note",
      "18842-5", "Discharge summary",
      "28570-0", "Procedure note",
      "34111-5", "Emergency department note",
      "57133-1", "Referral note",
      "34746-8", "Nurse note");

  private DocumentMapper() {}

  /** The inputs the mapping needs beyond the note. */
  record Settings(VendorProfile profile, String identifierSystem, boolean markdown, boolean aiLabel) {}

  /**
   * Builds the DocumentReference.
   *
   * @param note the approved note
   * @param patientRef the resolved {@code Patient/…} reference
   * @param encounter the encounter the server knows, or {@code null}
   * @param s the settings
   * @return the resource, without id
   * @throws AdapterException (non-retriable) if the profile cannot express the note's type
   */
  static DocumentReference documentReference(ApprovedNote note, String patientRef, EncounterContext encounter,
      Settings s) {
    VendorProfile profile = s.profile();
    DocumentReference d = new DocumentReference();
    if (s.aiLabel()) {
      d.getMeta().addSecurity(SECURITY_SYSTEM, AI_ASSERTED, "Artificial Intelligence asserted");
    }
    d.addIdentifier().setSystem(s.identifierSystem()).setValue(note.submissionKey());
    d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    switch (profile.docStatus()) {
      case FINAL:
        d.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        break;
      case PRELIMINARY:
        d.setDocStatus(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        break;
      default:
        break;
    }
    d.setType(type(note.documentTypeCode(), profile));
    d.addCategory(new CodeableConcept(new Coding(US_CORE_CATEGORY, "clinical-note", "Clinical Note")));
    d.setSubject(new Reference(patientRef));
    d.setDate(Date.from(note.approvedAt()));
    if (profile.authorAllowed()) {
      d.addAuthor(new Reference(reference("Practitioner", note.approvedBy())));
    }
    if (encounter != null) {
      DocumentReference.DocumentReferenceContextComponent ctx = d.getContext();
      ctx.addEncounter(new Reference(encounter.encounterRef()));
      if (encounter.start() != null) {
        Period period = new Period().setStart(Date.from(encounter.start()));
        if (encounter.end() != null) {
          period.setEnd(Date.from(encounter.end()));
        }
        ctx.setPeriod(period);
      }
    }
    String text = s.markdown() ? note.note().toMarkdown() : note.note().toPlainText();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Attachment a = new Attachment();
    a.setContentType(contentType(s.markdown(), profile));
    a.setData(bytes);
    a.setSize(bytes.length);
    a.setHash(sha1(bytes));
    a.setTitle(title(note.documentTypeCode()));
    a.setCreationElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(note.approvedAt())));
    d.addContent().setAttachment(a);
    return d;
  }

  /**
   * Builds the Provenance for a stored DocumentReference: the approving clinician as author, the drafting model as
   * a contained Device agent.
   */
  static Provenance provenance(ApprovedNote note, String documentRef) {
    Provenance p = new Provenance();
    p.addTarget(new Reference(documentRef));
    p.setRecorded(Date.from(note.approvedAt()));
    p.setActivity(new CodeableConcept(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE", "create")));
    Device model = new Device();
    model.setId("model");
    model.addDeviceName().setName(note.modelId()).setType(Device.DeviceNameType.MODELNAME);
    model.addVersion().setValue(note.modelVersion());
    p.getContained().add(model);
    p.addAgent()
        .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "author", "Author")))
        .setWho(new Reference(reference("Practitioner", note.approvedBy())));
    p.addAgent()
        .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "assembler", "Assembler")))
        .setWho(new Reference("#model"));
    return p;
  }

  /** {@code Type/id} for a bare id; anything containing a slash is taken as a reference already. */
  static String reference(String type, String idOrRef) {
    return idOrRef.indexOf('/') >= 0 ? idOrRef : type + "/" + idOrRef;
  }

  static String contentType(boolean markdown, VendorProfile profile) {
    if ((markdown && profile.attachmentTypes().contains("text/markdown"))
        || !profile.attachmentTypes().contains("text/plain")) {
      return "text/markdown; charset=utf-8";
    }
    return VendorProfile.TEXT_PLAIN;
  }

  private static CodeableConcept type(String loinc, VendorProfile profile) {
    CodeableConcept cc = new CodeableConcept();
    if (profile.loincTypeAccepted()) {
      cc.addCoding(new Coding(LOINC, loinc, LOINC_DISPLAY.get(loinc)));
    }
    profile.proprietaryType(loinc).ifPresent(t -> cc.addCoding(new Coding(t.system(), t.code(), t.display())));
    if (cc.getCoding().isEmpty()) {
      throw new AdapterException("Vendor profile '" + profile.name() + "' accepts no LOINC type codes and maps no "
          + "proprietary code for LOINC " + loinc + ". Add proprietaryType(\"" + loinc + "\", …) to the profile.",
          -1, false, null);
    }
    String display = LOINC_DISPLAY.get(loinc);
    if (display != null) {
      cc.setText(display);
    }
    return cc;
  }

  private static String title(String loinc) {
    String display = LOINC_DISPLAY.get(loinc);
    return display == null ? "Clinical note" : display;
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }
}
