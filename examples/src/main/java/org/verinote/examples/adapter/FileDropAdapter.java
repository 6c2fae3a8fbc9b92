package org.verinote.examples.adapter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.verinote.core.AdapterException;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.core.record.SubmissionReceipt;
import org.verinote.core.review.ApprovedNote;

/**
 * An integrator's starting point: a {@link ClinicalRecordAdapter} that drops approved notes as files into a folder
 * an interface engine watches, and reads patient and encounter context from properties files beside it.
 *
 * <pre>
 * root/
 *   patients/{id}.properties     given=Amina,Q  family=Okafor  birthDate=1971-04-09  sex=FEMALE  mrn=…
 *   encounters/{id}.properties   patient=Patient/pt-1  start=2024-03-05T09:00:00Z  end=…  status=finished
 *   outbox/{submissionKey}.md    the note: a front-matter header, then the Markdown
 * </pre>
 *
 * <p>Idempotent without any memory: a note's file is named after its submission key and published with a hard
 * link, which the file system creates atomically or refuses if the name exists — so the same note twice, from two
 * threads or two processes, leaves one file, and a half-written file is never visible. Passes the adapter
 * conformance kit ({@code FileDropAdapterConformanceTest}). Thread-safe.
 */
public final class FileDropAdapter implements ClinicalRecordAdapter {

  private final Path root;
  private final Clock clock;

  private FileDropAdapter(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
  }

  /**
   * An adapter over a drop folder.
   *
   * @param root the folder holding {@code patients/}, {@code encounters/} and {@code outbox/}
   * @return the adapter
   * @throws NullPointerException if {@code root} is null
   */
  public static FileDropAdapter create(Path root) {
    return new FileDropAdapter(Objects.requireNonNull(root, "root").toAbsolutePath(), Clock.systemUTC());
  }

  @Override
  public String name() {
    return "file-drop";
  }

  @Override
  public Optional<PatientContext> readPatient(String patientRef) {
    return load("patients", id(patientRef)).map(FileDropAdapter::patient);
  }

  @Override
  public Optional<EncounterContext> readEncounter(String encounterRef) {
    String id = id(encounterRef);
    return load("encounters", id).map(p -> new EncounterContext("Encounter/" + id, p.getProperty("patient"),
        instant(p.getProperty("start")), instant(p.getProperty("end")), p.getProperty("status")));
  }

  @Override
  public SubmissionReceipt submit(ApprovedNote note) {
    Objects.requireNonNull(note, "note");
    String key = note.submissionKey();
    if (!key.matches("[A-Za-z0-9._-]{1,128}") || key.startsWith(".")) {
      throw new AdapterException("Submission key of note " + note.draftId() + " is not a safe file name; "
          + "this adapter accepts [A-Za-z0-9._-] only.", -1, false, null);
    }
    Path outbox = root.resolve("outbox");
    Path target = outbox.resolve(key + ".md");
    String recordId = "outbox/" + key + ".md";
    if (!Files.isDirectory(outbox) || !Files.isWritable(outbox)) {
      throw new AdapterException("Drop folder " + outbox.getFileName() + " is missing, not a folder or not writable; "
          + "nothing was written. Fix the folder, then submit again.", -1, false, null);
    }
    Path tmp = outbox.resolve(".tmp-" + UUID.randomUUID());
    try {
      Files.writeString(tmp, render(note), StandardCharsets.UTF_8);
      try {
        Files.createLink(target, tmp);
        return new SubmissionReceipt(name(), key, recordId, false, clock.instant());
      } catch (FileAlreadyExistsException e) {
        return new SubmissionReceipt(name(), key, recordId, true, clock.instant());
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (NoSuchFileException | NotDirectoryException | AccessDeniedException e) {
      throw new AdapterException("Drop folder " + outbox.getFileName() + " is missing or not writable ("
          + e.getClass().getSimpleName() + "); nothing was written. Fix the folder, then submit again.", -1, false,
          e);
    } catch (IOException e) {
      throw new AdapterException("Writing note " + note.draftId() + " to the drop folder failed ("
          + e.getClass().getSimpleName() + "); nothing was published. Retry later.", -1, true, e);
    }
  }

  private static String render(ApprovedNote note) {
    return "---\n"
        + "submission-key: " + note.submissionKey() + "\n"
        + "patient: " + note.patientRef().orElse("") + "\n"
        + "encounter: " + note.encounterId() + "\n"
        + "document-type: LOINC " + note.documentTypeCode() + "\n"
        + "approved-by: " + note.approvedBy() + "\n"
        + "approved-at: " + note.approvedAt() + "\n"
        + "drafted-by-model: " + note.modelId() + " " + note.modelVersion() + "\n"
        + "---\n"
        + note.note().toMarkdown() + "\n";
  }

  private Optional<Properties> load(String folder, String id) {
    Path file = root.resolve(folder).resolve(id + ".properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return Optional.of(p);
    } catch (IOException e) {
      throw new AdapterException("Reading " + folder + "/" + id + " failed (" + e.getClass().getSimpleName()
          + "). Retry later.", -1, true, e);
    }
  }

  private static PatientContext patient(Properties p) {
    PatientContext.Builder b = PatientContext.builder();
    for (String g : list(p, "given")) {
      b.givenName(g);
    }
    Optional.ofNullable(p.getProperty("family")).filter(s -> !s.isBlank()).ifPresent(b::familyName);
    Optional.ofNullable(p.getProperty("birthDate")).filter(s -> !s.isBlank()).map(LocalDate::parse)
        .ifPresent(b::birthDate);
    Optional.ofNullable(p.getProperty("sex")).filter(s -> !s.isBlank())
        .map(s -> PatientContext.Sex.valueOf(s.strip().toUpperCase(Locale.ROOT))).ifPresent(b::sex);
    Optional.ofNullable(p.getProperty("mrn")).filter(s -> !s.isBlank()).ifPresent(b::mrn);
    list(p, "identifiers").forEach(b::identifier);
    list(p, "address").forEach(b::addressLine);
    Optional.ofNullable(p.getProperty("city")).filter(s -> !s.isBlank()).ifPresent(b::city);
    Optional.ofNullable(p.getProperty("postalCode")).filter(s -> !s.isBlank()).ifPresent(b::postalCode);
    list(p, "phones").forEach(b::phone);
    list(p, "emails").forEach(b::email);
    return b.build();
  }

  private static java.util.List<String> list(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      return java.util.List.of();
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static Instant instant(String v) {
    return v == null || v.isBlank() ? null : Instant.parse(v.strip());
  }

  private static String id(String ref) {
    Objects.requireNonNull(ref, "ref");
    String id = ref.substring(ref.lastIndexOf('/') + 1).strip();
    if (!id.matches("[A-Za-z0-9._-]{1,64}") || id.startsWith(".")) {
      throw new IllegalArgumentException("Expected a reference like 'Patient/123' with a safe id, got an id of "
          + id.length() + " characters");
    }
    return id;
  }

  @Override
  public String toString() {
    return "FileDropAdapter[" + root.getFileName() + "]";
  }
}
