package org.verinote.fhir;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.Map;
import org.verinote.fhir.auth.AuthStrategy;

/** Adds the {@code Authorization} header and the vendor profile's extra headers to every request. */
final class HeaderInterceptor implements IClientInterceptor {

  private final AuthStrategy auth;
  private final Map<String, String> extraHeaders;

  HeaderInterceptor(AuthStrategy auth, Map<String, String> extraHeaders) {
    this.auth = auth;
    this.extraHeaders = extraHeaders;
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    auth.authorization().ifPresent(h -> request.addHeader("Authorization", h));
    extraHeaders.forEach(request::addHeader);
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    // nothing to do on the way back
  }
}
