package org.verinote.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.SectionSpec;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Transcript;
import org.verinote.core.Turn;
import org.verinote.core.model.ClinicalCues.Kind;
import org.verinote.core.model.Utterances.Sentence;

/**
 * The extractive model's engine: classifies transcript sentences into the template's sections by cue words, speaker
 * and position, picks the most informative ones within a length budget, and rewrites them into third person. Every
 * emitted sentence is a (lightly rephrased) copy of transcript text, except the optional opening built from the
 * patient's age and sex. One instance per request; not thread-safe.
 */
final class ExtractiveDrafter {

  /** Note length budget in words: {@code MIN_WORDS + LENGTH_RATIO × transcript words}, at most {@code MAX_WORDS}. */
  static final double LENGTH_RATIO = 0.40;
  static final int MIN_WORDS = 80;
  static final int MAX_WORDS = 700;

  private static final Map<Kind, Double> SHARE = new EnumMap<>(Map.of(Kind.CHIEF_COMPLAINT, 0.02,
      Kind.HISTORY, 0.40, Kind.REVIEW_OF_SYSTEMS, 0.06, Kind.EXAM, 0.12, Kind.RESULTS, 0.06, Kind.ASSESSMENT,
      0.12, Kind.PLAN, 0.22));
  private static final double CUSTOM_SHARE = 0.10;
  /** Sentences with fewer content words (not stop words, longer than two letters) are small talk. */
  static final int MIN_CONTENT_WORDS = 2;

  private static final Set<String> STOP = Set.of("the", "and", "but", "for", "you", "your", "that", "this", "with",
      "have", "has", "had", "was", "were", "are", "is", "it's", "its", "just", "like", "okay", "yeah", "yes", "so",
      "well", "all", "right", "alright", "i'm", "i've", "you're", "we're", "let's", "there", "they", "them", "then",
      "what", "how", "any", "not", "can", "get", "got", "going", "know", "think", "really", "very", "um", "uh",
      "good", "great", "sure", "thing", "things", "something", "kind", "sort", "little", "bit", "mean", "maybe",
      "did", "does", "don't", "our", "out", "about", "would", "could", "also", "too", "been", "being", "and,");
  private static final Pattern YEAR_OLD = Pattern.compile("\\b\\d{1,3}[- ]year[- ]old\\b");
  private static final List<String> EXAM_INTRO = List.of("exam", "examine", "take a look", "look at", "listen to",
      "take a listen", "vital", "feel your", "press on", "push on");
  private static final List<String> PLAN_INTRO = List.of("impression", "assessment", "diagnos", "my plan",
      "the plan", "for your first", "first problem", "let's talk about", "so for your", "in terms of your",
      "what i want", "what i'd like", "i'm going to", "i want to", "going to prescribe", "recommend");

  private final NoteTemplate template;
  private final OptionalInt age;
  private final PatientContext.Sex sex;
  private final ThirdPerson thirdPerson;
  private final DerivedStatements statements;

  ExtractiveDrafter(NoteTemplate template, OptionalInt age, PatientContext.Sex sex) {
    this.template = template;
    this.age = age;
    this.sex = sex;
    this.thirdPerson = new ThirdPerson(sex);
    this.statements = new DerivedStatements(thirdPerson);
  }

