package org.verinote.fhir.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * An in-process FHIR R4 server for tests: Jetty 12 + HAPI {@link RestfulServer} on 127.0.0.1 and a random port,
 * over an in-memory {@link ResourceStore}, with request recording and scripted {@link FaultPlan faults}.
 *
 * {@snippet :
 * try (FhirTestServer server = FhirTestServer.start()) {
 *   server.loadFixture();
 *   server.faults().respond("POST", "DocumentReference", 500, 1);
 *   // … point an adapter at server.baseUrl() …
 * }
 * }
 */
public final class FhirTestServer implements AutoCloseable {

  private static final FhirContext CTX = FhirContext.forR4Cached();

  /** Id of the self-made fixture patient. */
  public static final String FIXTURE_PATIENT = "Patient/pt-fixture";
  /** Id of the self-made fixture encounter. */
  public static final String FIXTURE_ENCOUNTER = "Encounter/enc-fixture";

  private final Server jetty;
  private final URI base;
  private final ResourceStore store;
  private final FaultPlan faults;
  private final RecordingFilter recorder;

  private FhirTestServer(Server jetty, URI base, ResourceStore store, FaultPlan faults, RecordingFilter recorder) {
    this.jetty = jetty;
    this.base = base;
    this.store = store;
    this.faults = faults;
    this.recorder = recorder;
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @return the running server
   * @throws Exception if Jetty cannot start
   */
  public static FhirTestServer start() throws Exception {
    ResourceStore store = new ResourceStore(CTX);
    FaultPlan faults = new FaultPlan();
    RestfulServer fhir = new RestfulServer(CTX);
    fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
    fhir.setResourceProviders(List.of(
        new StoreProvider<>(Patient.class, store, faults),
        new StoreProvider<>(Encounter.class, store, faults),
        new StoreProvider<>(Condition.class, store, faults),
        new StoreProvider<>(MedicationRequest.class, store, faults),
        new StoreProvider<>(Observation.class, store, faults),
        new StoreProvider<>(DocumentReference.class, store, faults),
        new StoreProvider<>(Provenance.class, store, faults)));
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler handler = new ServletContextHandler();
    handler.setContextPath("/");
    RecordingFilter recorder = new RecordingFilter(faults);
    handler.addFilter(new FilterHolder(recorder), "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
    handler.addServlet(new ServletHolder(fhir), "/fhir/*");
    jetty.setHandler(handler);
    jetty.start();
    URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/fhir");
    return new FhirTestServer(jetty, base, store, faults, recorder);
  }

  /** @return the FHIR base URL */
  public URI baseUrl() {
    return base;
  }

  /** @return the store behind the server */
  public ResourceStore store() {
    return store;
  }

  /** @return the fault plan */
  public FaultPlan faults() {
    return faults;
  }

  /** @return every request received so far, in order */
  public List<RecordedRequest> requests() {
    return List.copyOf(recorder.requests());
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    recorder.requests().clear();
  }

  /** @return the shared R4 context */
  public static FhirContext fhirContext() {
    return CTX;
  }

  /**
   * Loads the self-made fixture (patient {@link #FIXTURE_PATIENT}, encounter {@link #FIXTURE_ENCOUNTER}, a
   * condition, a medication request and a prior note).
   *
   * @return this server
   */
  public FhirTestServer loadFixture() {
    try (InputStream in = FhirTestServer.class.getResourceAsStream("/fhir/fixture-bundle.json")) {
      if (in == null) {
        throw new IllegalStateException("fixture-bundle.json is missing from the test class path");
      }
      Bundle b = CTX.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      for (Bundle.BundleEntryComponent e : b.getEntry()) {
        store.put(e.getResource());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /**
   * Loads a Synthea transaction bundle, turning {@code urn:uuid:} full URLs into {@code Type/uuid} ids and
   * references.
   *
   * @param bundleFile the JSON bundle
   * @return the patient id loaded ({@code Patient/…}), or null if the bundle had none
   * @throws IOException if the file cannot be read
   */
  public String loadTransactionBundle(Path bundleFile) throws IOException {
    Bundle b = CTX.newJsonParser().parseResource(Bundle.class, Files.readString(bundleFile));
    Map<String, String> urnToRef = new HashMap<>();
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      if (e.getResource() != null && e.getFullUrl() != null && e.getFullUrl().startsWith("urn:uuid:")) {
        urnToRef.put(e.getFullUrl(), e.getResource().fhirType() + "/" + e.getFullUrl().substring(9));
      }
    }
    String patient = null;
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      Resource r = e.getResource();
      if (r == null) {
        continue;
      }
      for (Reference ref : CTX.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
        String mapped = ref.getReference() == null ? null : urnToRef.get(ref.getReference());
        if (mapped != null) {
          ref.setReference(mapped);
        }
      }
      String ref = urnToRef.get(e.getFullUrl());
      if (ref != null) {
        r.setId(ref);
      }
      String id = store.put(r);
      if (r instanceof Patient && patient == null) {
        patient = "Patient/" + id;
      }
    }
    return patient;
  }

  /**
   * Loads one resource from a JSON file, keeping its id.
   *
   * @param file the JSON resource
   * @return its {@code Type/id}
   * @throws IOException if the file cannot be read
   */
  public String loadResource(Path file) throws IOException {
    Resource r = (Resource) CTX.newJsonParser().parseResource(Files.readString(file));
    return r.fhirType() + "/" + store.put(r);
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
