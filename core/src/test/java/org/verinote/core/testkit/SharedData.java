package org.verinote.core.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared data sets ({@code ../shared/data} beside the project root). Tests that need them call
 * {@link #require(String)}, which skips the test (a JUnit assumption) when the data is absent, so a fresh clone
 * without {@code ../shared} still passes.
 */
public final class SharedData {

  private SharedData() {}

  /**
   * The shared data directory, whether or not it exists: system property {@code verinote.shared.dir} (set by the
   * build), else {@code ../shared} and {@code ../../shared} relative to the working directory.
   *
   * @return the {@code shared/data} path
   */
  public static Path dataDir() {
    String prop = System.getProperty("verinote.shared.dir");
    if (prop != null && Files.isDirectory(Path.of(prop, "data"))) {
      return Path.of(prop, "data").toAbsolutePath().normalize();
    }
    for (String candidate : new String[] {"../shared", "../../shared", "shared"}) {
      Path p = Path.of(candidate, "data");
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    return Path.of("../shared/data").toAbsolutePath().normalize();
  }

  /**
   * Returns a file or directory under {@code shared/data}, skipping the calling test if it is absent.
   *
   * @param relative e.g. {@code "aci-bench/clinicalnlp_taskB_test1.csv"}
   * @return the path, which exists
   */
  public static Path require(String relative) {
    Path p = dataDir().resolve(relative);
    assumeTrue(Files.exists(p), "shared data not present: " + relative + " (skipping)");
    return p;
  }

  /**
   * Whether a file or directory under {@code shared/data} exists.
   *
   * @param relative the relative path
   * @return {@code true} if present
   */
  public static boolean present(String relative) {
    return Files.exists(dataDir().resolve(relative));
  }
}
