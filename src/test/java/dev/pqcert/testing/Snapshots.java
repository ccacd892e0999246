package dev.pqcert.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ruff-style snapshots: a test's whole output is compared with a committed file. With {@code
 * -Dpqcert.updateSnapshots=true} the file is rewritten instead, and a reviewer reads its diff.
 */
public final class Snapshots {
  /** The switch that rewrites every snapshot instead of comparing with it. */
  public static final boolean UPDATE = Boolean.getBoolean("pqcert.updateSnapshots");

  private Snapshots() {}

  /**
   * Compares {@code actual} with the snapshot {@code file}, or writes it when updating. The
   * snapshot's line ends are read as LF, should a checkout have turned them into CRLF; the actual
   * output's are compared as they are, so a report that starts writing CRLF fails.
   */
  public static void assertMatches(Path file, String actual, String what) throws IOException {
    if (UPDATE) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(
        Files.exists(file),
        file + " is missing; create it with -Dpqcert.updateSnapshots=true and review it");
    String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(expected, actual, what);
  }
}
