package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.verinote.core.PatientContext;
import org.verinote.core.PhiEgressException;

/**
 * The vault of {@link SafeHarborDeIdentifier}: one per encounter, holding entity ↔ token mappings in memory only.
 * Not thread-safe. {@link #toString()} prints counts only.
 */
final class TokenVault implements PhiVault {

  /** One real-world identifier (a person, a date, a phone number) and its token. */
  private static final class Entity {
    final String prefix;
    final String token;
    final String key;
    String canonical;
    int canonicalWords;
    final boolean fromContext;

    Entity(String prefix, int n, String canonical, boolean fromContext) {
      this.prefix = prefix;
      this.token = TokenCodec.token(prefix, n);
      this.key = TokenCodec.key(prefix, n);
      this.canonical = canonical;
      this.canonicalWords = canonical.split("\\s+").length;
      this.fromContext = fromContext;
    }
  }

  private static final int MEMO_LIMIT = 4096;

  private final RecognizerRegistry registry;
  private final KnownIdentifiers known;
  private final Integer offsetDays;
  private final Map<String, Integer> counters = new HashMap<>();
  private final Map<String, Entity> byKey = new HashMap<>();
  private final Map<String, Entity> byValue = new HashMap<>();
  private final Map<String, Entity> byNamePart = new HashMap<>();
  private final Map<String, String> surrogates = new HashMap<>();
  private final Set<String> surrogateSet = new HashSet<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final Map<String, String> memo = new HashMap<>();
  private final Set<String> ambiguousMemo = new HashSet<>();
  private Entity patient;

  TokenVault(RecognizerRegistry registry, DateShift dateShift, String encounterId, PatientContext context) {
    this.registry = registry;
    this.known = new KnownIdentifiers(context);
    this.offsetDays = dateShift == null ? null : dateShift.offsetDays(encounterId, context);
    if (!known.patientNameParts().isEmpty()) {
      String display = String.join(" ", displayNames(context));
      patient = newEntity(PhiType.PATIENT.name(), display, true);
      byValue.put("N:" + String.join(" ", known.patientNameParts()), patient);
      for (String part : known.patientNameParts()) {
        byNamePart.putIfAbsent(part, patient);
      }
    }
    List<String> others = context.otherNames();
    for (int i = 0; i < known.otherNames().size(); i++) {
      List<String> parts = known.otherNames().get(i);
      Entity e = newEntity(PhiType.PERSON.name(), i < others.size() ? others.get(i) : String.join(" ", parts), true);
      byValue.putIfAbsent("N:" + String.join(" ", parts), e);
      for (String part : parts) {
        byNamePart.putIfAbsent(part, e);
      }
    }
  }

  private static List<String> displayNames(PatientContext c) {
    List<String> out = new ArrayList<>(c.givenNames());
    c.familyName().ifPresent(out::add);
    return out;
  }

  private Entity newEntity(String prefix, String canonical, boolean fromContext) {
    int n = counters.merge(prefix, 1, Integer::sum);
    Entity e = new Entity(prefix, n, canonical, fromContext);
    byKey.put(e.key, e);
    return e;
  }

  @Override
  public String deidentify(String text) {
    java.util.Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return text;
    }
    List<TokenCodec.Occurrence> literals = TokenCodec.scan(text);
    List<PhiSpan> spans = new ArrayList<>(known.find(text));
    spans.addAll(SpanResolver.detect(registry, text));
    if (!literals.isEmpty()) {
      spans.removeIf(s -> overlapsAny(literals, s.start(), s.end()));
    }
    List<PhiSpan> resolved = SpanResolver.resolve(spans, text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int pos = 0;
    int li = 0;
    for (PhiSpan s : resolved) {
      while (li < literals.size() && literals.get(li).start() < s.start()) {
        pos = appendLiteral(text, out, pos, literals.get(li++));
      }
      out.append(text, pos, s.start());
      out.append(replacement(text.substring(s.start(), s.end()), s.type()));
      pos = s.end();
    }
    while (li < literals.size()) {
      pos = appendLiteral(text, out, pos, literals.get(li++));
    }
    out.append(text, pos, text.length());
    String result = out.toString();
    if (!result.equals(text)) {
      remember(result, text);
    }
    return result;
  }

  private int appendLiteral(String text, StringBuilder out, int pos, TokenCodec.Occurrence o) {
    out.append(text, pos, o.start());
    String literal = text.substring(o.start(), o.end());
    Entity e = byValue.get("L:" + literal);
    if (e == null) {
      e = newEntity(TokenCodec.LITERAL, literal, false);
      byValue.put("L:" + literal, e);
    }
    out.append(e.token);
    return o.end();
  }

  private void remember(String deidentified, String original) {
    if (ambiguousMemo.contains(deidentified)) {
      return;
    }
    String prior = memo.putIfAbsent(deidentified, original);
    if (prior != null && !prior.equals(original)) {
      memo.remove(deidentified);
      ambiguousMemo.add(deidentified);
    } else if (memo.size() > MEMO_LIMIT) {
      memo.clear();
    }
  }

  private static boolean overlapsAny(List<TokenCodec.Occurrence> in, int s, int e) {
    for (TokenCodec.Occurrence o : in) {
      if (o.start() < e && s < o.end()) {
        return true;
      }
    }
    return false;
  }

