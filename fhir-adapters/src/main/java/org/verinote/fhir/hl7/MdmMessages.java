package org.verinote.fhir.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.DataTypeException;
import ca.uhn.hl7v2.model.v251.datatype.TX;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import ca.uhn.hl7v2.model.v251.segment.TXA;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.verinote.core.review.ApprovedNote;

/** Builds the MDM^T02 v2.5.1 message for an approved note. Stateless. */
final class MdmMessages {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

  /** LOINC document type → HL7 table 0270 document type; anything else is sent as the LOINC code itself. */
  private static final Map<String, String> TABLE_0270 = Map.of(
      "11506-3", "PN",
      "11488-4", "CN",
      "34117-2", "HP",
      "18842-5", "DS",
      "28570-0", "PR");

  private static final Map<String, String> LOINC_DISPLAY = Map.of(
      "11506-3", "Progress note",
      "11488-4", "Consult note",
      "34117-2", "History and physical note",
      "18842-5", "Discharge summary",
      "28570-0", "Procedure note");

  private MdmMessages() {}

  /** Who sends to whom. */
  record Routing(String sendingApplication, String sendingFacility, String receivingApplication,
      String receivingFacility) {}

  /**
   * Builds the message.
   *
   * @param note the note
   * @param routing MSH-3..6
   * @param controlId MSH-10, unique per send
   * @param completionStatus TXA-17
   * @param now message time
   * @return the message
   */
  static MDM_T02 build(ApprovedNote note, Routing routing, String controlId, String completionStatus, Instant now)
      throws HL7Exception, IOException {
    MDM_T02 m = new MDM_T02();
    MSH msh = m.getMSH();
    msh.getFieldSeparator().setValue("|");
    msh.getEncodingCharacters().setValue("^~\\&");
    msh.getSendingApplication().getNamespaceID().setValue(routing.sendingApplication());
    msh.getSendingFacility().getNamespaceID().setValue(routing.sendingFacility());
    msh.getReceivingApplication().getNamespaceID().setValue(routing.receivingApplication());
    msh.getReceivingFacility().getNamespaceID().setValue(routing.receivingFacility());
    msh.getDateTimeOfMessage().getTime().setValue(TS.format(now));
    msh.getMessageType().getMessageCode().setValue("MDM");
    msh.getMessageType().getTriggerEvent().setValue("T02");
    msh.getMessageType().getMessageStructure().setValue("MDM_T02");
    msh.getMessageControlID().setValue(controlId);
    msh.getProcessingID().getProcessingID().setValue("P");
    msh.getVersionID().getVersionID().setValue("2.5.1");
    msh.getCharacterSet(0).setValue("UNICODE UTF-8");

    m.getEVN().getEventTypeCode().setValue("T02");
    m.getEVN().getRecordedDateTime().getTime().setValue(TS.format(note.approvedAt()));

    PID pid = m.getPID();
    pid.getSetIDPID().setValue("1");
    String patient = note.patientRef().map(MdmMessages::idPart).orElse("");
    pid.getPatientIdentifierList(0).getIDNumber().setValue(patient);
    pid.getPatientIdentifierList(0).getIdentifierTypeCode().setValue("MR");

    PV1 pv1 = m.getPV1();
    pv1.getSetIDPV1().setValue("1");
    pv1.getPatientClass().setValue("U");
    pv1.getVisitNumber().getIDNumber().setValue(idPart(note.encounterId()));

    TXA txa = m.getTXA();
    String loinc = note.documentTypeCode();
    String ts = TS.format(note.approvedAt());
    txa.getSetIDTXA().setValue("1");
    txa.getDocumentType().setValue(TABLE_0270.getOrDefault(loinc, loinc));
    txa.getDocumentContentPresentation().setValue("TX");
    txa.getActivityDateTime().getTime().setValue(ts);
    txa.getPrimaryActivityProviderCodeName(0).getIDNumber().setValue(note.approvedBy());
    txa.getOriginationDateTime().getTime().setValue(ts);
    txa.getOriginatorCodeName(0).getIDNumber().setValue(note.approvedBy());
    txa.getAssignedDocumentAuthenticator(0).getIDNumber().setValue(note.approvedBy());
    txa.getUniqueDocumentNumber().getEntityIdentifier().setValue(note.submissionKey());
    txa.getUniqueDocumentNumber().getNamespaceID().setValue(routing.sendingApplication());
    txa.getDocumentCompletionStatus().setValue(completionStatus);
    txa.getDocumentAvailabilityStatus().setValue("AV");
    txa.getAuthenticationPersonTimeStamp(0).getIDNumber().setValue(note.approvedBy());
    txa.getAuthenticationPersonTimeStamp(0).getDateTimeActionPerformed().getTime().setValue(ts);

    String[] lines = note.note().toPlainText().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      OBX obx = m.getOBSERVATION(i).getOBX();
      obx.getSetIDOBX().setValue(String.valueOf(i + 1));
      obx.getValueType().setValue("TX");
      obx.getObservationIdentifier().getIdentifier().setValue(loinc);
      obx.getObservationIdentifier().getText().setValue(LOINC_DISPLAY.getOrDefault(loinc, "Clinical note"));
      obx.getObservationIdentifier().getNameOfCodingSystem().setValue("LN");
      TX tx = new TX(m);
      setText(tx, lines[i].stripTrailing());
      obx.getObservationValue(0).setData(tx);
      obx.getObservationResultStatus().setValue("F");
    }
    return m;
  }

  private static void setText(TX tx, String line) throws DataTypeException {
    tx.setValue(line);
  }

  /**
   * A HAPI context for MDM: no message validation (the receiver validates), {@link StrictEscaping} so that note
   * text is never read as formatting.
   *
   * @return a new context
   */
  static HapiContext newContext() {
    HapiContext hapi = new DefaultHapiContext();
    hapi.setValidationContext(ValidationContextFactory.noValidation());
    hapi.getParserConfiguration().setEscaping(new StrictEscaping());
    // HAPI's default id generator persists a counter in ./id_file: a library must not write to the working directory.
    hapi.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.UUIDGenerator());
    return hapi;
  }

  static String idPart(String ref) {
    int slash = ref.lastIndexOf('/');
    return slash < 0 ? ref : ref.substring(slash + 1);
  }
}