  /** A sentence chosen for a section, with its place in the transcript for ordering. */
  private record Candidate(int order, int section, double score, int words, String text, Sentence source) {
    /** The words that decide whether this candidate repeats an already chosen one. */
    String lower() {
      return source != null ? source.lower() : text.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Drafts every section of the template.
   *
   * @param transcript the (de-identified) transcript
   * @return section key → text, in template order, every key present (empty text when nothing fits)
   */
  Map<String, String> draft(Transcript transcript) {
    List<SectionSpec> specs = template.sections();
    Map<Kind, Integer> target = targets(specs);
    List<List<String>> custom = new ArrayList<>();
    for (SectionSpec s : specs) {
      custom.add(ClinicalCues.kindsOf(s).isEmpty() ? ClinicalCues.customCues(s) : List.of());
    }
    List<Sentence> sentences = Utterances.split(transcript);
    int total = 0;
    for (Sentence s : sentences) {
      total += s.words();
    }
    int budget = (int) Math.min(MAX_WORDS, Math.round(MIN_WORDS + total * LENGTH_RATIO));

    List<Candidate> candidates = new ArrayList<>();
    String opening = opening(sentences);
    Integer history = target.get(Kind.HISTORY);
    if (opening != null && history != null) {
      candidates.add(new Candidate(-1, history, 100, Utterances.wordCount(opening), opening, null));
    }
    Integer ccSection = target.get(Kind.CHIEF_COMPLAINT);
    String cc = statements.chiefComplaint(sentences);
    if (cc != null && ccSection != null) {
      candidates.add(new Candidate(-2, ccSection, 100, Utterances.wordCount(cc), cc, null));
    }
    classify(sentences, transcript.turns(), target, custom, candidates);

    int[] sectionBudget = new int[specs.size()];
    for (Map.Entry<Kind, Integer> e : target.entrySet()) {
      sectionBudget[e.getValue()] += (int) Math.round(budget * SHARE.get(e.getKey()));
    }
    for (int i = 0; i < specs.size(); i++) {
      if (!custom.get(i).isEmpty()) {
        sectionBudget[i] += (int) Math.round(budget * CUSTOM_SHARE);
      }
    }
    return render(specs, select(candidates, sectionBudget, specs.size()));
  }

  /** Which section receives each kind; a kind the template lacks goes to its nearest relative, if any. */
  private static Map<Kind, Integer> targets(List<SectionSpec> specs) {
    Map<Kind, Integer> target = new EnumMap<>(Kind.class);
    for (int i = 0; i < specs.size(); i++) {
      for (Kind k : ClinicalCues.kindsOf(specs.get(i))) {
        target.putIfAbsent(k, i);
      }
    }
    Kind[][] fallbacks = {
        {Kind.CHIEF_COMPLAINT, Kind.HISTORY}, {Kind.REVIEW_OF_SYSTEMS, Kind.HISTORY}, {Kind.HISTORY,
            Kind.CHIEF_COMPLAINT}, {Kind.RESULTS, Kind.EXAM}, {Kind.EXAM, Kind.RESULTS},
        {Kind.ASSESSMENT, Kind.PLAN}, {Kind.PLAN, Kind.ASSESSMENT}};
    for (Kind[] f : fallbacks) {
      if (!target.containsKey(f[0]) && target.containsKey(f[1])) {
        target.put(f[0], target.get(f[1]));
      }
    }
    return target;
  }

  private void classify(List<Sentence> sentences, List<Turn> turns, Map<Kind, Integer> target,
      List<List<String>> custom, List<Candidate> out) {
    boolean examMode = false;
    boolean planMode = false;
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      String l = s.lower();
      if (s.role() != SpeakerRole.PATIENT) {
        if (ClinicalCues.hits(l, EXAM_INTRO) > 0 && !s.question()) {
          examMode = true;
        }
        if (ClinicalCues.hits(l, PLAN_INTRO) > 0 || s.position() > 0.75) {
          planMode = true;
          examMode = examMode && ClinicalCues.hits(l, ClinicalCues.EXAM) > 1;
        }
      }
      if (s.question()) {
        final int index = i;
        if (s.role() == SpeakerRole.CLINICIAN) {
          statements.answered(s, turns).ifPresent(c -> {
            Integer section = target.get(c.negative() ? Kind.REVIEW_OF_SYSTEMS : Kind.HISTORY);
            if (section != null) {
              out.add(new Candidate(2 * index + 1, section, c.negative() ? 2.5 : 1.5,
                  Utterances.wordCount(c.text()), c.text(), null));
            }
          });
        }
        continue;
      }
      int content = contentWords(l);
      if (content < MIN_CONTENT_WORDS || (ClinicalCues.hits(l, ClinicalCues.SOCIAL) > 0 && s.words() < 14)) {
        continue;
      }
      Map<Kind, Double> score = scores(s, examMode, planMode);
      Kind best = null;
      double bestScore = 0;
      for (Map.Entry<Kind, Double> e : score.entrySet()) {
        if (e.getValue() > bestScore && target.containsKey(e.getKey())) {
          best = e.getKey();
          bestScore = e.getValue();
        }
      }
      int section = best == null ? -1 : target.get(best);
      for (int c = 0; c < custom.size(); c++) {
        // a section the template asks for by name wins a sentence that matches two of its cue words
        int hits = ClinicalCues.hits(l, custom.get(c));
        double cs = 2.0 * hits;
        if (hits > 0 && (cs >= bestScore || hits >= 2)) {
          bestScore = cs;
          section = c;
        }
      }
      if (section < 0 || bestScore < 1.0) {
        continue;
      }
      double density = content / (double) s.words();
      // rewritten only if chosen (render), so a huge transcript costs one rewrite per emitted sentence
      out.add(new Candidate(2 * i, section, bestScore * (0.5 + density), s.words(), null, s));
    }
  }

