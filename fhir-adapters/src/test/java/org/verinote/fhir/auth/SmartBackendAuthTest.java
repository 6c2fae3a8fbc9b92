package org.verinote.fhir.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verinote.core.AdapterException;

/** SMART Backend Services against a loopback token endpoint: the exact request, the signed assertion, caching. */
class SmartBackendAuthTest {

  private static RSAKey rsa;
  private static ECKey ec;

  private HttpServer server;
  private URI endpoint;
  private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
  private final Deque<String[]> answers = new ArrayDeque<>();

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      form.put("_contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
      forms.add(form);
      String[] answer;
      synchronized (answers) {
        answer = answers.isEmpty() ? new String[] {"200", token("tok-default", 300)} : answers.poll();
      }
      byte[] out = answer[1].getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(Integer.parseInt(answer[0]), out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String token(String value, int expiresIn) {
    return "{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
        + ",\"scope\":\"system/DocumentReference.write\"}";
  }

  private void enqueue(int status, String body) {
    synchronized (answers) {
      answers.add(new String[] {String.valueOf(status), body});
    }
  }

  private SmartBackendAuth.Builder auth(Clock clock) {
    return SmartBackendAuth.builder().tokenEndpoint(endpoint).clientId("verinote-test").signingKey(rsa)
        .scope("system/DocumentReference.write system/Patient.read").clock(clock);
  }

  @Test
  void authorization_rsaKey_postsClientCredentialsWithRs384AssertionAndReturnsBearer() throws Exception {
    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    enqueue(200, token("tok-1", 300));

    String header = auth(Clock.fixed(now, ZoneOffset.UTC)).build().authorization().orElseThrow();

    assertThat(header).isEqualTo("Bearer tok-1");
    Map<String, String> form = forms.get(0);
    assertThat(form.get("_contentType")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form.get("grant_type")).isEqualTo("client_credentials");
    assertThat(form.get("scope")).isEqualTo("system/DocumentReference.write system/Patient.read");
    assertThat(form.get("client_assertion_type")).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("rsa-1");
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
    assertThat(jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("verinote-test");
    assertThat(claims.getSubject()).isEqualTo("verinote-test");
    assertThat(claims.getAudience()).containsExactly(endpoint.toString());
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void authorization_p384Key_signsEs384() throws Exception {
    enqueue(200, token("tok-ec", 300));

    SmartBackendAuth.builder().tokenEndpoint(endpoint).clientId("c").signingKey(ec).scope("system/*.read").build()
        .authorization();

    SignedJWT jwt = SignedJWT.parse(forms.get(0).get("client_assertion"));
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
    assertThat(jwt.verify(new ECDSAVerifier(ec.toECPublicKey()))).isTrue();
  }

  @Test
  void authorization_calledTwiceWithinLifetime_requestsOneToken() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    enqueue(200, token("tok-1", 300));
    enqueue(200, token("tok-2", 300));
    SmartBackendAuth auth = auth(clock).build();

    assertThat(auth.authorization()).contains("Bearer tok-1");
    clock.advance(Duration.ofSeconds(200));
    assertThat(auth.authorization()).contains("Bearer tok-1");
    assertThat(forms).hasSize(1);

    clock.advance(Duration.ofSeconds(80));
    assertThat(auth.authorization()).contains("Bearer tok-2");
    assertThat(forms).hasSize(2);
  }

  @Test
  void invalidate_dropsTheCachedToken() {
    enqueue(200, token("tok-1", 300));
    enqueue(200, token("tok-2", 300));
    SmartBackendAuth auth = auth(Clock.systemUTC()).build();

    auth.authorization();
    assertThat(auth.invalidate()).isTrue();

    assertThat(auth.authorization()).contains("Bearer tok-2");
  }

  @Test
  void authorization_clientRefused_throwsNonRetriableNamingTheKey() {
    enqueue(401, "{\"error\":\"invalid_client\"}");

    assertThatThrownBy(() -> auth(Clock.systemUTC()).build().authorization())
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.status()).hasValue(401);
          assertThat(e.isRetriable()).isFalse();
          assertThat(e.getMessage()).isEqualTo("SMART token request refused: HTTP 401 (invalid_client). Check the "
              + "client id, the registered public key (kid rsa-1) and the scope.");
        });
  }

  @Test
  void authorization_tokenServerDown_throwsRetriable() {
    enqueue(503, "{}");

    assertThatThrownBy(() -> auth(Clock.systemUTC()).build().authorization())
        .isInstanceOfSatisfying(AdapterException.class, e -> {
          assertThat(e.status()).hasValue(503);
          assertThat(e.isRetriable()).isTrue();
        });
  }

  @Test
  void authorization_responseWithoutToken_throwsNonRetriable() {
    enqueue(200, "{\"token_type\":\"bearer\"}");

    assertThatThrownBy(() -> auth(Clock.systemUTC()).build().authorization())
        .isInstanceOf(AdapterException.class)
        .hasMessage("SMART token response had no access_token. Check the token endpoint.");
  }

  @Test
  void builder_p256Key_isRejected() throws Exception {
    ECKey p256 = new ECKeyGenerator(Curve.P_256).keyID("p256").generate();

    assertThatThrownBy(() -> SmartBackendAuth.builder().signingKey(p256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EC signing key must use curve P-384 for ES384, got P-256");
  }

  @Test
  void builder_publicKeyOnly_isRejected() {
    assertThatThrownBy(() -> SmartBackendAuth.builder().signingKey(rsa.toPublicJWK()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Signing key must include the private part");
  }

  @Test
  void toString_neverPrintsTokenOrKey() {
    enqueue(200, token("secret-token", 300));
    SmartBackendAuth auth = auth(Clock.systemUTC()).build();
    auth.authorization();

    assertThat(auth.toString()).doesNotContain("secret-token").contains("kid=rsa-1").contains("alg=RS384");
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
