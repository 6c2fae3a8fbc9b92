package org.verinote.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.NoteSection;
import org.verinote.core.Span;
import org.verinote.core.StructuredNote;
import org.verinote.guardrails.PerturbationSuite.Case;
import org.verinote.guardrails.PerturbationSuite.Encounter;
import org.verinote.guardrails.PerturbationSuite.Kind;

/** The error injectors of {@link PerturbationSuite}. Stateless; all randomness comes from the caller's Random. */
final class Perturber {

  private static final String[] DRUGS = {"metoprolol", "atorvastatin", "amlodipine", "sertraline", "gabapentin",
      "prednisone", "warfarin", "levothyroxine", "omeprazole", "losartan", "furosemide", "tramadol",
      "montelukast", "doxycycline", "clopidogrel", "escitalopram", "glipizide", "hydrochlorothiazide",
      "meloxicam", "apixaban", "carvedilol", "pantoprazole", "duloxetine", "allopurinol"};
  private static final String[] MED_TEMPLATES = {"We will start %s %d mg daily.", "She is also taking %s %d mg"
      + " twice daily.", "Continue %s as prescribed.", "I have prescribed %s for this.", "He was started on %s"
      + " %d mg at bedtime.", "Patient reports taking %s regularly."};
  private static final int[] DOSES = {5, 10, 12, 15, 25, 40, 50, 75, 100, 150, 200, 250, 500};
  private static final String[] HEDGES_PREFIX = {"Please note that ", "It is important to note that "};
  private static final String[] HEDGES_SENTENCE = {"As an AI language model, I cannot provide medical advice.",
      "This is not medical advice; please consult a healthcare professional.",
      "Please consult a healthcare professional for further guidance.",
      "I am not a doctor, and this note is for informational purposes only."};
  private static final Pattern DOSE = Pattern.compile(
      "(?<![\\d.])(\\d+(?:\\.\\d+)?)(\\s?)(mg|mcg|milligrams?|units?|mL|ml)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern BP = Pattern.compile("(?<![\\d/])(\\d{2,3})/(\\d{2,3})(?![\\d/])");
  private static final Pattern VITAL = Pattern.compile("(?i)\\b(heart rate|pulse|temperature|temp|respiratory"
      + " rate|oxygen saturation|o2 sat(?:uration)?|spo2|pulse ox(?:imetry)?|weight|bmi)\\b[^.\\d\\n]{0,20}?"
      + "(\\d{1,3}(?:\\.\\d)?)(?![\\d/])");
  private static final Pattern AGE = Pattern.compile("(?i)\\b(\\d{1,3})(-year-old|\\s?years? old|\\s?yo\\b)");
  private static final Pattern NEG = Pattern.compile("\\b(denies|Denies|denied|negative for|Negative for|no|No"
      + "|without)\\s+(?=[a-z])");
  private static final Pattern AFF = Pattern.compile("\\b(reports|endorses|Endorses|complains of|has had|notes)"
      + "\\s+(?!(?:she|he|they|that|her|his|it|no|not|any|being|this|the|a|an|to|some)\\b)(?=[a-z])");

  private Perturber() {}

  static Optional<Case> perturb(Kind kind, Encounter e, Random rnd) {
    StructuredNote note = e.note();
    switch (kind) {
      case FABRICATED_MEDICATION:
        return fabricatedMedication(e, rnd);
      case CHANGED_DOSE:
        return replaceNumber(e, kind, rnd, DOSE, 1, v -> changedDose(v, rnd));
      case CHANGED_VITAL: {
        Optional<Case> bp = replaceNumber(e, kind, rnd, BP, Perturber::plausiblePressure, 1 + rnd.nextInt(2),
            v -> v + pick(rnd, -20, -15, -10, 10, 15, 20));
        return bp.isPresent() ? bp : replaceNumber(e, kind, rnd, VITAL, 2, v -> v + pick(rnd, -12, -8, -5, 5, 8, 12));
      }
      case CHANGED_AGE:
        return replaceNumber(e, kind, rnd, AGE, 1, v -> Math.max(1, v + pick(rnd, -15, -9, -6, -3, 3, 6, 9, 15)));
      case FLIPPED_NEGATION:
        return flipNegation(e, rnd);
      case INVENTED_CONTACT:
        return insertSentence(note, e.id(), kind, rnd, rnd.nextBoolean()
            ? String.format(Locale.ROOT, "The patient can be reached at (%d) %03d-%04d.", 200 + rnd.nextInt(700),
                rnd.nextInt(1000), rnd.nextInt(10000))
            : String.format(Locale.ROOT, "Results will be sent to %s%d@example.com.",
                new String[] {"jsmith", "pat.doe", "mlee", "kchen"}[rnd.nextInt(4)], rnd.nextInt(100)));
      case INSERTED_HEDGE:
        if (rnd.nextBoolean()) {
          return prefixSentence(note, e.id(), kind, rnd, HEDGES_PREFIX[rnd.nextInt(HEDGES_PREFIX.length)]);
        }
        return insertSentence(note, e.id(), kind, rnd, HEDGES_SENTENCE[rnd.nextInt(HEDGES_SENTENCE.length)]);
      case REPEATED_PHRASE:
        return repeat(note, e.id(), rnd);
      default:
        return Optional.empty();
    }
  }

  private static int pick(Random rnd, int... values) {
    return values[rnd.nextInt(values.length)];
  }

  private static double changedDose(double v, Random rnd) {
    double[] options = {v * 2, v / 2, v + (v >= 20 ? 10 : 5), v * 1.5, v + (v >= 100 ? 50 : 15)};
    double n = options[rnd.nextInt(options.length)];
    return n == v ? v * 2 : n;
  }

  private static Optional<Case> fabricatedMedication(Encounter e, Random rnd) {
    TranscriptIndex idx = TranscriptIndex.of(e.transcript());
    List<String> candidates = new ArrayList<>();
    String noteText = e.note().toPlainText().toLowerCase(Locale.ROOT);
    for (String d : DRUGS) {
      if (!idx.lower.contains(d) && !noteText.contains(d)) {
        candidates.add(d);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    String drug = candidates.get(rnd.nextInt(candidates.size()));
    String template = MED_TEMPLATES[rnd.nextInt(MED_TEMPLATES.length)];
    String sentence = template.contains("%d") ? String.format(Locale.ROOT, template, drug, DOSES[rnd.nextInt(
        DOSES.length)]) : String.format(Locale.ROOT, template, drug);
    return insertSentence(e.note(), e.id(), Kind.FABRICATED_MEDICATION, rnd, sentence);
  }

  interface Change {
    double apply(double v);
  }

  private static Optional<Case> replaceNumber(Encounter e, Kind kind, Random rnd, Pattern p, int group, Change f) {
    return replaceNumber(e, kind, rnd, p, m -> true, group, f);
  }

  /**
   * Whether an "a/b" is a blood pressure: not a date ("11/07"), a pain score ("10/10") or a drug's strength
   * ("400/80").
   */
  static boolean plausiblePressure(Matcher m) {
    int systolic = Integer.parseInt(m.group(1));
    int diastolic = Integer.parseInt(m.group(2));
    return systolic >= 60 && systolic <= 300 && diastolic >= 20 && diastolic <= 200 && systolic > diastolic;
  }

  private static Optional<Case> replaceNumber(Encounter e, Kind kind, Random rnd, Pattern p,
      java.util.function.Predicate<Matcher> valid, int group, Change f) {
    List<int[]> hits = new ArrayList<>();
    List<NoteSection> sections = e.note().sections();
    for (int si = 0; si < sections.size(); si++) {
      Matcher m = p.matcher(sections.get(si).text());
      while (m.find()) {
        if (valid.test(m)) {
          hits.add(new int[] {si, m.start(group), m.end(group)});
        }
      }
    }
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    int[] h = hits.get(rnd.nextInt(hits.size()));
    NoteSection s = sections.get(h[0]);
    String old = s.text().substring(h[1], h[2]);
    double v = Double.parseDouble(old);
    double nv = f.apply(v);
    if (nv <= 0) {
      nv = v + Math.abs(nv - v);
    }
    String repl = old.contains(".") ? String.format(Locale.ROOT, "%.1f", nv) : Numbers.canonical(Math.round(nv * 10)
        / 10.0);
    if (repl.equals(Numbers.canonical(old))) {
      repl = Numbers.canonical(v + 7);
    }
    String text = s.text().substring(0, h[1]) + repl + s.text().substring(h[2]);
    return Optional.of(new Case(e.id(), kind, s.key(), new Span(h[1], h[1] + repl.length()),
        e.note().withSection(s.withText(text, s.evidence()))));
  }

  private static Optional<Case> flipNegation(Encounter e, Random rnd) {
    List<int[]> hits = new ArrayList<>();
    List<NoteSection> sections = e.note().sections();
    for (int si = 0; si < sections.size(); si++) {
      for (Pattern p : new Pattern[] {NEG, AFF}) {
        Matcher m = p.matcher(sections.get(si).text());
        while (m.find()) {
          if (flipsAFinding(sections.get(si).text(), m.start(1), m.end(1))) {
            hits.add(new int[] {si, m.start(1), m.end(1), p == NEG ? 1 : 0});
          }
        }
      }
    }
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    int[] h = hits.get(rnd.nextInt(hits.size()));
    NoteSection s = sections.get(h[0]);
    String cue = s.text().substring(h[1], h[2]);
    String repl;
    switch (cue) {
      case "denies": repl = "reports"; break;
      case "Denies": repl = "Reports"; break;
      case "denied": repl = "reported"; break;
      case "negative for": repl = "positive for"; break;
      case "Negative for": repl = "Positive for"; break;
      case "no": repl = "some"; break;
      case "No": repl = "Some"; break;
      case "without": repl = "with"; break;
      case "Endorses": repl = "Denies"; break;
      case "complains of": repl = "denies"; break;
      case "has had": repl = "has not had"; break;
      default: repl = "denies"; break;
    }
    int cueEnd = h[2];
    if (h[3] == 1 && !repl.equalsIgnoreCase("some") && s.text().startsWith(" any ", cueEnd)) {
      // "denies any injury" flips to "reports injury", "without any difficulty" to "with difficulty": "reports any
      // injury" is no sentence a note would contain
      cueEnd += " any".length();
    }
    if (repl.equalsIgnoreCase("some") && s.text().startsWith(" longer", cueEnd)) {
      // "no longer present" flips to "still present", not to the ungrammatical "some longer present"
      repl = cue.equals("No") ? "Still" : "still";
      cueEnd += " longer".length();
    }
    String text = s.text().substring(0, h[1]) + repl + s.text().substring(cueEnd);
    int end = text.indexOf('.', h[1]);
    return Optional.of(new Case(e.id(), Kind.FLIPPED_NEGATION, s.key(),
        new Span(h[1], end < 0 ? text.length() : end), e.note().withSection(s.withText(text, s.evidence()))));
  }

  /** "0 being " right before a cue: a scale's anchor ("with 0 being no pain and 10 the worst"). */
  private static final Pattern SCALE_ANCHOR = Pattern.compile("(?i)\\b(?:\\d+|zero)\\s+being\\s+$");

  /** "with or " right before a cue: the "without" of "with or without", a disjunction, not a negation. */
  private static final Pattern WITH_OR = Pattern.compile("(?i)\\bwith\\s+or\\s+$");

  /** Where a negation cue's clause ends: the words a flip can change. */
  private static final Pattern CLAUSE_END = Pattern.compile("[.;:\\n]|\\bbut\\b");

  /**
   * Words that make "denied" mean "refused": "mostly denied the next offered bottle and declined cereal" says what
   * a child would not take, not that a finding is absent.
   */
  private static final Pattern REFUSAL = Pattern.compile("\\b(offered|declined|refused)\\b");
  /** "denied" + a determiner: a thing denied ("the next offered bottle"), not a finding ("denied fever"). */
  private static final Pattern OBJECT_DETERMINER = Pattern.compile("\\s*(the|this|that|his|her|their)\\b");

  /**
   * Whether flipping the cue at {@code [from, to)} changes what the note says about a clinical finding: its clause
   * names one ({@link NegationConsistency#isFinding}: not "additional treatment needed", "any significant past
   * medical history", "new symptoms"), the cue is not a scale's anchor ("0 = No pain", "0 being no pain"), and
   * "denied" is not used
   * in the sense of "refused" (a determined object, "the …", in a clause that speaks of something offered,
   * declined or refused), and it is not the "without" of "with or without". A flip of anything else changes no
   * claim about the patient, so it is not a contradiction the transcript could show.
   */
  static boolean flipsAFinding(String text, int from, int to) {
    int before = from - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    if (before >= 0 && text.charAt(before) == '=' || SCALE_ANCHOR.matcher(text.substring(Math.max(0, from - 16), from))
        .find()) {
      // a scale's anchor, "0 = No pain" or "with 0 being no pain", defines the scale, not the patient's pain
      return false;
    }
    if (WITH_OR.matcher(text.substring(Math.max(0, from - 8), from)).find()) {
      // "with or without underlying musculoskeletal etiology" states no absence; "with or with" is no claim
      return false;
    }
    Matcher end = CLAUSE_END.matcher(text);
    int clauseEnd = end.find(to) ? end.start() : text.length();
    String cue = text.substring(from, to).toLowerCase(Locale.ROOT);
    if (cue.startsWith("denie") && OBJECT_DETERMINER.matcher(text.substring(to, clauseEnd)).lookingAt()
        && REFUSAL.matcher(text.substring(to, clauseEnd)).find()) {
      return false;
    }
    List<Tok> toks = Tokenizer.tokenize(text.substring(to, clauseEnd));
    for (Terms.Term t : Terms.of(toks, 0, toks.size(), false)) {
      if (NegationConsistency.isFinding(t)) {
        return true;
      }
    }
    return false;
  }

  private static NoteSection randomSection(StructuredNote note, Random rnd) {
    List<NoteSection> nonEmpty = new ArrayList<>();
    for (NoteSection s : note.sections()) {
      if (!s.isEmpty()) {
        nonEmpty.add(s);
      }
    }
    return nonEmpty.isEmpty() ? null : nonEmpty.get(rnd.nextInt(nonEmpty.size()));
  }

  private static Optional<Case> insertSentence(StructuredNote note, String id, Kind kind, Random rnd, String sentence) {
    NoteSection s = randomSection(note, rnd);
    if (s == null) {
      return Optional.empty();
    }
    List<Span> spans = Sentences.split(s.text());
    int at = spans.isEmpty() ? s.text().length() : spans.get(rnd.nextInt(spans.size())).end();
    String text = s.text().substring(0, at) + " " + sentence + s.text().substring(at);
    return Optional.of(new Case(id, kind, s.key(), new Span(at + 1, at + 1 + sentence.length()),
        note.withSection(s.withText(text, s.evidence()))));
  }

  private static Optional<Case> prefixSentence(StructuredNote note, String id, Kind kind, Random rnd, String prefix) {
    NoteSection s = randomSection(note, rnd);
    if (s == null) {
      return Optional.empty();
    }
    List<Span> spans = Sentences.split(s.text());
    Span sp = spans.get(rnd.nextInt(spans.size()));
    String first = s.text().substring(sp.start(), sp.start() + 1);
    String text = s.text().substring(0, sp.start()) + prefix + first.toLowerCase(Locale.ROOT)
        + s.text().substring(sp.start() + 1);
    return Optional.of(new Case(id, kind, s.key(), new Span(sp.start(), sp.start() + prefix.length()),
        note.withSection(s.withText(text, s.evidence()))));
  }

  private static Optional<Case> repeat(StructuredNote note, String id, Random rnd) {
    NoteSection s = randomSection(note, rnd);
    if (s == null) {
      return Optional.empty();
    }
    List<Span> spans = Sentences.split(s.text());
    Span sp = spans.get(rnd.nextInt(spans.size()));
    String sentence = s.text().substring(sp.start(), sp.end());
    String text;
    Span changed;
    String[] words = sentence.split(" ");
    if (rnd.nextBoolean() || words.length < 4) {
      text = s.text().substring(0, sp.end()) + " " + sentence + s.text().substring(sp.end());
      changed = new Span(sp.end() + 1, sp.end() + 1 + sentence.length());
    } else {
      int n = 2 + rnd.nextInt(Math.min(3, words.length - 2));
      int from = rnd.nextInt(words.length - n + 1);
      String phrase = String.join(" ", java.util.Arrays.asList(words).subList(from, from + n));
      int pos = sp.start() + sentence.indexOf(phrase) + phrase.length();
      text = s.text().substring(0, pos) + " " + phrase + " " + phrase + s.text().substring(pos);
      changed = new Span(pos, pos + 2 + 2 * phrase.length());
    }
    return Optional.of(new Case(id, Kind.REPEATED_PHRASE, s.key(), changed,
        note.withSection(s.withText(text, s.evidence()))));
  }
}
