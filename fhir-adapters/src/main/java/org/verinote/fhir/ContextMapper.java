package org.verinote.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.verinote.core.PatientContext;
import org.verinote.core.record.EncounterContext;

/** Maps FHIR Patient and Encounter resources to Verinote's context types. Stateless. */
final class ContextMapper {

  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

  private ContextMapper() {}

  /**
   * Patient → PatientContext: the official (else first) name gives given and family names; other names of the
   * patient and of their contacts become other names; the identifier typed {@code MR} is the MRN, all others are
   * identifiers; every address line; the first address's city and postal code; phones, faxes and e-mails. Blank
   * values are skipped.
   */
  static PatientContext patient(Patient p) {
    PatientContext.Builder b = PatientContext.builder();
    HumanName primary = primaryName(p);
    if (primary != null) {
      for (StringType g : primary.getGiven()) {
        if (nonBlank(g.getValue())) {
          b.givenName(g.getValue());
        }
      }
      if (nonBlank(primary.getFamily())) {
        b.familyName(primary.getFamily());
      }
    }
    for (HumanName n : p.getName()) {
      if (n != primary) {
        addFullName(b, n);
      }
    }
    for (Patient.ContactComponent c : p.getContact()) {
      if (c.hasName()) {
        addFullName(b, c.getName());
      }
    }
    String birth = p.getBirthDateElement().getValueAsString();
    if (birth != null && birth.length() == 10) {
      b.birthDate(LocalDate.parse(birth));
    }
    if (p.hasGender()) {
      switch (p.getGender()) {
        case MALE:
          b.sex(PatientContext.Sex.MALE);
          break;
        case FEMALE:
          b.sex(PatientContext.Sex.FEMALE);
          break;
        default:
          b.sex(PatientContext.Sex.OTHER);
      }
    }
    boolean mrnSet = false;
    for (Identifier id : p.getIdentifier()) {
      if (!nonBlank(id.getValue())) {
        continue;
      }
      if (!mrnSet && isMrn(id)) {
        b.mrn(id.getValue());
        mrnSet = true;
      } else {
        b.identifier(id.getValue());
      }
    }
    boolean placeSet = false;
    for (Address a : p.getAddress()) {
      for (StringType line : a.getLine()) {
        if (nonBlank(line.getValue())) {
          b.addressLine(line.getValue());
        }
      }
      if (!placeSet && (nonBlank(a.getCity()) || nonBlank(a.getPostalCode()))) {
        if (nonBlank(a.getCity())) {
          b.city(a.getCity());
        }
        if (nonBlank(a.getPostalCode())) {
          b.postalCode(a.getPostalCode());
        }
        placeSet = true;
      }
    }
    for (ContactPoint t : p.getTelecom()) {
      if (!nonBlank(t.getValue())) {
        continue;
      }
      if (t.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
        b.email(t.getValue());
      } else if (t.getSystem() == null || t.getSystem() == ContactPoint.ContactPointSystem.PHONE
          || t.getSystem() == ContactPoint.ContactPointSystem.FAX || t.getSystem() == ContactPoint.ContactPointSystem.SMS
          || t.getSystem() == ContactPoint.ContactPointSystem.PAGER) {
        b.phone(t.getValue());
      }
    }
    return b.build();
  }

  /** Encounter → EncounterContext with a versionless {@code Encounter/id} reference. */
  static EncounterContext encounter(Encounter e) {
    String ref = "Encounter/" + e.getIdElement().getIdPart();
    String patient = e.hasSubject() && e.getSubject().hasReference() ? e.getSubject().getReference() : null;
    Instant start = e.hasPeriod() ? instant(e.getPeriod().getStart()) : null;
    Instant end = e.hasPeriod() ? instant(e.getPeriod().getEnd()) : null;
    String status = e.hasStatus() ? e.getStatus().toCode() : null;
    return new EncounterContext(ref, patient, start, end, status);
  }

  static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  static LocalDate date(Date d) {
    return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static HumanName primaryName(Patient p) {
    for (HumanName n : p.getName()) {
      if (n.getUse() == HumanName.NameUse.OFFICIAL) {
        return n;
      }
    }
    for (HumanName n : p.getName()) {
      if (n.getUse() != HumanName.NameUse.OLD) {
        return n;
      }
    }
    return p.getName().isEmpty() ? null : p.getName().get(0);
  }

  private static void addFullName(PatientContext.Builder b, HumanName n) {
    StringBuilder sb = new StringBuilder();
    for (StringType g : n.getGiven()) {
      if (nonBlank(g.getValue())) {
        sb.append(g.getValue().strip()).append(' ');
      }
    }
    if (nonBlank(n.getFamily())) {
      sb.append(n.getFamily().strip());
    }
    String full = sb.toString().strip();
    if (full.isEmpty() && nonBlank(n.getText())) {
      full = n.getText().strip();
    }
    if (!full.isEmpty()) {
      b.otherName(full);
    }
  }

  private static boolean isMrn(Identifier id) {
    if (!id.hasType()) {
      return false;
    }
    for (Coding c : id.getType().getCoding()) {
      if ("MR".equals(c.getCode()) && (c.getSystem() == null || V2_0203.equals(c.getSystem()))) {
        return true;
      }
    }
    return false;
  }

  static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }
}
