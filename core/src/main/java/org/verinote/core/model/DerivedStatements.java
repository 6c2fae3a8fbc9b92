package org.verinote.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verinote.core.SpeakerRole;
import org.verinote.core.Turn;
import org.verinote.core.model.Utterances.Sentence;

/**
 * The two statements the extractive model derives from conversational patterns rather than copying one sentence:
 * the chief complaint phrase ("here for X", "presents with X", "complaining of X", "having some X pain") and
 * "Denies X." / "Reports X." from a clinician's yes/no question and the patient's short answer. Both are built only
 * from transcript words. Stateless apart from the pronoun set; thread-safe.
 */
final class DerivedStatements {

  private static final Pattern CC = Pattern.compile("\\b(?:presents?|presenting|here|in|office|seen|coming in|"
      + "came in|come in|referred)(?: today)?(?: with| for| because of| due to)\\s+(?:an? |the |some |your |his |her |"
      + "ongoing management of |evaluation of |follow-up of )?"
      + "([a-z][a-z0-9 '-]{2,60}?)(?=[.,?!]| and | who | that | which | today| for |$)");
  private static final Pattern COMPLAINT = Pattern.compile("\\bcomplain(?:s|ing|ed)? (?:of |about |to check )?"
      + "(?:an? |the |some |his |her |your )?([a-z][a-z0-9 '-]{2,60}?)(?=[.,?!]| and | that | for |$)");
  private static final Pattern SYMPTOM_MENTION = Pattern.compile("\\b(?:experiencing|having|had|have|with|injured|"
      + "hurt)\\s+(?:some |a |an |this |that |the |your |his |her |my )?((?:(?!been |feeling |lotta |lot |any |so |"
      + "really |very |bad |the |had |have |a |an |my |your |his |her )[a-z-]+ ){0,3}(?:pain|aches?|injury|"
      + "swelling|cough|headaches?|fevers?|rash|murmur|ulcer|congestion|asthma|arthritis|numbness|weakness|"
      + "dizziness|fatigue|infection|knee|shoulder|back|ankle|wrist|elbow|hip|neck|foot))\\b");
  private static final Pattern FINDING_QUESTION = Pattern.compile("^(?:(?:and|so|okay|ok|now|also|how about|"
      + "what about|any|do you have|have you (?:had|noticed|experienced|been having)|are you having|"
      + "did you (?:have|notice|experience)|is there|you have|you're not having|no)\\s+)+(?:any\\s+)?"
      + "([a-z][a-z0-9 ,'-]{2,70}?)\\s*(?:at all|or anything(?: like that)?|lately|recently|"
      + "that you've noticed|or not)?\\s*\\?$");
  private static final Pattern NEGATIVE_ANSWER = Pattern.compile("^\\W*(?:no|nope|nah|none|never|negative|"
      + "not really|not at all|i don't|i haven't|i have not|i do not)\\b");
  private static final Pattern POSITIVE_ANSWER =
      Pattern.compile("^\\W*(?:yes|yeah|yep|yup|uh-huh|mm-hmm|i do|i have|correct)\\b");
  private static final Set<String> NOT_FINDINGS = Set.of("question", "questions", "concern", "concerns", "else",
      "help", "idea", "plans", "plan");

  private final ThirdPerson thirdPerson;

  DerivedStatements(ThirdPerson thirdPerson) {
    this.thirdPerson = thirdPerson;
  }

  /** A "Denies X." or "Reports X." statement from a yes/no question and the next turn's short answer. */
  record Answered(String text, boolean negative) {}

  Optional<Answered> answered(Sentence question, List<Turn> turns) {
    if (question.turn() + 1 >= turns.size()) {
      return Optional.empty();
    }
    Turn answer = turns.get(question.turn() + 1);
    String a = answer.text().toLowerCase(Locale.ROOT);
    int words = Utterances.wordCount(a);
    if (answer.role() != SpeakerRole.PATIENT || words > 8) {
      return Optional.empty();
    }
    boolean negative = NEGATIVE_ANSWER.matcher(a).find();
    boolean positive = !negative && words <= 4 && POSITIVE_ANSWER.matcher(a).find();
    if (!negative && !positive) {
      return Optional.empty();
    }
    Matcher m = FINDING_QUESTION.matcher(question.lower());
    if (!m.find()) {
      return Optional.empty();
    }
    String finding = m.group(1).strip();
    for (String w : finding.split("[^a-z']+")) {
      if (NOT_FINDINGS.contains(w)) {
        return Optional.empty();
      }
    }
    if (Utterances.wordCount(finding) > 10 || ExtractiveDrafter.contentWords(finding) < 1) {
      return Optional.empty();
    }
    String rewritten = thirdPerson.rewrite(finding, SpeakerRole.CLINICIAN);
    return Optional.of(new Answered((negative ? "Denies " : "Reports ") + rewritten + ".", negative));
  }

  /** The chief complaint in a few words, copied from "presents with X" / "here for X" / "complaining of X". */
  String chiefComplaint(List<Sentence> sentences) {
    for (Sentence s : sentences) {
      if (s.position() > 0.3) {
        break;
      }
      for (Pattern p : new Pattern[] {CC, COMPLAINT, SYMPTOM_MENTION}) {
        Matcher m = p.matcher(s.lower());
        if (m.find() && ExtractiveDrafter.contentWords(m.group(1)) > 0) {
          String phrase = thirdPerson.rewrite(m.group(1).strip(), s.role());
          return ExtractiveDrafter.sentence(phrase);
        }
      }
    }
    return null;
  }
}
