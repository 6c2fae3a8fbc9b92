package org.verinote.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.verinote.core.model.Message;
import org.verinote.core.model.ModelRequest;
import org.verinote.core.model.ModelResponse;
import org.verinote.core.providers.AnthropicProvider;
import org.verinote.core.providers.OllamaProvider;
import org.verinote.core.providers.OpenAiCompatibleProvider;

/**
 * What the provider layer (request mapping, Jackson, the Resilience4j retry/breaker/bulkhead/time-limiter stack,
 * response parsing and error mapping) adds per call, against a loopback JDK {@code HttpServer} that answers each
 * protocol instantly (a minimal keep-alive HTTP/1.1 server on a raw socket that writes each response in one
 * segment with TCP_NODELAY, so that delayed-ACK stalls do not swamp the figures). {@link #rawHttpClient} is the floor: the same bytes over the same JDK HTTP client, no
 * mapping, no parsing, no resilience. Overhead per call = provider − raw.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ProviderBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProviderBenchmark {

  private static final String NOTE = "{\\\"subjective\\\": \\\"cough for three days\\\", \\\"plan\\\": \\\"rest\\\"}";
  private static final byte[] OPENAI = ("{\"id\":\"c1\",\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,"
      + "\"message\":{\"role\":\"assistant\",\"content\":\"" + NOTE + "\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":120}}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] ANTHROPIC = ("{\"id\":\"m1\",\"type\":\"message\",\"model\":\"claude-x\",\"content\":"
      + "[{\"type\":\"text\",\"text\":\"" + NOTE + "\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":900,"
      + "\"output_tokens\":120}}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] OLLAMA = ("{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\""
      + NOTE + "\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":900,\"eval_count\":120}")
      .getBytes(StandardCharsets.UTF_8);

  private ServerSocket server;
  private ExecutorService serverThreads;
  private HttpClient rawClient;
  private HttpRequest rawRequest;
  private OpenAiCompatibleProvider openai;
  private AnthropicProvider anthropic;
  private OllamaProvider ollama;
  private ModelRequest request;
  private final ObjectMapper json = new ObjectMapper();

  /** Starts the loopback server and the providers. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    serverThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bench-loopback-server");
      t.setDaemon(true);
      return t;
    });
    serverThreads.execute(this::acceptLoop);
    String base = "http://127.0.0.1:" + server.getLocalPort();

    StringBuilder transcript = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      transcript.append("[doctor] how long have you had the cough ?\n[patient] about three days , worse at night .\n");
    }
    request = ModelRequest.builder()
        .message(Message.system("You are a clinical documentation assistant. Return one JSON object."))
        .message(Message.user("<transcript>\n" + transcript + "</transcript>"))
        .jsonSchema("{\"type\":\"object\",\"properties\":{\"subjective\":{\"type\":\"string\"},"
            + "\"plan\":{\"type\":\"string\"}}}")
        .build();
    openai = OpenAiCompatibleProvider.builder().baseUrl(base + "/v1").modelName("gpt-4o").apiKey("sk-bench")
        .build();
    anthropic = AnthropicProvider.builder().baseUrl(base).apiKey("ak-bench").modelName("claude-x").build();
    ollama = OllamaProvider.builder().baseUrl(base).modelName("llama3.2:3b").build();

    rawClient = HttpClient.newHttpClient();
    byte[] body = json.writeValueAsBytes(json.createObjectNode().put("model", "gpt-4o")
        .put("content", request.outboundText()));
    rawRequest = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
        .version(HttpClient.Version.HTTP_1_1)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        serverThreads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(h.substring(15).trim());
          }
        }
        in.readNBytes(length);
        byte[] body = requestLine.contains("/api/chat") ? OLLAMA
            : requestLine.contains("/v1/messages") ? ANTHROPIC : OPENAI;
        ByteArrayOutputStream response = new ByteArrayOutputStream(body.length + 128);
        response.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        response.write(body);
        out.write(response.toByteArray());
        out.flush();
      }
    } catch (IOException e) {
      // client went away
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    server.close();
    serverThreads.shutdownNow();
  }

  /**
   * The floor: one POST and the body as bytes.
   *
   * @return the body
   */
  @Benchmark
  public byte[] rawHttpClient() throws IOException, InterruptedException {
    return rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  /**
   * The floor plus Jackson: parse the answer into a tree.
   *
   * @return the tree
   */
  @Benchmark
  public JsonNode rawHttpClientAndJackson() throws IOException, InterruptedException {
    return json.readTree(rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  /** @return a full OpenAI-compatible call */
  @Benchmark
  public ModelResponse openAiCompatible() {
    return openai.generate(request);
  }

  /** @return a full Anthropic Messages call */
  @Benchmark
  public ModelResponse anthropic() {
    return anthropic.generate(request);
  }

  /** @return a full Ollama /api/chat call */
  @Benchmark
  public ModelResponse ollama() {
    return ollama.generate(request);
  }
}
