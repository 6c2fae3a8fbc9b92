package org.verinote.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.verinote.core.Status;
import org.verinote.core.StructuringResult;

class FiveLinesTest {

  private static Path sample() {
    Path p = Path.of("transcripts/knee-pain.txt");
    return Files.exists(p) ? p : Path.of("examples/transcripts/knee-pain.txt");
  }

  @Test
  void draft_sampleTranscript_draftsASoapNoteWithEvidenceAndDeidentificationOn() throws Exception {
    StructuringResult result = FiveLines.draft(sample());
    assertThat(result.status()).isEqualTo(Status.DRAFTED);
    assertThat(result.provenance().deidentified()).isTrue();
    assertThat(result.note().orElseThrow().sections())
        .filteredOn(s -> !s.isEmpty())
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(s -> assertThat(s.evidence()).isNotEmpty());
  }

  @Test
  void readme_quotesTheProgramVerbatim() throws Exception {
    Path readme = Files.exists(Path.of("../README.md")) ? Path.of("../README.md") : Path.of("README.md");
    Path source = Path.of("src/main/java/org/verinote/examples/embed/FiveLines.java");
    if (!Files.exists(source)) {
      source = Path.of("examples").resolve(source);
    }
    String program = Files.readString(source);
    String body = program.substring(program.indexOf("    NoteStructurer structurer"),
        program.indexOf("    return result;")).stripTrailing().stripIndent();
    assertThat(Files.readString(readme).replace("\r", "")).contains(body.strip());
  }
}
