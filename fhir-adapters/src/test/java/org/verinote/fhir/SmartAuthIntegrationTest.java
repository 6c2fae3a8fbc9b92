package org.verinote.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.review.ApprovedNote;
import org.verinote.fhir.auth.SmartBackendAuth;
import org.verinote.fhir.conformance.ApprovedNotes;
import org.verinote.fhir.testing.FhirTestServer;
import org.verinote.fhir.testing.RecordedRequest;

/** A token the EHR revoked (401) is refreshed once through SMART Backend Services, then the write goes through. */
class SmartAuthIntegrationTest {

  private FhirTestServer fhir;
  private HttpServer tokens;
  private final AtomicInteger issued = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    fhir = FhirTestServer.start().loadFixture();
    tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokens.createContext("/token", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] out = ("{\"access_token\":\"tok-" + issued.incrementAndGet()
          + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    tokens.start();
  }

  @AfterEach
  void stop() {
    tokens.stop(0);
    fhir.close();
  }

  @Test
  void submit_tokenRevokedByEhr_refreshesOnceAndWrites() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    SmartBackendAuth auth = SmartBackendAuth.builder()
        .tokenEndpoint(URI.create("http://127.0.0.1:" + tokens.getAddress().getPort() + "/token"))
        .clientId("verinote").signingKey(key).scope("system/DocumentReference.write").build();
    FhirR4Adapter adapter = FhirR4Adapter.builder().serverBase(fhir.baseUrl()).auth(auth).build();
    adapter.readPatient("Patient/pt-fixture");
    fhir.faults().requireBearer("tok-2");
    fhir.clearRequests();
    ApprovedNote note = ApprovedNotes.approve("enc-fixture", "Patient/pt-fixture");

    adapter.submit(note);

    assertThat(fhir.store().countWithIdentifier("DocumentReference", FhirR4Adapter.DEFAULT_IDENTIFIER_SYSTEM,
        note.submissionKey())).isEqualTo(1);
    assertThat(issued).hasValue(2);
    assertThat(fhir.requests()).extracting(r -> r.header("Authorization"))
        .startsWith("Bearer tok-1", "Bearer tok-2");
    assertThat(fhir.requests()).filteredOn(r -> r.method().equals("POST")).extracting(RecordedRequest::resourceType)
        .containsExactly("DocumentReference", "Provenance");
  }
}
