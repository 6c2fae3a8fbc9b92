package org.verinote.examples.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verinote.core.Encounter;
import org.verinote.core.NoteStructurer;
import org.verinote.core.NoteTemplate;
import org.verinote.core.StructuringResult;
import org.verinote.core.Transcript;
import org.verinote.core.model.ExtractiveModelProvider;

/**
 * The README's "five lines to a draft", as a program: {@code java … FiveLines examples/transcripts/knee-pain.txt}.
 * The README quotes the body of {@link #draft(Path)} verbatim; FiveLinesTest runs it.
 */
public final class FiveLines {

  private FiveLines() {}

  /**
   * Structures one transcript file on the embedded extractive model with de-identification on (the default).
   *
   * @param path a transcript file
   * @return the result
   * @throws IOException if the file cannot be read
   */
  public static StructuringResult draft(Path path) throws IOException {
    NoteStructurer structurer = NoteStructurer.builder().model(new ExtractiveModelProvider()).build();
    Encounter encounter = Encounter.builder().tenantId("clinic-a").encounterId("visit-42")
        .transcript(Transcript.parse(Files.readString(path))).template(NoteTemplate.soap()).build();
    StructuringResult result = structurer.structure(encounter);
    result.note().ifPresent(note -> System.out.println(note.toMarkdown()));
    return result;
  }

  /**
   * Entry point.
   *
   * @param args one transcript path
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    draft(Path.of(args.length > 0 ? args[0] : "examples/transcripts/knee-pain.txt"));
  }
}
