package org.verinote.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.verinote.core.deid.PhiSpan;
import org.verinote.core.deid.SafeHarborDeIdentifier;

/**
 * Token-level scoring of a de-identifier against a gold JSONL file ({@code {"id", "text", "spans": [{"start",
 * "end", "type"}]}}): a gold token (a run of letters and digits) is caught when any detected span overlaps it.
 *
 * <p>Recall is reported per gold type and overall over the Safe Harbor types; gold types that are not Safe Harbor
 * identifiers (a year alone, nationalities, job titles, countries and organisations in the general-domain set) are
 * reported separately and are neutral for precision. Precision counts detected tokens that overlap no gold span.
 */
final class DeidScorer {

  /** Gold types that are not Safe Harbor identifiers: reported, excluded from the overall recall. */
  static final Set<String> NOT_SAFE_HARBOR = Set.of("DateYear", "DATE_TIME", "NRP", "TITLE", "GPE", "ORGANIZATION",
      "AGE");

  /** Name types of the PhysioNet gold standard, aggregated as {@code NAME}. */
  static final Set<String> NAME_TYPES = Set.of("HCPName", "PTName", "PTNameInitial", "RelativeProxyName", "PERSON");

  record GoldSpan(int start, int end, String type) {}

  record Doc(String id, String text, List<GoldSpan> spans) {}

  /** Gold tokens and caught tokens of one type. */
  record TypeScore(String type, int gold, int caught, boolean safeHarbor) {
    double recall() {
      return gold == 0 ? 1.0 : (double) caught / gold;
    }
  }

  record Report(int documents, long bytes, Map<String, TypeScore> perType, int goldTokens, int caughtTokens,
      int detectedTokens, int falsePositiveTokens, double seconds, double cpuSeconds) {

    double recall() {
      return goldTokens == 0 ? 1.0 : (double) caughtTokens / goldTokens;
    }

    double precision() {
      return detectedTokens == 0 ? 1.0 : (double) (detectedTokens - falsePositiveTokens) / detectedTokens;
    }

    double f2() {
      return f2(precision(), recall());
    }

    static double f2(double p, double r) {
      return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
    }

    double docsPerSecond() {
      return seconds == 0 ? 0 : documents / seconds;
    }

    double megabytesPerSecond() {
      return seconds == 0 ? 0 : bytes / 1e6 / seconds;
    }

    /** Throughput per second of this thread's CPU time: the single-core figure on a shared machine. */
    double megabytesPerCpuSecond() {
      return cpuSeconds == 0 ? 0 : bytes / 1e6 / cpuSeconds;
    }
  }

  private DeidScorer() {}

  static List<Doc> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Doc> docs = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException("Line " + lineNo + " of the gold file is not JSON");
        }
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
          throw new IllegalArgumentException("Line " + lineNo + " of the gold file has no \"text\" string");
        }
        String t = text.asText();
        List<GoldSpan> spans = new ArrayList<>();
        JsonNode s = n.get("spans");
        if (s != null && s.isArray()) {
          for (JsonNode sp : s) {
            int start = sp.path("start").asInt(-1);
            int end = sp.path("end").asInt(-1);
            if (start < 0 || end > t.length() || end <= start) {
              throw new IllegalArgumentException("Line " + lineNo + " has a span [" + start + ", " + end
                  + ") outside its text of " + t.length() + " characters");
            }
            spans.add(new GoldSpan(start, end, sp.path("type").asText("UNKNOWN")));
          }
        }
        docs.add(new Doc(n.path("id").asText(String.valueOf(lineNo)), t, spans));
      }
    }
    return docs;
  }

  static Report score(List<Doc> docs, SafeHarborDeIdentifier deid) {
    // one untimed pass so the JIT has compiled the recognizers, then one timed pass
    for (Doc d : docs) {
      deid.find(d.text());
    }
    List<List<PhiSpan>> detected = new ArrayList<>(docs.size());
    long bytes = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    long t0 = System.nanoTime();
    for (Doc d : docs) {
      detected.add(deid.find(d.text()));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = cpu ? (mx.getCurrentThreadCpuTime() - c0) / 1e9 : seconds;
    Map<String, int[]> perType = new TreeMap<>();
    int gold = 0;
    int caught = 0;
    int det = 0;
    int fp = 0;
    for (int k = 0; k < docs.size(); k++) {
      Doc d = docs.get(k);
      bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
      List<PhiSpan> spans = detected.get(k);
      String t = d.text();
      int i = 0;
      while (i < t.length()) {
        if (!Character.isLetterOrDigit(t.charAt(i))) {
          i++;
          continue;
        }
        int s = i;
        while (i < t.length() && Character.isLetterOrDigit(t.charAt(i))) {
          i++;
        }
        String type = goldType(d.spans(), s, i);
        boolean hit = overlaps(spans, s, i);
        if (type != null) {
          int[] c = perType.computeIfAbsent(type, x -> new int[2]);
          c[0]++;
          c[1] += hit ? 1 : 0;
          if (!NOT_SAFE_HARBOR.contains(type)) {
            gold++;
            caught += hit ? 1 : 0;
          }
        }
        if (hit) {
          det++;
          fp += type == null ? 1 : 0;
        }
      }
    }
    Map<String, TypeScore> scores = new LinkedHashMap<>();
    int nameGold = 0;
    int nameCaught = 0;
    for (Map.Entry<String, int[]> e : perType.entrySet()) {
      scores.put(e.getKey(), new TypeScore(e.getKey(), e.getValue()[0], e.getValue()[1],
          !NOT_SAFE_HARBOR.contains(e.getKey())));
      if (NAME_TYPES.contains(e.getKey())) {
        nameGold += e.getValue()[0];
        nameCaught += e.getValue()[1];
      }
    }
    if (nameGold > 0) {
      scores.put("NAME (all name types)", new TypeScore("NAME (all name types)", nameGold, nameCaught, true));
    }
    return new Report(docs.size(), bytes, scores, gold, caught, det, fp, seconds, cpuSeconds);
  }

  private static String goldType(List<GoldSpan> spans, int s, int e) {
    for (GoldSpan g : spans) {
      if (g.start() < e && s < g.end()) {
        return g.type();
      }
    }
    return null;
  }

  private static boolean overlaps(List<PhiSpan> spans, int s, int e) {
    // spans are sorted by start and do not overlap: binary search the last span starting before e
    int lo = 0;
    int hi = spans.size() - 1;
    int idx = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid).start() < e) {
        idx = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return idx >= 0 && spans.get(idx).end() > s;
  }
}
