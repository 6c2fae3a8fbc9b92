package org.verinote.fhir.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.verinote.core.AdapterException;

/**
 * SMART Backend Services authorization: a {@code client_credentials} grant authenticated with a
 * {@code private_key_jwt} assertion signed RS384 (RSA key) or ES384 (P-384 EC key), the access token cached until
 * shortly before it expires.
 *
 * <p>Thread-safe: concurrent callers share one token; at most one token request is in flight. Cost: one HTTPS
 * round-trip and one signature per token lifetime, otherwise a field read. {@link #toString()} never prints the
 * token or the key.
 *
 * {@snippet :
 * AuthStrategy auth = SmartBackendAuth.builder()
 *     .tokenEndpoint(URI.create("https://ehr.example/oauth2/token"))
 *     .clientId("verinote-prod")
 *     .signingKey(rsaJwk)          // a com.nimbusds.jose.jwk.RSAKey with a key id
 *     .scope("system/DocumentReference.write system/Patient.read")
 *     .build();
 * }
 */
public final class SmartBackendAuth implements AuthStrategy {

  private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final URI tokenEndpoint;
  private final String clientId;
  private final JWK key;
  private final JWSAlgorithm algorithm;
  private final String scope;
  private final Clock clock;
  private final Duration timeout;
  private final Duration expirySkew;
  private final HttpClient http;

  private Token token;

  private record Token(String value, Instant refreshAt) {}

