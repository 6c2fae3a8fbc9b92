package org.verinote.core.model;

import java.util.Locale;
import java.util.Set;
import org.verinote.core.PatientContext;
import org.verinote.core.SpeakerRole;

/**
 * Rewrites first and second person into clinical third person, word by word, where the referent is certain: the
 * patient's "I/me/my" and the clinician's "you/your" both mean the patient. Everything else is copied unchanged —
 * the clinician's own "I", and anything said by family members or unknown speakers. Stateless and thread-safe.
 */
final class ThirdPerson {

  /** The pronoun set for the patient. */
  record Pronouns(String subject, String object, String possessive, String possessivePronoun, String reflexive) {
    static Pronouns of(PatientContext.Sex sex) {
      if (sex == PatientContext.Sex.MALE) {
        return new Pronouns("he", "him", "his", "his", "himself");
      }
      if (sex == PatientContext.Sex.FEMALE) {
        return new Pronouns("she", "her", "her", "hers", "herself");
      }
      return new Pronouns("the patient", "the patient", "their", "theirs", "themselves");
    }
  }

  private static final Set<String> ADVERBS = Set.of("just", "really", "also", "usually", "never", "always", "still",
      "actually", "definitely", "only", "probably", "sometimes", "often", "mostly", "generally", "normally",
      "certainly", "recently", "finally", "even", "already", "occasionally", "rarely", "basically", "constantly",
      "typically", "honestly", "kinda", "not", "most", "pretty", "much", "kind", "sort", "of", "too");
  private static final Set<String> UNCHANGED = Set.of("was", "had", "did", "could", "would", "should", "will", "can",
      "might", "must", "may", "shall", "got", "felt", "went", "took", "came", "saw", "thought", "said", "told",
      "made", "found", "knew", "gave", "began", "fell", "broke", "hurt", "ran", "ate", "drank", "slept", "woke",
      "left", "kept", "put", "quit", "lost", "bought", "brought", "caught", "heard", "meant", "read", "set", "sat",
      "stood", "spent", "wore", "cut", "hit", "let", "became", "forgot", "didn't", "wasn't", "couldn't",
      "wouldn't", "shouldn't", "can't", "won't", "hadn't", "used", "guess", "been");
  private static final Set<String> OBJECT_AFTER = Set.of("want", "wanted", "see", "seeing", "seen", "give", "giving",
      "gave", "tell", "telling", "told", "let", "send", "sending", "sent", "for", "to", "with", "ask", "asked",
      "help", "get", "getting", "start", "make", "call", "thank", "bring", "refer", "keep", "at", "about",
      "from", "of", "on", "by", "take", "prescribe", "show", "check", "examine", "expect", "encourage", "advise",
      "remind", "schedule", "need", "have", "hear", "love", "follow", "treat", "put", "than", "into",
      "behind", "around", "between", "toward", "towards", "without", "against", "upon", "after", "before",
      "taking", "bringing", "asking", "putting", "starting", "letting", "scheduling", "referring", "examining");

  /** Words that cannot start a verb phrase: "you" before them is an object ("continue you on it"). */
  private static final Set<String> NOT_VERB = Set.of("on", "in", "at", "to", "the", "a", "an", "and", "or", "but",
      "for", "with", "of", "so", "that", "this", "guys", "back", "up", "down", "off", "out", "over", "today",
      "tomorrow", "again", "here", "there", "now", "then", "about", "through", "into", "from", "some", "my",
      "your", "his", "her", "their", "our", "one", "two", "three", "as", "if", "when", "because", "too", "soon",
      "later", "next", "all", "both", "yourself", "well", "very", "more", "less");

  private final Pronouns p;

  ThirdPerson(PatientContext.Sex sex) {
    this.p = Pronouns.of(sex);
  }