  private String replacement(String surface, PhiType type) {
    if (type == PhiType.DATE && offsetDays != null) {
      String shifted = shiftedDate(surface);
      if (shifted != null) {
        counts.merge(PhiType.DATE.name(), 1, Integer::sum);
        return shifted;
      }
    }
    Entity e = entity(surface, type);
    counts.merge(e.prefix, 1, Integer::sum);
    return e.token;
  }

  private String shiftedDate(String surface) {
    DateValue v = DateRecognizer.parse(surface);
    if (v == null) {
      return null;
    }
    String shifted = DateShift.shift(v, offsetDays);
    if (shifted == null) {
      return null;
    }
    String prior = surrogates.putIfAbsent(KnownIdentifiers.lower(shifted), surface);
    if (prior != null && !prior.equals(surface)) {
      return null; // two spellings shift to the same text: use a token so restore stays exact
    }
    surrogateSet.add(KnownIdentifiers.lower(shifted));
    return shifted;
  }

  private Entity entity(String surface, PhiType type) {
    if (type.isName()) {
      return nameEntity(surface, type);
    }
    String key = valueKey(surface, type);
    Entity e = byValue.get(key);
    if (e == null) {
      e = newEntity(type.name(), surface, false);
      byValue.put(key, e);
    }
    return e;
  }

  private static String valueKey(String surface, PhiType type) {
    String alnum = KnownIdentifiers.alnum(surface);
    if (type == PhiType.DATE) {
      DateValue v = DateRecognizer.parse(surface);
      if (v != null) {
        return "D:" + v.year() + "-" + v.month() + "-" + v.day();
      }
    }
    return type.name() + ":" + (alnum.isEmpty() ? surface : alnum);
  }

  private Entity nameEntity(String surface, PhiType type) {
    List<String> parts = KnownIdentifiers.words(surface);
    String norm = "N:" + String.join(" ", parts);
    Entity e = type == PhiType.PATIENT && patient != null ? patient : byValue.get(norm);
    if (e == null) {
      for (String p : parts) {
        if (p.length() >= 2) {
          e = byNamePart.get(p);
          if (e != null) {
            break;
          }
        }
      }
    }
    if (e == null) {
      e = newEntity(type.name(), surface, false);
    } else if (!e.fromContext && parts.size() > e.canonicalWords) {
      e.canonical = surface;
      e.canonicalWords = parts.size();
    }
    byValue.putIfAbsent(norm, e);
    for (String p : parts) {
      if (p.length() >= 2) {
        byNamePart.putIfAbsent(p, e);
      }
    }
    return e;
  }

  @Override
  public String restore(String text) {
    java.util.Objects.requireNonNull(text, "text");
    String exact = memo.get(text);
    if (exact != null) {
      return exact;
    }
    String s = text;
    if (!surrogates.isEmpty()) {
      for (Map.Entry<String, String> e : surrogates.entrySet()) {
        s = replaceIgnoreCase(s, e.getKey(), e.getValue());
      }
    }
    List<TokenCodec.Occurrence> occ = TokenCodec.scan(s);
    if (occ.isEmpty()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 32);
    int pos = 0;
    for (TokenCodec.Occurrence o : occ) {
      Entity e = byKey.get(o.key());
      if (e == null) {
        continue; // not issued by this vault: left as it is
      }
      out.append(s, pos, o.start()).append(e.canonical);
      pos = o.end();
    }
    out.append(s, pos, s.length());
    return out.toString();
  }

  private static String replaceIgnoreCase(String s, String lowerNeedle, String replacement) {
    String lower = KnownIdentifiers.lower(s);
    int p = lower.indexOf(lowerNeedle);
    if (p < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int pos = 0;
    while (p >= 0) {
      out.append(s, pos, p).append(replacement);
      pos = p + lowerNeedle.length();
      p = lower.indexOf(lowerNeedle, pos);
    }
    return out.append(s, pos, s.length()).toString();
  }

  @Override
  public void checkEgress(String outbound) {
    java.util.Objects.requireNonNull(outbound, "outbound");
    List<TokenCodec.Occurrence> issued = new ArrayList<>();
    for (TokenCodec.Occurrence o : TokenCodec.scan(outbound)) {
      if (byKey.containsKey(o.key())) {
        issued.add(o);
      }
    }
    Map<PhiType, Integer> found = new TreeMap<>();
    for (PhiSpan s : known.find(outbound)) {
      if (!overlapsAny(issued, s.start(), s.end())) {
        found.merge(s.type(), 1, Integer::sum);
      }
    }
    for (PhiSpan s : SpanResolver.resolve(SpanResolver.detect(registry, outbound), outbound)) {
      if (s.isHighConfidence() && !overlapsAny(issued, s.start(), s.end())
          && !(s.type() == PhiType.DATE && surrogateSet.contains(KnownIdentifiers.lower(
              outbound.substring(s.start(), s.end()))))) {
        found.merge(s.type(), 1, Integer::sum);
      }
    }
    if (!found.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      int total = 0;
      for (Map.Entry<PhiType, Integer> e : found.entrySet()) {
        sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
        total += e.getValue();
      }
      throw new PhiEgressException("Egress refused: the outbound text still contains " + total
          + " identifier(s) (" + sb + "); nothing was sent. Add the identifiers to the PatientContext or a"
          + " recognizer, or remove them from the text.");
    }
  }

  @Override
  public Map<String, Integer> replacementCounts() {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  @Override
  public String toString() {
    int total = 0;
    for (int n : counts.values()) {
      total += n;
    }
    return "PhiVault[entities=" + byKey.size() + ", replacements=" + total + "]";
  }
}
