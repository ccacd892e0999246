package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pqcert check} and {@code pqcert model} with a test report: pairing, errors, outputs. */
class SubmissionCliTest {
  private static final Path REPORT = Path.of("src/test/resources/submission/Contoso.SemanticModel");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void aReportNamedBesideItsConnectorIsCheckedWithIt() throws IOException {
    CliTest.Run run =
        run("check", "--format", "json", "samples/good/Contoso.mez", REPORT.toString());
    assertEquals(0, run.exit(), run.err()); // a missed item is SHOULD: the good sample stays ready
    JsonNode targets = JSON.readTree(run.out()).get("targets");
    assertEquals(1, targets.size(), "a report is not a target of its own");
    JsonNode submission = targets.get(0).get("submission");
    assertEquals("project", submission.get("reports").get(0).get("format").asText());
    JsonNode navigation = submission.get("navigation").get(0);
    assertEquals("Contoso.Contents", navigation.get("function").asText());
    assertTrue(navigation.get("itemsKnownStatically").asBoolean());
    assertEquals("[\"Regions\"]", navigation.get("itemsNotTested").toString());
    assertTrue(run.out().contains("\"rule\" : \"PQ203\""), run.out());
  }

  @Test
  void aConnectorCheckedAloneHasNoSubmissionAndNoSubmissionFindings() throws IOException {
    CliTest.Run run = run("check", "--format", "json", "samples/good/Contoso.mez");
    assertEquals(0, run.exit(), run.err());
    JsonNode target = JSON.readTree(run.out()).get("targets").get(0);
    assertFalse(target.has("submission"), run.out());
    assertFalse(run.out().contains("\"PQ20"), run.out());
  }

  @Test
  void aReportWithoutAConnectorIsOneLineAndExitTwo() {
    CliTest.Run run = run("check", REPORT.toString());
    assertEquals(2, run.exit(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("pqcert: " + REPORT + ": "), run.err());
    assertTrue(lines.get(0).contains("name the connector too"), run.err());
  }

  @Test
  void anUnreadableReportIsOneLineAndExitTwoAndTheConnectorIsStillChecked() throws IOException {
    Path broken =
        Files.write(temp.resolve("Contoso.pbit"), "not a zip".getBytes(StandardCharsets.UTF_8));
    CliTest.Run run = run("check", "samples/good/Contoso.mez", broken.toString());
    assertEquals(2, run.exit(), run.err());
    List<String> errors = run.err().lines().filter(l -> l.contains(broken.toString())).toList();
    assertEquals(1, errors.size(), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertTrue(run.out().startsWith("samples/good/Contoso.mez"), run.out());
    assertTrue(run.err().strip().endsWith("exit 2: a test report could not be read"), run.err());
  }

  @Test
  void aSubmissionFolderHoldingAPackageAndAReportIsFoundWhole() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("submission"));
    Files.copy(Path.of("samples/good/Contoso.mez"), folder.resolve("Contoso.mez"));
    copyTree(REPORT, folder.resolve("Contoso.SemanticModel"));
    CliTest.Run run = run("check", folder.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Contoso.mez"), run.out());
    assertTrue(run.out().contains("PQ203"), run.out());
    assertTrue(run.out().contains("Regions"), run.out());
  }

  @Test
  void aRepositoryRootKeepingSampleReportsIsNotASubmissionFolder() throws IOException {
    // A report beside connector folders, in a folder that is no connector and holds no package:
    // not read (a broken one would otherwise end the run), and the connectors are checked alone.
    Path root = Files.createDirectories(temp.resolve("repo"));
    copyTree(Path.of("samples/good/Contoso"), root.resolve("Contoso"));
    Files.write(root.resolve("Old.pbix"), "not a zip".getBytes(StandardCharsets.UTF_8));
    CliTest.Run run = run("check", "--format", "json", root.toString());
    assertEquals(0, run.exit(), run.err());
    assertFalse(JSON.readTree(run.out()).get("targets").get(0).has("submission"), run.out());
  }

  @Test
  void withSeveralConnectorsAReportGoesWithTheOneItCalls() throws IOException {
    CliTest.Run run =
        run(
            "check",
            "--format",
            "json",
            "samples/bad/Woodgrove.mez",
            "samples/good/Contoso.mez",
            REPORT.toString());
    JsonNode targets = JSON.readTree(run.out()).get("targets");
    assertEquals(2, targets.size(), run.out());
    assertFalse(targets.get(0).has("submission"), "Woodgrove is not called by the report");
    assertTrue(targets.get(1).has("submission"), "Contoso is");
    assertFalse(targets.get(0).toString().contains("PQ201"), run.out());
  }

  @Test
  void aReportCallingNoConnectorOfTheRunIsAFindingOnTheConnector() throws IOException {
    CliTest.Run run =
        run("check", "--format", "json", "samples/bad/Woodgrove.mez", REPORT.toString());
    JsonNode target = JSON.readTree(run.out()).get("targets").get(0);
    assertEquals("PQ201", target.get("findings").get(0).get("rule").asText(), run.out());
    assertEquals(1, run.exit(), "PQ201 is MUST");
  }

  @Test
  void modelPrintsTheReportsFacts() throws IOException {
    CliTest.Run run = run("model", "samples/good/Contoso", REPORT.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode submission = JSON.readTree(run.out()).get("targets").get(0).get("submission");
    JsonNode calls = submission.get("functionsCalled");
    assertEquals(3, calls.size(), run.out());
    assertEquals(
        "[\"\\\"https://sales.contoso.example/\\\"\"]", calls.get(0).get("arguments").toString());
    assertEquals(
        "[Name] = \"Products\"",
        submission.get("navigation").get(0).get("reached").get(2).get("path").asText());
  }

  @Test
  void theSameRunTwiceGivesTheSameBytes() {
    String first =
        run("check", "--format", "markdown", "samples/good/Contoso", REPORT.toString()).out();
    String second =
        run("check", "--format", "markdown", "samples/good/Contoso", REPORT.toString()).out();
    assertEquals(first, second);
    assertTrue(
        first.contains("| Contoso.Contents | Customers, Orders, Products | 4 in the code |"),
        first);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
