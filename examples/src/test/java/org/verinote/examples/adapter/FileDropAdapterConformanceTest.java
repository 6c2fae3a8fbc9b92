package org.verinote.examples.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.verinote.core.PatientContext;
import org.verinote.core.record.ClinicalRecordAdapter;
import org.verinote.core.record.EncounterContext;
import org.verinote.fhir.conformance.AdapterHarness;
import org.verinote.fhir.conformance.ClinicalRecordAdapterConformance;
import org.verinote.fhir.conformance.Fault;
import org.verinote.fhir.conformance.ReadFixture;

/** The example file-drop adapter passes the same conformance kit as the FHIR and HL7 adapters. */
class FileDropAdapterConformanceTest extends ClinicalRecordAdapterConformance {

  @Override
  protected AdapterHarness createHarness() throws Exception {
    Path root = Files.createTempDirectory("verinote-drop");
    Files.createDirectories(root.resolve("outbox"));
    Files.createDirectories(root.resolve("patients"));
    Files.createDirectories(root.resolve("encounters"));
    Files.writeString(root.resolve("patients/pt-1.properties"), "given=Amina,Q\nfamily=Okafor\n"
        + "birthDate=1971-04-09\nsex=female\nmrn=MRN-00417\nidentifiers=999-12-3456\n"
        + "address=12 Harbour Road\ncity=Springfield\npostalCode=01109\nphones=555-0142\n");
    Files.writeString(root.resolve("encounters/enc-1.properties"), "patient=Patient/pt-1\n"
        + "start=2024-03-05T09:00:00Z\nend=2024-03-05T09:40:00Z\nstatus=finished\n");
    return new Harness(root);
  }

  private static final class Harness implements AdapterHarness {
    private final Path root;
    private final FileDropAdapter adapter;

    Harness(Path root) {
      this.root = root;
      this.adapter = FileDropAdapter.create(root);
    }

    @Override
    public ClinicalRecordAdapter adapter() {
      return adapter;
    }

    @Override
    public ClinicalRecordAdapter freshAdapter() {
      return FileDropAdapter.create(root);
    }

    @Override
    public String encounterId() {
      return "enc-1";
    }

    @Override
    public String patientRef() {
      return "Patient/pt-1";
    }

    @Override
    public Optional<ReadFixture> reads() {
      PatientContext patient = PatientContext.builder().givenName("Amina").givenName("Q").familyName("Okafor")
          .birthDate(LocalDate.of(1971, 4, 9)).sex(PatientContext.Sex.FEMALE).mrn("MRN-00417")
          .identifier("999-12-3456").addressLine("12 Harbour Road").city("Springfield").postalCode("01109")
          .phone("555-0142").build();
      EncounterContext encounter = new EncounterContext("Encounter/enc-1", "Patient/pt-1",
          Instant.parse("2024-03-05T09:00:00Z"), Instant.parse("2024-03-05T09:40:00Z"), "finished");
      return Optional.of(new ReadFixture("Patient/pt-1", patient, "Encounter/enc-1", encounter, "Patient/nobody"));
    }

    @Override
    public int recordsFor(String submissionKey) {
      try (Stream<Path> files = Files.list(root.resolve("outbox"))) {
        return (int) files.filter(f -> f.getFileName().toString().equals(submissionKey + ".md")).count();
      } catch (IOException e) {
        return 0;
      }
    }

    @Override
    public Set<Fault> supportedFaults() {
      return EnumSet.of(Fault.PERMANENT_REJECTION);
    }

    @Override
    public void inject(Fault fault) {
      try {
        Path outbox = root.resolve("outbox");
        Files.delete(outbox);
        Files.writeString(outbox, "not a folder");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
