package org.verinote.fhir.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The in-memory FHIR database behind {@link FhirTestServer}: resources by type and id, searchable by identifier,
 * patient/subject and target references. Thread-safe (coarse lock).
 */
public final class ResourceStore {

  private static final Map<String, List<String>> PATIENT_PATHS = Map.of(
      "DocumentReference", List.of("subject"),
      "Condition", List.of("subject"),
      "MedicationRequest", List.of("subject"),
      "Encounter", List.of("subject"),
      "Observation", List.of("subject"),
      "Provenance", List.of());

  private final FhirContext ctx;
  private final Map<String, Map<String, Resource>> byType = new LinkedHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  ResourceStore(FhirContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Stores a copy, assigning an id if it has none.
   *
   * @param resource the resource
   * @return the stored id part
   */
  public synchronized String put(Resource resource) {
    Resource copy = resource.copy();
    String id = copy.getIdElement().hasIdPart() ? copy.getIdElement().getIdPart()
        : String.valueOf(nextId.getAndIncrement());
    copy.setId(copy.fhirType() + "/" + id);
    copy.getMeta().setVersionId("1");
    byType.computeIfAbsent(copy.fhirType(), t -> new LinkedHashMap<>()).put(id, copy);
    return id;
  }

  /** @return a copy of the resource, or null */
  public synchronized Resource get(String type, String id) {
    Resource r = byType.getOrDefault(type, Map.of()).get(id);
    return r == null ? null : r.copy();
  }

  /** @return copies of every resource of the type */
  public synchronized List<Resource> all(String type) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : byType.getOrDefault(type, Map.of()).values()) {
      out.add(r.copy());
    }
    return out;
  }

  /** @return how many resources of the type carry the identifier */
  public synchronized int countWithIdentifier(String type, String system, String value) {
    return search(type, system, value, null, null).size();
  }

  /**
   * Searches.
   *
   * @param type the resource type
   * @param idSystem identifier system, or null for any
   * @param idValue identifier value, or null to ignore identifiers
   * @param patient a {@code Patient/x} reference (subject/patient), or null
   * @param target a target reference (Provenance.target), or null
   * @return copies of the matches, in insertion order
   */
  public synchronized List<Resource> search(String type, String idSystem, String idValue, String patient,
      String target) {
    FhirTerser terser = ctx.newTerser();
    List<Resource> out = new ArrayList<>();
    for (Resource r : byType.getOrDefault(type, Map.of()).values()) {
      if (idValue != null && !hasIdentifier(terser, r, idSystem, idValue)) {
        continue;
      }
      if (patient != null && !references(terser, r, PATIENT_PATHS.getOrDefault(type, List.of("subject")), patient)) {
        continue;
      }
      if (target != null && !references(terser, r, List.of("target"), target)) {
        continue;
      }
      out.add(r.copy());
    }
    return out;
  }

  private static boolean hasIdentifier(FhirTerser terser, Resource r, String system, String value) {
    if (r.getNamedProperty("identifier") == null) {
      return false;
    }
    for (Identifier id : terser.getValues(r, "identifier", Identifier.class)) {
      if (value.equals(id.getValue()) && (system == null || system.equals(id.getSystem()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean references(FhirTerser terser, Resource r, List<String> paths, String ref) {
    for (String path : paths) {
      for (Reference x : terser.getValues(r, path, Reference.class)) {
        if (x.getReference() != null && (x.getReference().equals(ref) || x.getReference().endsWith("/" + ref))) {
          return true;
        }
      }
    }
    return false;
  }
}
