package org.verinote.guardrails;

import java.util.List;
import org.verinote.core.NoteSection;
import org.verinote.core.NoteTemplate;
import org.verinote.core.StructuredNote;
import org.verinote.core.Transcript;
import org.verinote.core.guard.GuardContext;
import org.verinote.core.guard.GuardVerdict;
import org.verinote.core.guard.Guardrail;
import org.verinote.core.model.PromptProfile;

/** Small hand-written encounters for layer tests. */
final class Fixtures {

  static final String TRANSCRIPT = "[doctor] hi , how are you ? what brings you in today ?\n"
      + "[patient] i've had chest pain for about two weeks .\n"
      + "[doctor] any shortness of breath ?\n"
      + "[patient] no , none .\n"
      + "[doctor] any fever ?\n"
      + "[patient] no .\n"
      + "[doctor] okay . your blood pressure today is one forty over ninety . you are fifty seven years old , right ?\n"
      + "[patient] yes .\n"
      + "[doctor] let's increase your lisinopril to forty milligrams daily and get an ekg .\n";

  private Fixtures() {}

  static Transcript transcript() {
    return Transcript.parse(TRANSCRIPT);
  }

  static StructuredNote note(String... keyAndText) {
    NoteSection[] s = new NoteSection[keyAndText.length / 2];
    for (int i = 0; i < s.length; i++) {
      s[i] = new NoteSection(keyAndText[2 * i], "Section " + i, keyAndText[2 * i + 1], List.of());
    }
    return StructuredNote.of("test", "1", List.of(s));
  }

  static GuardContext context(Transcript t, StructuredNote note) {
    NoteTemplate.Builder b = NoteTemplate.builder("test");
    for (NoteSection s : note.sections()) {
      b.section(s.key(), s.title(), "g");
    }
    return new GuardContext(t, b.build(), note, "", PromptProfile.LARGE_HOSTED, 1);
  }

  static GuardVerdict run(Guardrail g, String noteText) {
    return g.check(context(transcript(), note("plan", noteText)));
  }

  /** Runs one layer over a transcript and a one-section note. */
  static GuardVerdict run(Guardrail g, String sectionKey, String transcript, String noteText) {
    return g.check(context(Transcript.parse(transcript), note(sectionKey, noteText)));
  }

  /** The messages of a layer's findings over a transcript and a one-section note. */
  static List<String> messages(Guardrail g, String sectionKey, String transcript, String noteText) {
    return run(g, sectionKey, transcript, noteText).findings().stream().map(org.verinote.core.Finding::message)
        .toList();
  }

  static String textOf(GuardVerdict v) {
    return ((GuardVerdict.Rewrite) v).note().sections().get(0).text();
  }
}
