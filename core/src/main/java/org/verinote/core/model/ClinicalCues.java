package org.verinote.core.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verinote.core.SectionSpec;

/**
 * The cue words the extractive model classifies sentences by, and the mapping from a template's sections (by key,
 * title and guidance words) to the clinical kinds of content they hold. Cues match at a word start, so a cue is
 * also a prefix ("swell" matches "swelling"). Stateless and thread-safe.
 */
final class ClinicalCues {

  /** Kinds of clinical content a sentence can carry. */
  enum Kind { CHIEF_COMPLAINT, HISTORY, REVIEW_OF_SYSTEMS, EXAM, RESULTS, ASSESSMENT, PLAN }

  static final List<String> SYMPTOMS = List.of("pain", "hurt", "ache", "aching", "sore", "swell", "swollen",
      "numb", "tingl", "weak", "tired", "fatigue", "dizz", "nause", "vomit", "diarrhea", "constipat", "fever",
      "chill", "cough", "short of breath", "shortness of breath", "breath", "wheez", "headache", "migraine",
      "rash", "itch", "bleed", "blood", "burn", "cramp", "stiff", "sleep", "appetite", "weight", "anxi",
      "depress", "stress", "mood", "fall", "fell", "injur", "sprain", "twist", "pop", "click", "lock", "give out",
      "gave out", "symptom", "worse", "better", "started", "began", "since", "ago", "week", "month", "day",
      "year", "morning", "night", "episode", "flare", "attack", "medication", "taking", "take", "mg",
      "milligram", "pill", "inhaler", "insulin", "tylenol", "ibuprofen", "advil", "motrin", "aleve", "sugar",
      "pressure", "diet", "exercise", "walk", "run", "lift", "work", "smok", "alcohol", "drink", "knee", "back",
      "shoulder", "hip", "ankle", "wrist", "elbow", "neck", "chest", "stomach", "abdom", "head", "leg", "arm",
      "foot", "feet", "hand", "eye", "ear", "throat", "skin", "joint", "muscle", "surgery", "history",
      "diagnosed", "noticed", "feel", "felt", "trouble", "difficult", "able to", "unable");
  static final List<String> NEGATIONS = List.of("no ", "not ", "denies", "deny", "haven't", "hasn't", "never",
      "none", "without", "doesn't", "didn't", "don't", "any other");
  static final List<String> EXAM = List.of("exam", "examination", "palpat", "tender", "swelling", "edema",
      "effusion", "murmur", "lungs", "lung", "heart", "rhonchi", "crackle", "rales", "wheez", "range of motion",
      "reflex", "strength", "vital", "blood pressure is", "blood pressure was", "heart rate", "temperature",
      "oxygen", "saturation", "pulse", "appreciate", "auscultat", "abdomen", "soft", "bruis", "erythema",
      "sensation", "neurovascular", "capillary refill", "gait", "lesion", "laceration", "distress", "alert",
      "oriented", "clear to", "regular rate", "rhythm", "flexion", "extension", "positive", "negative",
      "bilateral", "pain to", "pain with", "look at", "looks", "feel", "i see", "i notice", "i hear", "listen",
      "press", "push");
  static final List<String> RESULTS = List.of("x-ray", "xray", "x ray", "mri", "ct ", "cat scan", "scan",
      "ultrasound", "echo", "ekg", "ecg", "lab", "bloodwork", "blood work", "a1c", "result", "showed", "shows",
      "show ", "revealed", "reveal", "review", "level", "cholesterol", "biopsy", "culture", "ejection fraction",
      "imaging", "image", "film", "study", "test", "panel", "count", "urinalysis", "hemoglobin", "creatinine",
      "kidney function", "stress test", "pathology", "report", "fracture", "normal", "unremarkable");
  static final List<String> ASSESSMENT = List.of("impression", "assessment", "diagnos", "consistent with",
      "i think", "i believe", "likely", "suspect", "sounds like", "it looks like", "looks like", "seems like",
      "you have", "you've got", "you do have", "secondary to", "due to", "related to", "condition", "problem",
      "sprain", "strain", "fracture", "tear", "arthritis", "infection", "syndrome", "disease", "controlled",
      "stable", "well controlled", "uncontrolled", "chronic", "acute");
  static final List<String> PLAN = List.of("plan", "recommend", "prescri", "start", "continue", "increase",
      "decrease", "stop", "order", "refer", "referral", "follow up", "follow-up", "schedule", "mg", "milligram",
      "physical therapy", "therapy", "medication", "surgery", "injection", "return", "come back", "see you",
      "weeks", "months", "let's", "i want", "i'd like", "we'll", "we will", "we're going to", "i'm going to",
      "going to", "should", "need to", "refill", "dose", "twice", "daily", "a day", "as needed", "ice",
      "brace", "rest", "avoid", "monitor", "check", "repeat", "appointment", "call", "nurse", "education",
      "counsel", "instruct", "lifestyle", "diet", "exercise", "consult", "specialist", "labs", "blood work",
      "get a", "get an", "confirm", "rule out");
  static final List<String> SOCIAL = List.of("how are you", "nice to", "good to see", "thank", "have a good",
      "take care", "any questions", "other questions", "sounds good", "see you later", "bye", "how's it going",
      "how have you been", "great to see", "pleasure", "weather", "nurse told you", "tell dax", "introduce",
      "sign the", "finalize the note", "all right", "alright");

