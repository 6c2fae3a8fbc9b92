package org.verinote.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;

/** Reads a patient's recent notes, problems and medications: three searches by patient, first page only. */
final class HistoryReader {

  private static final Comparator<Instant> NEWEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

  private final IGenericClient client;

  HistoryReader(IGenericClient client) {
    this.client = client;
  }

  RecentHistory read(IdType patient, int limit) {
    List<RecentHistory.Note> notes = new ArrayList<>();
    for (Resource r : search("DocumentReference", patient, limit)) {
      if (r instanceof DocumentReference) {
        notes.add(note((DocumentReference) r));
      }
    }
    List<RecentHistory.Item> problems = new ArrayList<>();
    for (Resource r : search("Condition", patient, limit)) {
      if (r instanceof Condition) {
        Condition c = (Condition) r;
        Instant date = c.hasOnsetDateTimeType() ? ContextMapper.instant(c.getOnsetDateTimeType().getValue())
            : ContextMapper.instant(c.getRecordedDate());
        String status = c.hasClinicalStatus() && c.getClinicalStatus().hasCoding()
            ? c.getClinicalStatus().getCodingFirstRep().getCode() : null;
        problems.add(item(c, c.getCode(), status, date));
      }
    }
    List<RecentHistory.Item> meds = new ArrayList<>();
    for (Resource r : search("MedicationRequest", patient, limit)) {
      if (r instanceof MedicationRequest) {
        MedicationRequest m = (MedicationRequest) r;
        CodeableConcept code = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
        meds.add(item(m, code, m.hasStatus() ? m.getStatus().toCode() : null,
            ContextMapper.instant(m.getAuthoredOn())));
      }
    }
    notes.sort(Comparator.comparing(RecentHistory.Note::date, NEWEST_FIRST));
    problems.sort(Comparator.comparing(RecentHistory.Item::date, NEWEST_FIRST));
    meds.sort(Comparator.comparing(RecentHistory.Item::date, NEWEST_FIRST));
    return new RecentHistory(head(notes, limit), head(problems, limit), head(meds, limit));
  }

  private List<Resource> search(String type, IdType patient, int limit) {
    try {
      Bundle b = client.search().forResource(type)
          .where(new ca.uhn.fhir.rest.gclient.ReferenceClientParam("patient").hasId(patient.getValue()))
          .count(limit)
          .returnBundle(Bundle.class)
          .execute();
      List<Resource> out = new ArrayList<>();
      for (Bundle.BundleEntryComponent e : b.getEntry()) {
        if (e.getResource() != null) {
          out.add(e.getResource());
        }
      }
      return out;
    } catch (RuntimeException e) {
      throw FhirErrors.map("search " + type + " by patient", e, false);
    }
  }

  private static RecentHistory.Note note(DocumentReference d) {
    String type = d.hasType() && d.getType().hasCoding() ? d.getType().getCodingFirstRep().getCode() : null;
    String text = null;
    for (DocumentReference.DocumentReferenceContentComponent c : d.getContent()) {
      if (c.hasAttachment() && c.getAttachment().hasData() && c.getAttachment().getContentType() != null
          && c.getAttachment().getContentType().startsWith("text/")) {
        text = new String(c.getAttachment().getData(), StandardCharsets.UTF_8);
        break;
      }
    }
    return new RecentHistory.Note("DocumentReference/" + d.getIdElement().getIdPart(), type,
        ContextMapper.instant(d.getDate()), text);
  }

  private static RecentHistory.Item item(Resource r, CodeableConcept code, String status, Instant date) {
    Coding c = code != null && code.hasCoding() ? code.getCodingFirstRep() : null;
    String display = c != null && c.hasDisplay() ? c.getDisplay() : code != null ? code.getText() : null;
    return new RecentHistory.Item(r.fhirType() + "/" + r.getIdElement().getIdPart(), c == null ? null : c.getSystem(),
        c == null ? null : c.getCode(), display, status, date);
  }

  private static <T> List<T> head(List<T> list, int n) {
    return list.size() <= n ? list : list.subList(0, n);
  }
}