  /**
   * Scores a sentence for each kind. Clinician sentences can be any kind; patient sentences are history or review
   * of systems; a sentence by someone else or an unknown speaker (unlabelled transcripts) is scored both ways.
   */
  private static Map<Kind, Double> scores(Sentence s, boolean examMode, boolean planMode) {
    String l = s.lower();
    Map<Kind, Double> score = new EnumMap<>(Kind.class);
    double symptoms = Math.min(4, ClinicalCues.hits(l, ClinicalCues.SYMPTOMS));
    if (s.role() != SpeakerRole.PATIENT) {
      double exam = ClinicalCues.hits(l, ClinicalCues.EXAM) + (examMode ? 2.0 : 0);
      double results = ClinicalCues.hits(l, ClinicalCues.RESULTS) * 1.2;
      double assessment = ClinicalCues.hits(l, ClinicalCues.ASSESSMENT) + (planMode ? 1.0 : 0);
      int planCues = ClinicalCues.hits(l, ClinicalCues.PLAN);
      // late in the visit a sentence with a plan cue is plan (ordering a test included); one without is a result
      double plan = planCues + (planMode ? (planCues > 0 ? 1.5 + results * 0.5 : 0.5) : 0);
      score.put(Kind.EXAM, exam);
      score.put(Kind.RESULTS, results);
      score.put(Kind.ASSESSMENT, assessment);
      score.put(Kind.PLAN, plan);
      score.put(Kind.HISTORY, YEAR_OLD.matcher(l).find() ? 6.0 : planMode || examMode ? 0 : symptoms * 0.4);
    }
    if (s.role() != SpeakerRole.CLINICIAN) {
      double negation = ClinicalCues.hits(l, ClinicalCues.NEGATIONS);
      double history = 1.0 + symptoms * 0.6 - (planMode ? 1.0 : 0);
      score.merge(Kind.HISTORY, history, Math::max);
      if (negation > 0 && symptoms > 0 && s.words() <= 14) {
        score.put(Kind.REVIEW_OF_SYSTEMS, history + 0.1);
      }
    }
    return score;
  }

  /** The opening sentence: the clinician's own "N-year-old" introduction, else one built from age and sex. */
  private String opening(List<Sentence> sentences) {
    for (Sentence s : sentences) {
      if (s.role() == SpeakerRole.CLINICIAN && YEAR_OLD.matcher(s.lower()).find()) {
        return null; // classify() keeps the clinician's own introduction
      }
    }
    if (age.isEmpty()) {
      return null;
    }
    String who = sex == PatientContext.Sex.MALE ? "male" : sex == PatientContext.Sex.FEMALE ? "female" : "patient";
    return "The patient is a " + age.getAsInt() + "-year-old " + who + ".";
  }

  /**
   * Picks the best candidates: first within each section's budget, then, while the note is under its total budget,
   * the best remaining ones wherever they belong (a visit with no results gives that share to the others).
   */
  private static Map<Integer, List<Candidate>> select(List<Candidate> candidates, int[] budget, int sections) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::order));
    Map<Integer, List<Candidate>> chosen = new LinkedHashMap<>();
    int[] used = new int[sections];
    int total = 0;
    int totalBudget = 0;
    for (int b : budget) {
      totalBudget += b;
    }
    List<Set<String>> seen = new ArrayList<>();
    boolean[] taken = new boolean[ranked.size()];
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < ranked.size(); i++) {
        Candidate c = ranked.get(i);
        boolean mandatory = c.score() >= 100;
        if (taken[i] || (!mandatory && (pass == 0 ? used[c.section()] >= budget[c.section()]
            : total >= totalBudget))) {
          continue;
        }
        Set<String> words = wordSet(c.lower());
        if (!mandatory && isRepeat(words, seen)) {
          continue;
        }
        taken[i] = true;
        seen.add(words);
        used[c.section()] += c.words();
        total += c.words();
        chosen.computeIfAbsent(c.section(), k -> new ArrayList<>()).add(c);
      }
    }
    return chosen;
  }

  /** A sentence whose words are mostly in an already chosen sentence adds nothing. */
  private static boolean isRepeat(Set<String> words, List<Set<String>> seen) {
    if (words.isEmpty()) {
      return true;
    }
    for (Set<String> other : seen) {
      int common = 0;
      for (String w : words) {
        if (other.contains(w)) {
          common++;
        }
      }
      if (common >= 0.8 * words.size()) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> wordSet(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
      if (w.length() > 2 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private Map<String, String> render(List<SectionSpec> specs, Map<Integer, List<Candidate>> chosen) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      List<Candidate> list = new ArrayList<>(chosen.getOrDefault(i, List.of()));
      list.sort(Comparator.comparingInt(Candidate::order));
      StringBuilder sb = new StringBuilder();
      for (Candidate c : list) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(c.text() != null ? c.text() : sentence(thirdPerson.rewrite(c.source().text(),
            c.source().role())));
      }
      out.put(specs.get(i).key(), sb.toString());
    }
    return out;
  }

  static int contentWords(String lower) {
    int n = 0;
    for (String w : lower.split("[^a-z0-9']+")) {
      if (w.length() > 2 && !STOP.contains(w)) {
        n++;
      }
    }
    return n;
  }

  /** Capitalises the first letter and ends the sentence with a full stop. */
  static String sentence(String text) {
    String t = text.strip().replaceAll("[,;:\\s]+$", "");
    if (t.isEmpty()) {
      return t;
    }
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    char last = t.charAt(t.length() - 1);
    return last == '.' || last == '!' || last == '?' ? t : t + ".";
  }
}
