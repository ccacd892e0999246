package dev.pqcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.ReportQuery;
import dev.pqcert.bundle.TestReport;
import dev.pqcert.bundle.TestReportReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test report readers on any bytes: a template or report that is a zip, a damaged one or none,
 * and a Power BI project's TMDL file, are read or refused in one line naming the file; nothing else
 * escapes, and every query read has its text and a place. Seeds: the sample reports and TMDL files.
 */
class TestReportFuzzTest {
  @TempDir static Path temp;

  @FuzzTest(maxDuration = "10m")
  void readTemplate(byte[] bytes) {
    Path file = temp.resolve("Fuzzed.pbit");
    Promises.write(file, bytes);
    read(file, "Fuzzed.pbit");
  }

  @FuzzTest(maxDuration = "10m")
  void readTmdl(byte[] bytes) {
    Path model = temp.resolve("Fuzzed.SemanticModel");
    try {
      Files.createDirectories(model.resolve("definition/tables"));
      Files.writeString(model.resolve("definition.pbism"), "{\"version\": \"4.0\"}");
      Files.writeString(model.resolve("definition/model.tmdl"), "model Model\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Promises.write(model.resolve("definition/tables/Fuzzed.tmdl"), bytes);
    read(model, "Fuzzed.SemanticModel");
  }

  private static void read(Path path, String displayName) {
    TestReport report;
    try {
      report = new TestReportReader().read(path, displayName);
    } catch (InputException refused) {
      String message = refused.getMessage();
      // The report, or the file inside a project that is wrong.
      assertTrue(
          message.startsWith(displayName + ": ") || message.startsWith(displayName + "/"), message);
      assertFalse(message.contains("\n") || message.contains("\r"), message);
      assertTrue(message.length() <= displayName.length() + 200 + 2 * 300, message);
      return;
    }
    for (ReportQuery query : report.queries()) {
      assertNotNull(query.expression(), query.name());
      assertTrue(query.where().line() >= 1 && query.where().column() >= 1, query.toString());
      assertFalse(query.file().contains("\\"), query.file());
    }
    for (String note : report.notes()) {
      assertFalse(note.contains("\n"), note);
    }
  }
}
