package org.verinote.core.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server for testing model providers on the real wire, in the style of OkHttp's MockWebServer:
 * {@link #enqueue(MockResponse) enqueue} answers, make the call, then {@link #takeRequest() take} the request the
 * client sent and assert on its path, headers and JSON body.
 *
 * <p>It speaks HTTP/1.1 on raw sockets so that it can also misbehave: reset the connection, cut a body in half, or
 * never answer (see {@link MockResponse.Fault}). Keep-alive is supported. Binds to 127.0.0.1 only. Thread-safe.
 *
 * {@snippet :
 * try (MockModelServer server = MockModelServer.start()) {
 *   server.enqueue(MockResponse.json(200, "{\"choices\": []}"));
 *   // ... call server.baseUrl() + "/v1/chat/completions"
 *   RecordedRequest sent = server.takeRequest();
 *   assertThat(sent.path()).isEqualTo("/v1/chat/completions");
 * }
 * }
 */
public final class MockModelServer implements AutoCloseable {

  private final ServerSocket socket;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mock-model-server");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentLinkedQueue<MockResponse> script = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<RecordedRequest> received = new LinkedBlockingQueue<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger requestCount = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile MockResponse otherwise = MockResponse.json(500,
      "{\"error\": {\"type\": \"mock_script_exhausted\"}}");

  private MockModelServer(ServerSocket socket) {
    this.socket = socket;
    workers.execute(this::acceptLoop);
  }

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @return the running server
   * @throws IOException if no port can be bound
   */
  public static MockModelServer start() throws IOException {
    return new MockModelServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  /** @return {@code http://127.0.0.1:PORT} (no trailing slash) */
  public String baseUrl() {
    return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  /**
   * Appends an answer to the script; requests take answers in order.
   *
   * @param response the answer
   */
  public void enqueue(MockResponse response) {
    script.add(response);
  }

  /**
   * Sets the answer used once the script is exhausted (default: HTTP 500 {@code mock_script_exhausted}).
   *
   * @param response the answer
   */
  public void otherwise(MockResponse response) {
    this.otherwise = response;
  }

  /**
   * The next request received, waiting up to 5 s.
   *
   * @return the request
   * @throws AssertionError if none arrives
   */
  public RecordedRequest takeRequest() {
    try {
      RecordedRequest r = received.poll(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("No request arrived within 5 s (received so far: " + requestCount.get() + ")");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a request", e);
    }
  }

  /** @return how many requests arrived so far */
  public int requestCount() {
    return requestCount.get();
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        workers.execute(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        RecordedRequest request = readRequest(in);
        if (request == null) {
          return;
        }
        requestCount.incrementAndGet();
        received.add(request);
        MockResponse r = script.poll();
        if (r == null) {
          r = otherwise;
        }
        if (!r.delay().isZero() && closed.await(r.delay().toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
        switch (r.faultKind()) {
          case RESET:
            s.setSoLinger(true, 0);
            return;
          case NO_RESPONSE:
            closed.await(10, TimeUnit.MINUTES);
            return;
          case TRUNCATE_BODY:
            byte[] body = r.bodyBytes();
            out.write(head(r, body.length));
            out.write(body, 0, body.length / 2);
            out.flush();
            return;
          default:
            byte[] full = r.bodyBytes();
            out.write(head(r, full.length));
            out.write(full);
            out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the server closed
    } finally {
      open.remove(s);
    }
  }

  private static byte[] head(MockResponse r, int length) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status()))
        .append("\r\n");
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    sb.append("Content-Length: ").append(length).append("\r\n\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    if (status == 200) {
      return "OK";
    }
    return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status";
  }

  private static RecordedRequest readRequest(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ", 3);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
    }
    List<String> cl = headers.get("content-length");
    int length = cl == null ? 0 : Integer.parseInt(cl.get(0));
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      return null;
    }
    return new RecordedRequest(parts[0], parts.length > 1 ? parts[1] : "", headers,
        new String(body, StandardCharsets.UTF_8));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /**
   * Waits until {@code n} requests have arrived, up to the given time.
   *
   * @param n the count
   * @param max the longest wait
   * @return whether the count was reached
   */
  public boolean awaitRequests(int n, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (requestCount.get() < n && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return requestCount.get() >= n;
  }

  @Override
  public String toString() {
    return "MockModelServer[" + baseUrl() + ", requests=" + requestCount.get() + "]";
  }
}
