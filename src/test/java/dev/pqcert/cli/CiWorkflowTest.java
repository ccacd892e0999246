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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How CI pipelines adopt pqcert: configuration, exit policy, baseline, several reports in one run.
 */
class CiWorkflowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Complete but for TestConnection: its only MUST finding is PQ013. */
  private static final String NO_TEST_CONNECTION =
      """
      [Version = "1.0.0"]
      section Contoso;

      [DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
      shared Contoso.Contents = Value.ReplaceType(ContosoImpl, ContosoType);

      ContosoType = type function () as table meta [Documentation.Name = "Contoso"];
      ContosoImpl = () => #table({"A"}, {{1}});

      Contoso = [ Authentication = [ Anonymous = [] ] ];

      Contoso.Publish = [ Beta = true ];
      """;

  /** An old connector with many findings: no version, undocumented, no TestConnection... */
  private static final String LEGACY =
      """
      section LegacyConnector;

      [DataSource.Kind = "LegacyConnector", Publish = "LegacyConnector.Publish"]
      shared LegacyConnector.GetData = (url as text, region as text) => Web.Contents(url);

      [DataSource.Kind = "LegacyConnector"]
      shared LegacyConnector.GetRecords = (url as text) => Json.Document(Web.Contents(url));

      LegacyConnector = [ Authentication = [ Anonymous = [] ] ];

      LegacyConnector.Publish = [ Beta = true ];
      """;

  @TempDir Path temp;

  private static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  private Path connector(String folder, String name, String text) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(folder));
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    return dir;
  }

  private static List<String> rules(String jsonReport) throws IOException {
    List<String> rules = new ArrayList<>();
    for (JsonNode target : JSON.readTree(jsonReport).path("targets")) {
      for (JsonNode finding : target.path("findings")) {
        rules.add(finding.path("rule").asText());
      }
    }
    return rules;
  }

  @Test
  void configurationThatSwitchesOffTestConnectionMakesTheRunPass() throws IOException {
    Path dir = connector("Contoso", "Contoso.pq", NO_TEST_CONNECTION);
    CliTest.Run before = run("check", "--format", "json", dir.toString());
    assertEquals(1, before.exit(), before.out());
    assertTrue(rules(before.out()).contains("PQ013"), before.out());

    Files.writeString(dir.resolve("pqcert.json"), "{ \"rules\": { \"PQ013\": \"off\" } }\n");
    CliTest.Run after = run("check", "--format", "json", dir.toString());
    assertEquals(0, after.exit(), after.out() + after.err());
    assertFalse(rules(after.out()).contains("PQ013"), after.out());
    assertEquals(
        "PQ013",
        JSON.readTree(after.out()).path("targets").get(0).path("disabledRules").get(0).asText());
  }

  @Test
  void aTypoInARuleIdExitsTwoWithTheConfigurationsLineAndColumn() throws IOException {
    Path dir = connector("Contoso", "Contoso.pq", NO_TEST_CONNECTION);
    Path config =
        Files.writeString(
            dir.resolve("pqcert.json"), "{\n  \"rules\": {\n    \"PQ31\": \"off\"\n  }\n}\n");
    CliTest.Run run = run("check", dir.toString());
    assertEquals(2, run.exit());
    assertTrue(
        run.err().startsWith("pqcert: " + config + ":3:5: unknown rule id 'PQ31'"), run.err());
    assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());

    Path explicit = Files.writeString(temp.resolve("ci.yaml"), "failOn: sometimes\n");
    CliTest.Run bad = run("check", "--config", explicit.toString(), dir.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains(explicit + ":1:9: 'sometimes' is not a valid failOn"), bad.err());
  }

  @Test
  void failOnChoosesWhichLevelFailsTheRun() throws IOException {
    Path dir = connector("Contoso", "Contoso.pq", NO_TEST_CONNECTION);
    Files.writeString(dir.resolve("pqcert.json"), "{ \"rules\": { \"PQ013\": \"should\" } }");
    assertEquals(0, run("check", dir.toString()).exit());
    assertEquals(1, run("check", "--fail-on", "should", dir.toString()).exit());
    assertEquals(0, run("check", "--fail-on", "never", "--format", "json", dir.toString()).exit());
    Files.writeString(
        dir.resolve("pqcert.json"),
        "{ \"failOn\": \"should\", \"rules\": { \"PQ013\": \"should\" } }");
    assertEquals(1, run("check", dir.toString()).exit());
    assertEquals(0, run("check", "--fail-on", "must", dir.toString()).exit());
    assertEquals(2, run("check", "--fail-on", "sometimes", dir.toString()).exit());
  }

  @Test
  void adoptingABaselineAcceptsTodayAndReportsOnlyWhatIsNew() throws IOException {
    Path dir = connector("LegacyConnector", "LegacyConnector.pq", LEGACY);
    CliTest.Run first = run("check", "--format", "json", dir.toString());
    assertEquals(1, first.exit());
    int findings = rules(first.out()).size();
    assertTrue(findings >= 10, "a connector with ten findings: " + first.out());

    Path baseline = temp.resolve("pqcert-baseline.json");
    CliTest.Run adopt = run("check", "--write-baseline", baseline.toString(), dir.toString());
    assertEquals(0, adopt.exit(), adopt.err());
    assertTrue(adopt.err().contains("wrote " + findings + " accepted findings"), adopt.err());
    assertEquals(
        findings, JSON.readTree(baseline.toFile()).path("findings").size(), "one entry each");

    CliTest.Run adopted =
        run("check", "--baseline", baseline.toString(), "--format", "json", dir.toString());
    assertEquals(0, adopted.exit(), adopted.out());
    assertEquals(List.of(), rules(adopted.out()));
    assertEquals(
        findings, JSON.readTree(adopted.out()).path("targets").get(0).path("baselined").asInt());

    // Lines move (a header comment) and one new violation appears (Beta switched off).
    String changed =
        "// Legacy connector\n// maintained by the data team\n\n"
            + LEGACY.replace("Beta = true", "Beta = false");
    Files.writeString(dir.resolve("LegacyConnector.pq"), changed);
    CliTest.Run next =
        run("check", "--baseline", baseline.toString(), "--format", "json", dir.toString());
    assertEquals(1, next.exit(), next.out());
    assertEquals(List.of("PQ018"), rules(next.out()));
    CliTest.Run text = run("check", "--baseline", baseline.toString(), dir.toString());
    assertEquals(
        1,
        text.out().lines().filter(l -> l.matches("\\s+\\S+  (MUST|SHOULD|REVIEW) .*")).count(),
        text.out());

    // Fixing a baselined finding lists its entry as no longer found.
    String fixed =
        changed.replace(
            "section LegacyConnector;", "[Version = \"1.0.0\"]\nsection LegacyConnector;");
    Files.writeString(dir.resolve("LegacyConnector.pq"), fixed);
    CliTest.Run gone =
        run("check", "--baseline", baseline.toString(), "--format", "json", dir.toString());
    JsonNode absent = JSON.readTree(gone.out()).path("baseline").path("absent");
    assertEquals(1, absent.size(), gone.out());
    assertEquals("PQ011", absent.get(0).path("rule").asText());
  }

  @Test
  void aBrokenBaselineExitsTwoWithOneLine() throws IOException {
    Path dir = connector("Contoso", "Contoso.pq", NO_TEST_CONNECTION);
    for (String broken :
        List.of(
            "{\"findings\": 3}",
            "{}",
            "{\"findings\": [null]}",
            "{\"findings\": [{\"rule\": \"PQ013\"}]}",
            "not json")) {
      Path baseline = Files.writeString(temp.resolve("b.json"), broken);
      CliTest.Run run = run("check", "--baseline", baseline.toString(), dir.toString());
      assertEquals(2, run.exit(), broken);
      assertTrue(
          run.err().startsWith("pqcert: " + baseline + ": not a pqcert baseline"),
          broken + " -> " + run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
    }
    CliTest.Run missing =
        run("check", "--baseline", temp.resolve("none.json").toString(), dir.toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().endsWith("none.json: no such file\n"), missing.err());
  }

  @Test
  void baselineEntriesBelongToTheirTarget() throws IOException {
    Path first = connector("LegacyConnector", "LegacyConnector.pq", LEGACY);
    Path copy = connector("copy/LegacyConnector", "LegacyConnector.pq", LEGACY);
    Path baseline = temp.resolve("pqcert-baseline.json");
    assertEquals(0, run("check", "--write-baseline", baseline.toString(), first.toString()).exit());
    // The copy is another target: its findings are new, whatever the order of the arguments.
    CliTest.Run run =
        run(
            "check",
            "--baseline",
            baseline.toString(),
            "--format",
            "json",
            copy.toString(),
            first.toString());
    JsonNode targets = JSON.readTree(run.out()).path("targets");
    assertTrue(targets.get(0).path("findings").size() >= 10, run.out());
    assertEquals(0, targets.get(1).path("findings").size(), run.out());
  }

  @Test
  void noBaselineIsWrittenWhenATargetCannotBeRead() throws IOException {
    Path dir = connector("LegacyConnector", "LegacyConnector.pq", LEGACY);
    Path baseline = temp.resolve("pqcert-baseline.json");
    CliTest.Run run =
        run(
            "check",
            "--write-baseline",
            baseline.toString(),
            dir.toString(),
            temp.resolve("Missing.mez").toString());
    assertEquals(2, run.exit());
    assertFalse(Files.exists(baseline), run.err());
  }

  @Test
  void theReadinessReportCountsBaselinedMustFindingsAsNotReady() throws IOException {
    Path dir = connector("LegacyConnector", "LegacyConnector.pq", LEGACY);
    Path baseline = temp.resolve("pqcert-baseline.json");
    run("check", "--write-baseline", baseline.toString(), dir.toString());
    CliTest.Run run =
        run("check", "--baseline", baseline.toString(), "--format", "markdown", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("**Not ready**: no new MUST violation, but"), run.out());
  }

  @Test
  void ignoresInTheConfigurationApplyPerFile() throws IOException {
    Path dir = connector("LegacyConnector", "LegacyConnector.pq", LEGACY);
    Files.writeString(dir.resolve("pqcert.json"), "{ \"ignore\": { \"**/*.pq\": [\"*\"] } }");
    CliTest.Run run = run("check", "--format", "json", dir.toString());
    for (JsonNode finding : JSON.readTree(run.out()).path("targets").get(0).path("findings")) {
      assertTrue(finding.path("file").isNull(), "only package-level findings remain: " + finding);
    }
  }

  @Test
  void severalFormatsInOneRun() throws IOException {
    Path dir = connector("Contoso", "Contoso.pq", NO_TEST_CONNECTION);
    Path sarif = temp.resolve("out.sarif");
    Path junit = temp.resolve("out.xml");
    CliTest.Run run =
        run(
            "check",
            "--format",
            "sarif=" + sarif,
            "--format",
            "junit=" + junit,
            "--format",
            "text",
            dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("PQ013"), run.out());
    assertEquals("2.1.0", JSON.readTree(sarif.toFile()).path("version").asText());
    assertTrue(Files.readString(junit).contains("<testsuites"));

    assertEquals(2, run("check", "--format", "json", "--format", "text", dir.toString()).exit());
    assertEquals(2, run("check", "--format", "sarif=", dir.toString()).exit());
    assertEquals(2, run("check", "--format", "yaml", dir.toString()).exit());
  }

  @Test
  void suppressedFindingsAreListedWithTheirReasonAndNeverFailTheRun() throws IOException {
    Path onKind =
        connector(
            "OnKind",
            "Contoso.pq",
            NO_TEST_CONNECTION.replace(
                "Contoso = [",
                "// pqcert-disable-next-line PQ013 -- tested by the gateway team by hand\n"
                    + "Contoso = ["));
    CliTest.Run json = run("check", "--format", "json", onKind.toString());
    assertEquals(0, json.exit(), "a suppressed MUST finding does not fail the run: " + json.out());
    assertFalse(rules(json.out()).contains("PQ013"), json.out());
    JsonNode target = JSON.readTree(json.out()).path("targets").get(0);
    assertEquals(1, target.path("suppressed").asInt());
    JsonNode finding = target.path("suppressedFindings").get(0);
    assertEquals("PQ013", finding.path("rule").asText());
    assertEquals("MUST", finding.path("level").asText());
    assertEquals("Contoso.pq", finding.path("file").asText());
    assertEquals(11, finding.path("line").asInt());
    assertEquals("tested by the gateway team by hand", finding.path("reason").asText());
    assertEquals(0, JSON.readTree(json.out()).path("summary").path("must").asInt());
    assertTrue(json.err().contains("(not shown: 1 suppressed, 0 in baseline)"), json.err());

    // The configuration's level applies to it too; an ignore leaves nothing to list.
    Files.writeString(onKind.resolve("pqcert.json"), "{ \"rules\": { \"PQ013\": \"review\" } }");
    JsonNode moved =
        JSON.readTree(run("check", "--format", "json", onKind.toString()).out())
            .path("targets")
            .get(0)
            .path("suppressedFindings")
            .get(0);
    assertEquals("REVIEW", moved.path("level").asText());
    Files.writeString(
        onKind.resolve("pqcert.json"), "{ \"ignore\": { \"Contoso.pq\": [\"PQ013\"] } }");
    JsonNode ignored =
        JSON.readTree(run("check", "--format", "json", onKind.toString()).out())
            .path("targets")
            .get(0);
    assertFalse(ignored.has("suppressedFindings"), ignored.toString());
    assertFalse(ignored.has("suppressed"), ignored.toString());
  }
}
