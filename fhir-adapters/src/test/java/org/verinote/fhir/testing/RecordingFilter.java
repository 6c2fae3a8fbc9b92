package org.verinote.fhir.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every request as sent, then applies the {@link FaultPlan}'s immediate faults and bearer check. */
final class RecordingFilter implements Filter {

  private final FaultPlan faults;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  RecordingFilter(FaultPlan faults) {
    this.faults = faults;
  }

  List<RecordedRequest> requests() {
    return requests;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    byte[] body = http.getInputStream().readAllBytes();
    Map<String, String> headers = new TreeMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), http.getHeader(name));
    }
    String path = http.getPathInfo() == null ? "/" : http.getPathInfo();
    RecordedRequest recorded = new RecordedRequest(http.getMethod(), path, http.getQueryString(), Map.copyOf(headers),
        new String(body, StandardCharsets.UTF_8));
    requests.add(recorded);
    HttpServletResponse out = (HttpServletResponse) res;
    String bearer = faults.requiredBearer();
    if (bearer != null && !("Bearer " + bearer).equals(http.getHeader("Authorization"))) {
      fail(out, 401, "login", "Missing or invalid bearer token");
      return;
    }
    int status = faults.takeImmediate(http.getMethod(), recorded.resourceType());
    if (status != 0) {
      fail(out, status, status >= 500 ? "exception" : "processing", "Injected fault");
      return;
    }
    chain.doFilter(new CachedBody(http, body), res);
  }

  private static void fail(HttpServletResponse out, int status, String code, String text) throws IOException {
    out.setStatus(status);
    out.setContentType("application/fhir+json;charset=utf-8");
    out.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
        + code + "\",\"diagnostics\":\"" + text + "\",\"expression\":[\"DocumentReference\"]}]}");
  }

  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("async reads are not supported by the test server");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