  /** Words that mean nothing on their own in a cue set derived from a custom section's title and guidance. */
  private static final Set<String> GUIDANCE_STOP = Set.of("the", "and", "or", "of", "a", "an", "in", "on", "for",
      "to", "with", "as", "by", "any", "all", "each", "their", "they", "them", "this", "that", "these", "those",
      "what", "which", "who", "stated", "discussed", "visit", "patient", "patients", "clinician", "note", "notes",
      "section", "include", "including", "list", "text", "words", "few", "such", "other", "relevant", "given",
      "reports", "report", "mentioned", "from", "about", "was", "were", "is", "are", "be", "if");

  private static final Map<String, List<String>> SYNONYMS = Map.of(
      "medication", List.of("mg", "milligram", "taking", "prescri", "pill", "tablet", "dose"),
      "allerg", List.of("allerg", "reaction"),
      "social", List.of("smok", "alcohol", "drink", "married", "lives", "work", "job", "exercise"),
      "family", List.of("mother", "father", "sister", "brother", "family", "mom", "dad"),
      "vital", List.of("blood pressure", "heart rate", "temperature", "oxygen", "pulse", "weight"),
      "surg", List.of("surgery", "operation", "procedure"),
      "follow", List.of("follow up", "come back", "see you", "return", "weeks", "months"));

  private ClinicalCues() {}

  /** Number of cues that occur in {@code lower} at a word start. */
  static int hits(String lower, List<String> cues) {
    // a cue can only occur where some word starts with its first two characters: test that first (one pass)
    java.util.BitSet starts = new java.util.BitSet(1 << 14);
    for (int i = 0; i + 1 < lower.length(); i++) {
      if (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1))) {
        starts.set(bigram(lower.charAt(i), lower.charAt(i + 1)));
      }
    }
    int n = 0;
    for (String cue : cues) {
      if (starts.get(bigram(cue.charAt(0), cue.charAt(1))) && occursAtWordStart(lower, cue)) {
        n++;
      }
    }
    return n;
  }

  private static int bigram(char a, char b) {
    return ((a & 0x7F) << 7) | (b & 0x7F);
  }

  static boolean occursAtWordStart(String lower, String cue) {
    int from = 0;
    while (true) {
      int i = lower.indexOf(cue, from);
      if (i < 0) {
        return false;
      }
      if (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1))) {
        return true;
      }
      from = i + 1;
    }
  }

  /**
   * The kinds of content a template section holds, read from its key and title (and its guidance when those say
   * nothing). Empty for a custom section with no clinical kind; it is then filled by its own cue words.
   */
  static Set<Kind> kindsOf(SectionSpec s) {
    String name = (s.key().replace('_', ' ') + " " + s.title()).toLowerCase(Locale.ROOT);
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (has(name, "chief", "complaint", "reason for visit", "cc")) {
      kinds.add(Kind.CHIEF_COMPLAINT);
    }
    if (has(name, "subjective")) {
      kinds.addAll(EnumSet.of(Kind.CHIEF_COMPLAINT, Kind.HISTORY, Kind.REVIEW_OF_SYSTEMS));
    }
    if (has(name, "present illness", "hpi", "interval history", "history")
        && !has(name, "family", "social", "surgical", "medication")) {
      kinds.add(Kind.HISTORY);
    }
    if (has(name, "review of systems", "ros", "systems")) {
      kinds.add(Kind.REVIEW_OF_SYSTEMS);
    }
    if (has(name, "objective")) {
      kinds.addAll(EnumSet.of(Kind.EXAM, Kind.RESULTS));
    }
    if (has(name, "exam", "physical")) {
      kinds.add(Kind.EXAM);
    }
    if (has(name, "result", "lab", "imaging", "investigation", "data", "finding", "test")) {
      kinds.add(Kind.RESULTS);
    }
    if (has(name, "assessment", "impression", "diagnos", "problem")) {
      kinds.add(Kind.ASSESSMENT);
    }
    if (has(name, "plan", "treatment", "recommendation", "disposition", "orders", "instruction")) {
      kinds.add(Kind.PLAN);
    }
    return kinds;
  }

  /** Cue words of a custom section: the content words of its key, title and guidance, plus a few synonyms. */
  static List<String> customCues(SectionSpec s) {
    Set<String> cues = new LinkedHashSet<>();
    String text = (s.key().replace('_', ' ') + " " + s.title() + " " + s.guidance()).toLowerCase(Locale.ROOT);
    for (String w : text.split("[^a-z0-9]+")) {
      if (w.length() > 2 && !GUIDANCE_STOP.contains(w)) {
        String stem = w.length() > 5 ? w.substring(0, w.length() - (w.endsWith("ies") ? 3 : w.endsWith("s") ? 1
            : 0)) : w;
        cues.add(stem);
        for (Map.Entry<String, List<String>> e : SYNONYMS.entrySet()) {
          if (stem.startsWith(e.getKey())) {
            cues.addAll(e.getValue());
          }
        }
      }
    }
    return new ArrayList<>(cues);
  }

  private static boolean has(String name, String... words) {
    for (String w : words) {
      if (occursAtWordStart(name, w)) {
        return true;
      }
    }
    return false;
  }
}
