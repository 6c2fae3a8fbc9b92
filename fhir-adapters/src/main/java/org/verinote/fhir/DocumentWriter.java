package org.verinote.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ICreateTyped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verinote.core.AdapterException;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.auth.AuthStrategy;

/**
 * Writes one approved note exactly once: ledger, conditional create, reconciliation by identifier after any lost
 * or failed answer, bounded retries, then Provenance. Calls for the same key are serialised.
 */
final class DocumentWriter {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentWriter.class);

  /** What the write needs from its adapter. */
  interface Context {
    IGenericClient client();

    EncounterContext encounterOrNull(String encounterRef);
  }

  private final String adapterName;
  private final Context context;
  private final DocumentMapper.Settings settings;
  private final SubmissionLedger ledger;
  private final AuthStrategy auth;
  private final boolean provenance;
  private final int maxAttempts;
  private final Duration backoff;
  private final Clock clock;
  /** Striped locks: submissions of one key never overlap; memory stays bounded however many keys pass. */
  private final Object[] locks = new Object[64];

  DocumentWriter(String adapterName, Context context, DocumentMapper.Settings settings, SubmissionLedger ledger,
      AuthStrategy auth, boolean provenance, int maxAttempts, Duration backoff, Clock clock) {
    this.adapterName = adapterName;
    this.context = context;
    this.settings = settings;
    this.ledger = ledger;
    this.auth = auth;
    this.provenance = provenance && settings.profile().provenanceAccepted();
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  SubmissionReceipt submit(ApprovedNote note) {
    String key = note.submissionKey();
    synchronized (locks[Math.floorMod(key.hashCode(), locks.length)]) {
      return submitLocked(note, key);
    }
  }

  private SubmissionReceipt submitLocked(ApprovedNote note, String key) {
    SubmissionLedger.Entry prior = ledger.find(key).orElse(null);
    if (prior != null && prior.state() == SubmissionLedger.State.CONFIRMED) {
      LOG.debug("submission {} already confirmed as {}", key, prior.recordId());
      return receipt(key, prior.recordId(), true);
    }
    VendorProfile profile = settings.profile();
    DocumentReference doc = prepare(note);
    boolean unsettled = prior != null && prior.state() != SubmissionLedger.State.REJECTED;
    String recordId = null;
    boolean duplicate = false;
    if (unsettled || !profile.conditionalCreate()) {
      if (profile.identifierHonoured()) {
        recordId = findExisting(key);
        duplicate = recordId != null;
      } else if (unsettled && prior.state() != SubmissionLedger.State.PENDING) {
        throw unknownOutcome(key);
      }
    }
    boolean authRetried = false;
    int attempt = 0;
    while (recordId == null) {
      attempt++;
      record(key, SubmissionLedger.State.PENDING, null);
      record(key, SubmissionLedger.State.SENT, null);
      try {
        MethodOutcome out = create(doc, key);
        if (out.getId() == null || !out.getId().hasIdPart()) {
          record(key, SubmissionLedger.State.UNKNOWN, null);
          throw new AdapterException("FHIR create DocumentReference: the server answered HTTP "
              + out.getResponseStatusCode() + " without a Location. The outcome is unknown; submit again to "
              + "reconcile by identifier.", out.getResponseStatusCode(), true, null);
        }
        recordId = "DocumentReference/" + out.getId().getIdPart();
        boolean created = Boolean.TRUE.equals(out.getCreated()) || out.getResponseStatusCode() == 201;
        duplicate = !created && attempt == 1 && !authRetried;
      } catch (RuntimeException e) {
        AdapterException mapped = FhirErrors.map("create DocumentReference", e, true);
        int status = mapped.status().orElse(-1);
        if (status == 401 && !authRetried && auth.invalidate()) {
          authRetried = true;
          attempt--;
          continue;
        }
        if (!mapped.isRetriable()) {
          record(key, SubmissionLedger.State.REJECTED, null);
          throw mapped;
        }
        record(key, SubmissionLedger.State.UNKNOWN, null);
        if (!profile.identifierHonoured()) {
          throw unknownOutcome(key);
        }
        LOG.info("submission {} attempt {} of {}: {}; reconciling", key, attempt, maxAttempts,
            status < 0 ? "no answer" : "HTTP " + status);
        pause(attempt);
        recordId = findExisting(key);
        if (recordId == null && attempt >= maxAttempts) {
          throw mapped;
        }
      }
    }
    record(key, SubmissionLedger.State.UNKNOWN, recordId);
    if (provenance) {
      ensureProvenance(note, recordId);
    }
    record(key, SubmissionLedger.State.CONFIRMED, recordId);
    return receipt(key, recordId, duplicate);
  }

  private DocumentReference prepare(ApprovedNote note) {
    VendorProfile profile = settings.profile();
    EncounterContext encounter = context.encounterOrNull(
        DocumentMapper.reference("Encounter", note.encounterId()));
    if (encounter == null && profile.encounterRequired()) {
      throw new AdapterException("Encounter " + note.encounterId() + " is not known to the server and vendor profile '"
          + profile.name() + "' requires one. Check the encounter id; do not retry unchanged.", 404, false, null);
    }
    String patientRef = note.patientRef().map(p -> DocumentMapper.reference("Patient", p))
        .orElse(encounter == null ? null : encounter.patientRef());
    if (patientRef == null) {
      throw new AdapterException("Note " + note.draftId() + " has no patient reference and its encounter names none; "
          + "a DocumentReference needs a subject. Attach the patient to the encounter and approve again.", -1, false,
          null);
    }
    if (encounter != null && encounter.patientRef() != null && !sameRef(encounter.patientRef(), patientRef)) {
      throw new AdapterException("Encounter " + encounter.encounterRef() + " belongs to a different patient than note "
          + note.draftId() + ". Refusing to file it; check the encounter and patient ids.", -1, false, null);
    }
    return DocumentMapper.documentReference(note, patientRef, encounter, settings);
  }

  private static boolean sameRef(String a, String b) {
    return tail(a).equals(tail(b));
  }

  private static String tail(String ref) {
    String[] parts = ref.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : ref;
  }

  private MethodOutcome create(DocumentReference doc, String key) {
    ICreateTyped create = context.client().create().resource(doc);
    if (settings.profile().conditionalCreate()) {
      create = create.withAdditionalHeader("If-None-Exist", identifierQuery(key));
    }
    return create.execute();
  }

  /**
   * The {@code If-None-Exist} value: search parameters only, exactly as the FHIR specification shows
   * ({@code identifier=system|value}); values outside the URL-safe set are percent-encoded.
   */
  String identifierQuery(String key) {
    String token = settings.identifierSystem() + "|" + key;
    boolean safe = key.matches("[A-Za-z0-9._~:-]+");
    return "identifier=" + (safe ? token : java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The id of the one DocumentReference carrying the key, or null; throws if several do. */
  String findExisting(String key) {
    Bundle bundle;
    try {
      bundle = context.client().search().forResource(DocumentReference.class)
          .where(DocumentReference.IDENTIFIER.exactly().systemAndCode(settings.identifierSystem(), key))
          .returnBundle(Bundle.class)
          .execute();
    } catch (RuntimeException e) {
      throw FhirErrors.map("search DocumentReference by identifier", e, false);
    }
    List<String> ids = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof DocumentReference && carries((DocumentReference) entry.getResource(), key)) {
        ids.add("DocumentReference/" + entry.getResource().getIdElement().getIdPart());
      }
    }
    if (ids.size() > 1) {
      throw new AdapterException("Submission " + key + " matches " + ids.size() + " DocumentReferences " + ids
          + ". Resolve the duplicates in the EHR; do not retry.", 412, false, null);
    }
    return ids.isEmpty() ? null : ids.get(0);
  }

  private boolean carries(DocumentReference d, String key) {
    for (Identifier id : d.getIdentifier()) {
      if (settings.identifierSystem().equals(id.getSystem()) && key.equals(id.getValue())) {
        return true;
      }
    }
    return false;
  }

  private void ensureProvenance(ApprovedNote note, String recordId) {
    try {
      Bundle existing = context.client().search().forResource(Provenance.class)
          .where(Provenance.TARGET.hasId(recordId))
          .returnBundle(Bundle.class)
          .execute();
      for (Bundle.BundleEntryComponent e : existing.getEntry()) {
        if (e.getResource() != null && e.getResource().getResourceType() == ResourceType.Provenance
            && targets((Provenance) e.getResource(), recordId)) {
          return;
        }
      }
      ICreateTyped create = context.client().create().resource(DocumentMapper.provenance(note, recordId));
      if (settings.profile().conditionalCreate()) {
        create = create.withAdditionalHeader("If-None-Exist", "target=" + recordId);
      }
      create.execute();
    } catch (RuntimeException e) {
      throw FhirErrors.map("write Provenance for " + recordId, e, true);
    }
  }

  private static boolean targets(Provenance p, String recordId) {
    for (Reference r : p.getTarget()) {
      if (r.getReference() != null && sameRef(r.getReference(), recordId)) {
        return true;
      }
    }
    return false;
  }

  private AdapterException unknownOutcome(String key) {
    return new AdapterException("Submission " + key + ": the outcome of an earlier write is unknown and vendor profile '"
        + settings.profile().name() + "' cannot search by identifier to reconcile it. Check the EHR by hand before "
        + "submitting again.", -1, false, null);
  }

  private void pause(int attempt) {
    long millis = backoff.toMillis() * attempt;
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException("Interrupted while waiting to reconcile a submission", -1, true, e);
    }
  }

  private void record(String key, SubmissionLedger.State state, String recordId) {
    ledger.record(new SubmissionLedger.Entry(key, state, recordId, clock.instant()));
  }

  private SubmissionReceipt receipt(String key, String recordId, boolean duplicate) {
    return new SubmissionReceipt(adapterName, key, recordId, duplicate, clock.instant());
  }
}