  /**
   * Rewrites one cleaned sentence spoken by {@code role}.
   *
   * @param sentence the sentence
   * @param role who said it
   * @return the rewritten sentence; unchanged for {@link SpeakerRole#OTHER}
   */
  String rewrite(String sentence, SpeakerRole role) {
    if (role == SpeakerRole.OTHER) {
      return sentence;
    }
    String[] words = sentence.split(" ");
    String[] lead = new String[words.length];
    String[] core = new String[words.length];
    String[] trail = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      int a = 0;
      int b = word.length();
      while (a < b && !Character.isLetterOrDigit(word.charAt(a))) {
        a++;
      }
      while (b > a && !Character.isLetterOrDigit(word.charAt(b - 1))) {
        b--;
      }
      lead[i] = word.substring(0, a);
      core[i] = word.substring(a, b);
      trail[i] = word.substring(b);
    }
    StringBuilder out = new StringBuilder(sentence.length() + 16);
    boolean conjugateNext = false;
    for (int i = 0; i < words.length; i++) {
      if (words[i].isEmpty()) {
        continue;
      }
      String lower = lower(core[i]);
      String replaced;
      boolean subject = false;
      if (conjugateNext && !core[i].isEmpty()) {
        if ((ADVERBS.contains(lower) || lower.endsWith("ly")) && lead[i].isEmpty() && trail[i].isEmpty()) {
          replaced = core[i];
          subject = true; // keep looking for the verb after the adverb
        } else {
          replaced = conjugate(lower, core[i]);
        }
      } else if (role == SpeakerRole.PATIENT) {
        replaced = patientWord(lower);
        subject = lower.equals("i");
      } else {
        boolean verbFollows = i + 1 < words.length && trail[i].isEmpty() && !core[i + 1].isEmpty()
            && !NOT_VERB.contains(lower(core[i + 1]));
        String previous = i == 0 ? "" : lower(core[i - 1]);
        boolean asSubject = verbFollows && !OBJECT_AFTER.contains(previous);
        replaced = clinicianWord(lower, asSubject);
        subject = lower.equals("you") && asSubject;
      }
      if (replaced == null) {
        replaced = core[i];
      }
      conjugateNext = subject && trail[i].isEmpty();
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(lead[i]).append(replaced).append(trail[i]);
    }
    return out.toString();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  private String patientWord(String w) {
    return switch (w) {
      case "i" -> p.subject();
      case "i'm", "im" -> p.subject() + " is";
      case "i've" -> p.subject() + " has";
      case "i'll" -> p.subject() + " will";
      case "i'd" -> p.subject() + " would";
      case "me" -> p.object();
      case "my" -> p.possessive();
      case "myself" -> p.reflexive();
      case "mine" -> p.possessivePronoun();
      default -> null;
    };
  }

  private String clinicianWord(String w, boolean asSubject) {
    return switch (w) {
      case "you" -> asSubject ? p.subject() : p.object();
      case "you're", "youre" -> p.subject() + " is";
      case "you've" -> p.subject() + " has";
      case "you'll" -> p.subject() + " will";
      case "you'd" -> p.subject() + " would";
      case "your" -> p.possessive();
      case "yours" -> p.possessivePronoun();
      case "yourself" -> p.reflexive();
      case "i" -> "I";
      case "i'm" -> "I'm";
      case "i've" -> "I've";
      case "i'll" -> "I'll";
      case "i'd" -> "I'd";
      default -> null;
    };
  }

  /** Third-person singular present of the verb after a rewritten subject; past tense and modals unchanged. */
  static String conjugate(String lower, String original) {
    switch (lower) {
      case "am", "are" -> {
        return "is";
      }
      case "were" -> {
        return "was";
      }
      case "have" -> {
        return "has";
      }
      case "do" -> {
        return "does";
      }
      case "go" -> {
        return "goes";
      }
      case "don't", "dont" -> {
        return "doesn't";
      }
      case "haven't" -> {
        return "hasn't";
      }
      case "aren't" -> {
        return "isn't";
      }
      case "weren't" -> {
        return "wasn't";
      }
      default -> {
        // fall through to the regular rule
      }
    }
    if (UNCHANGED.contains(lower) || (lower.endsWith("ed") && !lower.endsWith("eed")) || lower.endsWith("s")
        || lower.endsWith("ing")
        || lower.length() < 2
        || !lower.chars().allMatch(Character::isLetter)) {
      return original;
    }
    if (lower.endsWith("sh") || lower.endsWith("ch") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("o")) {
      return original + "es";
    }
    if (lower.endsWith("y") && lower.length() > 2 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return original.substring(0, original.length() - 1) + "ies";
    }
    return original + "s";
  }
}
