package org.verinote.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.verinote.core.Attempt;
import org.verinote.core.Encounter;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.Provenance;
import org.verinote.core.Status;
import org.verinote.core.StructuredNote;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;
import org.verinote.core.review.DraftStore;
import org.verinote.core.review.ReviewDraft;
import org.verinote.core.review.ReviewWorkflow;
import org.verinote.core.review.TenantContext;
import org.verinote.fhir.FhirR4Adapter;

/**
 * FHIR R4 write-back cost per note, against a loopback stub server that answers instantly: encounter read,
 * conditional create of the DocumentReference, Provenance search and create (4 HTTP round-trips), or the ledger
 * short-circuit for an already-confirmed note. Measures the adapter's own overhead (mapping, HAPI JSON, HTTP
 * client), not an EHR.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FhirAdapterBench {

  private static final int NOTES = 4000;

  private HttpServer server;
  private URI base;
  private ApprovedNote[] notes;
  private FhirR4Adapter adapter;
  private int next;
  private ApprovedNote confirmed;

  @Setup(Level.Trial)
  public void start() throws IOException {
    AtomicLong ids = new AtomicLong();
    // the JDK server leaves Nagle on by default: small responses would wait for delayed ACKs (~40 ms each)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/fhir", exchange -> answer(exchange, ids));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir");
    ReviewWorkflow review = ReviewWorkflow.builder().store(DraftStore.inMemory()).build();
    TenantContext tenant = TenantContext.of("bench");
    notes = new ApprovedNote[NOTES];
    for (int i = 0; i < NOTES; i++) {
      notes[i] = approve(review, tenant, i);
    }
  }

  @Setup(Level.Iteration)
  public void freshAdapter() {
    adapter = FhirR4Adapter.builder().serverBase(base).readTimeout(Duration.ofSeconds(5)).build();
    next = 0;
    confirmed = notes[NOTES - 1];
    adapter.submit(confirmed);
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
  }

  /** A new note: 4 loopback round-trips (encounter, conditional create, Provenance search, Provenance create). */
  @Benchmark
  public SubmissionReceipt submitNewNote() {
    return adapter.submit(notes[next++ % (NOTES - 1)]);
  }

  /** A note the ledger already confirmed: no network. */
  @Benchmark
  public SubmissionReceipt submitConfirmedNote() {
    return adapter.submit(confirmed);
  }

  private static ApprovedNote approve(ReviewWorkflow review, TenantContext tenant, int i) {
    Encounter e = Encounter.builder().tenantId("bench").encounterId("enc-1").patientRef("Patient/pt-1")
        .transcript(Transcript.parse("[doctor] how are you ?\n[patient] a cough for three days ."))
        .template(NoteTemplate.soap()).build();
    StructuredNote note = StructuredNote.of("soap", "1", List.of(
        new NoteSection("subjective", "Subjective", "Cough for three days, worse at night, no fever.", List.of()),
        new NoteSection("objective", "Objective", "Temperature 37.1 C. Chest clear on auscultation.", List.of()),
        new NoteSection("assessment", "Assessment", "Viral upper respiratory tract infection.", List.of()),
        new NoteSection("plan", "Plan", "Fluids, rest, paracetamol as needed; review in one week.", List.of())));
    Provenance p = Provenance.builder().modelRunId("run-" + i).model("bench-model", "1").prompt("SMALL_LOCAL", "1")
        .template("soap", "1").deidentifier("disabled", false)
        .attempt(new Attempt(1, "bench-model", "1", Attempt.Outcome.ACCEPTED, "{}", "", "", Duration.ofMillis(1), 1,
            1))
        .build();
    ReviewDraft d = review.createDraft(tenant, e,
        StructuringResult.drafted(e, Status.DRAFTED, note, List.of(), Map.of(), p));
    return review.approve(tenant, d.draftId(), d.version(), "dr-bench");
  }

  private void answer(HttpExchange x, AtomicLong ids) throws IOException {
    x.getRequestBody().readAllBytes();
    String path = x.getRequestURI().getPath();
    String body;
    int status = 200;
    if ("POST".equals(x.getRequestMethod())) {
      String type = path.substring(path.lastIndexOf('/') + 1);
      x.getResponseHeaders().add("Location", base + "/" + type + "/" + ids.incrementAndGet() + "/_history/1");
      status = 201;
      body = "";
    } else if (path.endsWith("/Encounter/enc-1")) {
      body = "{\"resourceType\":\"Encounter\",\"id\":\"enc-1\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
          + "\"subject\":{\"reference\":\"Patient/pt-1\"},\"period\":{\"start\":\"2024-03-05T09:00:00Z\"}}";
    } else {
      body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";
    }
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/fhir+json");
    x.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      x.getResponseBody().write(out);
    }
    x.close();
  }
}