  private SmartBackendAuth(Builder b) {
    this.tokenEndpoint = b.tokenEndpoint;
    this.clientId = b.clientId;
    this.key = b.key;
    this.algorithm = b.key instanceof RSAKey ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
    this.scope = b.scope;
    this.clock = b.clock;
    this.timeout = b.timeout;
    this.expirySkew = b.expirySkew;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<String> authorization() {
    return Optional.of("Bearer " + currentToken());
  }

  @Override
  public Style style() {
    return Style.SMART_BACKEND_SERVICES;
  }

  /** Drops the cached token; the next request fetches a new one. */
  @Override
  public synchronized boolean invalidate() {
    token = null;
    return true;
  }

  private synchronized String currentToken() {
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.refreshAt())) {
      return token.value();
    }
    token = fetch(now);
    return token.value();
  }

  private Token fetch(Instant now) {
    String assertion = sign(now);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", scope);
    form.put("client_assertion_type", ASSERTION_TYPE);
    form.put("client_assertion", assertion);
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AdapterException("SMART token request to " + tokenEndpoint.getHost() + " failed: "
          + e.getClass().getSimpleName() + ". Retry later.", -1, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException("SMART token request interrupted", -1, true, e);
    }
    int status = response.statusCode();
    Map<String, Object> json = parse(response.body());
    if (status != 200) {
      Object error = json.get("error");
      boolean retriable = status >= 500 || status == 429;
      throw new AdapterException("SMART token request refused: HTTP " + status
          + (error instanceof String ? " (" + error + ")" : "")
          + (retriable ? ". Retry later." : ". Check the client id, the registered public key (kid "
              + key.getKeyID() + ") and the scope."), status, retriable, null);
    }
    Object accessToken = json.get("access_token");
    Object tokenType = json.get("token_type");
    if (!(accessToken instanceof String) || ((String) accessToken).isBlank()) {
      throw new AdapterException("SMART token response had no access_token. Check the token endpoint.", status,
          false, null);
    }
    if (tokenType instanceof String && !"bearer".equals(((String) tokenType).toLowerCase(Locale.ROOT))) {
      throw new AdapterException("SMART token response had token_type '" + tokenType + "', expected 'bearer'.",
          status, false, null);
    }
    long expiresIn = json.get("expires_in") instanceof Number ? ((Number) json.get("expires_in")).longValue() : 300;
    Instant refreshAt = now.plusSeconds(Math.max(0, expiresIn)).minus(expirySkew);
    return new Token((String) accessToken, refreshAt);
  }

  private static Map<String, Object> parse(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      return Map.of();
    }
  }

  private String sign(Instant now) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(clientId)
        .subject(clientId)
        .audience(tokenEndpoint.toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      JWSSigner signer = key instanceof RSAKey ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key);
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new AdapterException("Could not sign the SMART client assertion with key " + key.getKeyID() + ": "
          + e.getClass().getSimpleName(), -1, false, e);
    }
    return jwt.serialize();
  }

  @Override
  public String toString() {
    return "SmartBackendAuth[client=" + clientId + ", endpoint=" + tokenEndpoint.getHost() + ", alg=" + algorithm
        + ", kid=" + key.getKeyID() + "]";
  }

  /** Builds a {@link SmartBackendAuth}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private URI tokenEndpoint;
    private String clientId;
    private JWK key;
    private String scope;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(10);
    private Duration expirySkew = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Sets the token endpoint (from the server's {@code .well-known/smart-configuration}).
     *
     * @param uri an absolute http(s) URI
     * @return this builder
     * @throws IllegalArgumentException if not absolute http(s)
     */
    public Builder tokenEndpoint(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("Token endpoint must be an absolute http(s) URI, got '" + uri + "'");
      }
      this.tokenEndpoint = uri;
      return this;
    }

    /**
     * Sets the registered client id (the assertion's issuer and subject).
     *
     * @param id the client id
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder clientId(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      this.clientId = id;
      return this;
    }

    /**
     * Sets the private signing key: an RSA key (signs RS384) or a P-384 EC key (signs ES384), with a key id
     * matching the public key registered with the EHR.
     *
     * @param jwk the private key
     * @return this builder
     * @throws IllegalArgumentException if not a private RSA or P-384 EC key with a key id
     */
    public Builder signingKey(JWK jwk) {
      Objects.requireNonNull(jwk, "jwk");
      if (!jwk.isPrivate()) {
        throw new IllegalArgumentException("Signing key must include the private part");
      }
      if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
        throw new IllegalArgumentException("Signing key needs a key id (kid) matching the registered JWKS");
      }
      if (jwk instanceof ECKey && !Curve.P_384.equals(((ECKey) jwk).getCurve())) {
        throw new IllegalArgumentException("EC signing key must use curve P-384 for ES384, got "
            + ((ECKey) jwk).getCurve());
      }
      if (!(jwk instanceof RSAKey) && !(jwk instanceof ECKey)) {
        throw new IllegalArgumentException("Signing key must be RSA (RS384) or EC P-384 (ES384), got "
            + jwk.getKeyType());
      }
      this.key = jwk;
      return this;
    }

    /**
     * Sets the requested scopes, e.g. {@code system/DocumentReference.write}.
     *
     * @param scope space-separated scopes
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder scope(String scope) {
      Objects.requireNonNull(scope, "scope");
      if (scope.isBlank()) {
        throw new IllegalArgumentException("scope must not be blank");
      }
      this.scope = scope.strip();
      return this;
    }

    /**
     * Sets the clock used for assertion times and token expiry (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the token request timeout (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how long before expiry a token is refreshed (default 30 s).
     *
     * @param skew a non-negative duration
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder expirySkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("expirySkew must not be negative, got " + skew);
      }
      this.expirySkew = skew;
      return this;
    }

    /**
     * Builds the strategy.
     *
     * @return the strategy
     * @throws IllegalStateException if the endpoint, client id, key or scope is missing
     */
    public SmartBackendAuth build() {
      if (tokenEndpoint == null || clientId == null || key == null || scope == null) {
        throw new IllegalStateException("SmartBackendAuth needs tokenEndpoint, clientId, signingKey and scope; missing "
            + (tokenEndpoint == null ? "tokenEndpoint " : "") + (clientId == null ? "clientId " : "")
            + (key == null ? "signingKey " : "") + (scope == null ? "scope" : "").strip());
      }
      return new SmartBackendAuth(this);
    }
  }
}
