package org.verinote.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verinote.core.NoteTemplate;
import org.verinote.core.PatientContext;
import org.verinote.core.Status;
import org.verinote.core.StructuringResult;

/**
 * The extractive model only copies or lightly rephrases: every word it writes is a transcript word, a third-person
 * form of one, or one of the few words its rephrasing and its age/sex opening use.
 */
class ExtractiveCopiesOnlyProperties {

  /** Words the model may write that need not be in the transcript. */
  static final Set<String> REPHRASING = Set.of("he", "she", "him", "her", "his", "hers", "himself", "herself",
      "the", "patient", "their", "theirs", "themselves", "is", "has", "does", "doesn", "hasn", "isn", "wasn", "t",
      "was", "would", "will", "denies", "reports", "a", "year", "old", "male", "female", "i", "going", "to", "want",
      "got");

  private static final List<String> WORDS = List.of("i", "you", "my", "your", "me", "i'm", "you're", "i've", "have",
      "am", "are", "feel", "go", "pain", "knee", "fever", "no", "any", "take", "mg", "ibuprofen", "exam", "shows",
      "x-ray", "plan", "refer", "therapy", "weeks", "impression", "sprain", "tenderness", "swelling", "and", "the",
      "it", "started", "ago", "um", "uh", "gon", "na", "okay", "so", "hey", "dragon", "order", "continue", "40",
      "lungs", "clear", "cough", "chills", "want", "see", "back", "two", "denies", "allergies");

  @Property(tries = 150)
  void everyWrittenWord_comesFromTheTranscriptOrTheRephrasingVocabulary(@ForAll("transcripts") String transcript,
      @ForAll("templates") NoteTemplate template) {
    PatientContext ctx = PatientContext.builder().age(42).sex(PatientContext.Sex.FEMALE).build();
    StructuringResult r = ExtractiveModelProviderTest.structure(transcript, template, ctx);
    assertThat(r.status()).isEqualTo(Status.DRAFTED);
    Set<String> source = new HashSet<>(Rouge.tokens(transcript));
    for (String w : Rouge.tokens(r.note().orElseThrow().toPlainText())) {
      if (w.equals("42") || REPHRASING.contains(w) || source.contains(w) || isTitleWord(w, template)) {
        continue;
      }
      assertThat(thirdPersonFormOfSourceWord(w, source)).as("word '%s' is not from the transcript", w).isTrue();
    }
  }

  private static boolean thirdPersonFormOfSourceWord(String w, Set<String> source) {
    return (w.endsWith("ies") && source.contains(w.substring(0, w.length() - 3) + "y"))
        || (w.endsWith("es") && source.contains(w.substring(0, w.length() - 2)))
        || (w.endsWith("s") && source.contains(w.substring(0, w.length() - 1)));
  }

  private static boolean isTitleWord(String w, NoteTemplate t) {
    return t.sections().stream().anyMatch(s -> Rouge.tokens(s.title()).contains(w));
  }

  @Provide
  Arbitrary<String> transcripts() {
    Arbitrary<String> sentence = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(14)
        .map(ws -> String.join(" ", ws))
        .flatMap(s -> Arbitraries.of(" .", " ?", " ,", "").map(p -> s + p));
    Arbitrary<String> line = Arbitraries.of("[doctor] ", "[patient] ", "[patient_guest] ", "")
        .flatMap(label -> sentence.list().ofMinSize(1).ofMaxSize(3).map(ss -> label + String.join(" ", ss)));
    return line.list().ofMinSize(1).ofMaxSize(25).map(ls -> String.join("\n", ls))
        .filter(t -> !t.isBlank() && t.chars().anyMatch(Character::isLetter));
  }

  @Provide
  Arbitrary<NoteTemplate> templates() {
    return Arbitraries.of(NoteTemplate.soap(), NoteTemplate.aciBench(),
        NoteTemplate.builder("custom").section("story", "Story", "What happened.")
            .section("medications", "Medications", "Drugs and doses.").build());
  }
}
