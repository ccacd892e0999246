package dev.pqcert.bundle;

import java.nio.file.Path;

/**
 * Reads a submission's test report, in memory and bounded like packages ({@link Limits}): a {@code
 * .pbit}, a {@code .pbix} holding a {@code DataMashup}, a {@code .pbip} file or a {@code
 * *.SemanticModel} folder.
 */
public final class TestReportReader {
  /** Whether the path names a test report by its name or layout (not by reading its content). */
  public static boolean isTestReport(Path path) {
    throw new UnsupportedOperationException("issue 17: the reader is being written");
  }

  /**
   * Reads the report's queries.
   *
   * @throws InputException one line naming the file and what is wrong: unreadable, hostile, or a
   *     current-format .pbix whose queries live in its compressed model
   */
  public TestReport read(Path path, String displayName) throws InputException {
    throw new UnsupportedOperationException("issue 17: the reader is being written");
  }
}
