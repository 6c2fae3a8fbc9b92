package org.verinote.fhir.testing;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * A HAPI plain-server resource provider over a {@link ResourceStore}: read, create with conditional create
 * ({@code If-None-Exist} on identifier or target; 412 when several match), and search by identifier, patient,
 * subject and target.
 */
final class StoreProvider<T extends Resource> implements IResourceProvider {

  private final Class<T> type;
  private final String typeName;
  private final ResourceStore store;
  private final FaultPlan faults;

  StoreProvider(Class<T> type, ResourceStore store, FaultPlan faults) {
    this.type = type;
    this.typeName = type.getSimpleName();
    this.store = store;
    this.faults = faults;
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  @Read
  public T read(@IdParam IdType id) {
    Resource r = store.get(typeName, id.getIdPart());
    if (r == null) {
      throw new ResourceNotFoundException(id);
    }
    return type.cast(r);
  }

  @Create
  public MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String conditionalUrl) {
    MethodOutcome out;
    synchronized (store) {
      if (conditionalUrl != null) {
        List<Resource> matches = matches(conditionalUrl);
        if (matches.size() > 1) {
          throw new PreconditionFailedException("Conditional create matched " + matches.size() + " resources");
        }
        if (matches.size() == 1) {
          out = new MethodOutcome(matches.get(0).getIdElement().toUnqualifiedVersionless());
          out.setCreated(false);
          out.setResource(matches.get(0));
          return out;
        }
      }
      resource.setId((String) null);
      String id = store.put(resource);
      out = new MethodOutcome(new IdType(typeName, id, "1"));
      out.setCreated(true);
    }
    faults.afterStore(typeName);
    return out;
  }

  @Search(allowUnknownParams = true)
  public List<T> search(@OptionalParam(name = "identifier") TokenParam identifier,
      @OptionalParam(name = "patient") ReferenceParam patient,
      @OptionalParam(name = "subject") ReferenceParam subject,
      @OptionalParam(name = "target") ReferenceParam target,
      @Count Integer count) {
    String p = patient != null ? patient.getValue() : subject != null ? subject.getValue() : null;
    List<Resource> found = store.search(typeName, identifier == null ? null : identifier.getSystem(),
        identifier == null ? null : identifier.getValue(), p, target == null ? null : target.getValue());
    List<T> out = new ArrayList<>();
    for (Resource r : found) {
      if (count != null && out.size() >= count) {
        break;
      }
      out.add(type.cast(r));
    }
    return out;
  }

  private List<Resource> matches(String conditionalUrl) {
    String query = conditionalUrl.substring(conditionalUrl.indexOf('?') + 1);
    String system = null;
    String value = null;
    String target = null;
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = part.substring(0, eq);
      String v = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      if (name.equals("identifier")) {
        int bar = v.indexOf('|');
        system = bar < 0 ? null : v.substring(0, bar);
        value = bar < 0 ? v : v.substring(bar + 1);
      } else if (name.equals("target")) {
        target = v;
      }
    }
    if (value == null && target == null) {
      throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
          "Conditional create supports identifier or target only");
    }
    return store.search(typeName, system, value, null, target);
  }
}
