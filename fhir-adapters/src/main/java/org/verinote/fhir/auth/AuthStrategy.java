package org.verinote.fhir.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * How an adapter authenticates to the EHR: supplies the {@code Authorization} header for each request.
 *
 * <p>Implementations must be thread-safe. {@link #none()} and {@link #bearer(String)} cover static set-ups;
 * {@link SmartBackendAuth} obtains and caches tokens with SMART Backend Services. Write your own for other
 * schemes (mutual TLS needs none; a vendor token service needs a few lines).
 */
public interface AuthStrategy {

  /** The kind of credential, matched against a vendor profile's accepted styles. */
  enum Style {
    /** No credential (a network-protected endpoint). */
    NONE,
    /** A fixed bearer token. */
    STATIC_BEARER,
    /** SMART Backend Services: client_credentials with a signed JWT assertion. */
    SMART_BACKEND_SERVICES
  }

  /**
   * The {@code Authorization} header value for the next request. May block to fetch a token.
   *
   * @return the header value, or empty for no header
   * @throws org.verinote.core.AdapterException if a token cannot be obtained
   */
  Optional<String> authorization();

  /**
   * The credential kind.
   *
   * @return the style
   */
  Style style();

  /**
   * Called when the EHR answered 401 Unauthorized: drop any cached credential so that the next
   * {@link #authorization()} fetches a fresh one. The default does nothing.
   *
   * @return {@code true} if a fresh credential may succeed where the last one failed (the adapter then retries once)
   */
  default boolean invalidate() {
    return false;
  }

  /**
   * No authentication.
   *
   * @return the strategy
   */
  static AuthStrategy none() {
    return StaticAuth.NONE;
  }

  /**
   * A fixed bearer token.
   *
   * @param token the access token
   * @return the strategy; its {@code toString()} never prints the token
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if {@code token} is blank or contains whitespace
   */
  static AuthStrategy bearer(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank() || !token.strip().equals(token) || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("Bearer token must be non-blank without whitespace");
    }
    return new StaticAuth(Style.STATIC_BEARER, "Bearer " + token);
  }
}
