package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user and a CI pipeline meet it: exit codes, streams, formats. */
class CliTest {
  private static final String GOOD_SECTION =
      "[Version = \"1.0.0\"]\r\nsection Contoso;\r\n\r\nshared Contoso.Contents = () => 1;\r\n";

  @TempDir Path temp;

  record Run(int exit, String out, String err) {}

  /** Runs as a CI job would: not on a terminal, in this process's working directory. */
  static Run run(String... args) {
    return runIn(new Environment(System.getenv(), false, Path.of("").toAbsolutePath()), args);
  }

  static Run runIn(Environment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path zip(String name, String... entryNamesAndTexts) throws IOException {
    return zipIn(temp, name, entryNamesAndTexts);
  }

  /** A package {@code name} in {@code folder}: entry names and their texts, in turn. */
  static Path zipIn(Path folder, String name, String... entryNamesAndTexts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entryNamesAndTexts.length; i += 2) {
        zip.putNextEntry(new ZipEntry(entryNamesAndTexts[i]));
        zip.write(entryNamesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return Files.write(folder.resolve(name), bytes.toByteArray());
  }

  private static void assertOneLineInputError(Run run, Path file) {
    assertEquals(2, run.exit(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertTrue(lines.get(0).contains(file.toString()), "names the file: " + run.err());
    assertFalse(run.err().contains("Exception"), "no exception names: " + run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    // the error line alone: with nothing checked, a summary would add nothing
    assertEquals(1, lines.size(), run.err());
  }

  @Test
  void aTargetThatCannotBeReadBesideOneThatCanIsCountedInTheSummary() throws IOException {
    Path good = zip("Contoso.mez", "Contoso.pq", GOOD_SECTION);
    Path missing = temp.resolve("Missing.mez");
    Run run = run("check", missing.toString(), good.toString());
    assertEquals(2, run.exit(), run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals("pqcert: " + missing + ": no such file or folder", lines.get(0));
    assertEquals(
        "0 MUST, 0 SHOULD, 0 REVIEW in 2 targets; exit 2: 1 target could not be read",
        lines.get(lines.size() - 1));
  }

  @Test
  void cleanConnectorExitsZeroAndViolationExitsOne() throws IOException {
    Path good = zip("Contoso.mez", "Contoso.pq", "\uFEFF" + GOOD_SECTION);
    Run clean = run("check", good.toString());
    assertEquals(0, clean.exit(), clean.err());
    assertTrue(clean.out().contains("no findings"), clean.out());
    assertEquals(
        "0 MUST, 0 SHOULD, 0 REVIEW in 1 target; exit 0: nothing at MUST or above (--fail-on must)",
        clean.err().strip());

    Path bad = zip("Woodgrove.mez", "Woodgrove.pq", "section Woodgrove;\nshared W.Contents = 1;\n");
    Run violation = run("check", bad.toString());
    assertEquals(1, violation.exit(), violation.err());
    assertTrue(
        violation.out().contains("Woodgrove.pq:1:1  MUST    PQ011  the section has no version"),
        violation.out());
  }

  @Test
  void unreadableInputsExitTwoWithOneLine() throws IOException {
    Path text = temp.resolve("Renamed.mez");
    Files.writeString(text, "this is just text, not a zip archive\n");
    assertOneLineInputError(run("check", text.toString()), text);

    Path empty = temp.resolve("Empty.mez");
    Files.write(empty, new byte[0]);
    assertOneLineInputError(run("check", empty.toString()), empty);

    Path whole = zip("Whole.mez", "Contoso.pq", GOOD_SECTION, "resources.resx", "x".repeat(5000));
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = temp.resolve("Truncated.mez");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    assertOneLineInputError(run("check", truncated.toString()), truncated);

    Path escaping = zip("Escaping.mez", "../x.pq", GOOD_SECTION);
    assertOneLineInputError(run("check", escaping.toString()), escaping);

    Path missing = temp.resolve("Missing.mez");
    assertOneLineInputError(run("check", missing.toString()), missing);
  }

  @Test
  void jsonReportCarriesTheDocumentedFieldsAndIsDeterministic() throws IOException {
    Path bad = zip("Woodgrove.mez", "Woodgrove.pq", "section Woodgrove;\nshared W.Contents = 1;\n");
    Run first = run("check", "--format", "json", bad.toString());
    Run second = run("check", "--format", "json", bad.toString());
    assertEquals(1, first.exit());
    assertEquals(first.out(), second.out(), "byte-identical reports");
    JsonNode root = new ObjectMapper().readTree(first.out());
    JsonNode target = root.path("targets").get(0);
    assertEquals(bad.toString(), target.path("path").asText());
    assertEquals("mez", target.path("kind").asText());
    JsonNode finding = target.path("findings").get(0);
    assertEquals("PQ011", finding.path("rule").asText());
    assertEquals("MUST", finding.path("level").asText());
    assertEquals("Woodgrove.pq", finding.path("file").asText());
    assertEquals(1, finding.path("line").asInt());
    assertEquals(1, finding.path("column").asInt());
    assertTrue(finding.path("message").asText().contains("version adornment"));
    assertEquals(1, root.path("summary").path("must").asInt());
  }

  @Test
  void outputOptionWritesOnlyTheNamedFile() throws IOException {
    Path good = zip("Contoso.mez", "Contoso.pq", GOOD_SECTION);
    Path report = temp.resolve("report.json");
    Run run = run("check", "--format", "json", "-o", report.toString(), good.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(
        0, new ObjectMapper().readTree(report.toFile()).path("summary").path("must").asInt());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("check").exit());
    assertEquals(2, run("check", "--format", "xml", "x.mez").exit());
    assertEquals(2, run("no-such-command").exit());
  }

  @Test
  void anArgumentThatIsNoPathIsAUsageErrorWordedAsPicocliWordsIt() {
    // The paths' own converter keeps the message of picocli's reflective one it replaced.
    for (String command : List.of("check", "parse")) {
      Run run = run(command, "x\u0000y");
      assertEquals(2, run.exit(), run.err());
      String label = command.equals("check") ? "PATH" : "FILE";
      assertEquals(
          "pqcert: invalid value for positional parameter at index 0..* ("
              + label
              + "): cannot convert 'x\u0000y' to interface java.nio.file.Path"
              + " (java.nio.file.InvalidPathException: Nul character not allowed: x\u0000y); see"
              + " 'pqcert "
              + command
              + " --help'\n",
          run.err());
    }
    assertEquals(Path.of("a", "b.mez"), new Main.PathConverter().convert("a/b.mez"));
  }

  @Test
  void helpListsExitCodesAndVersionPrints() {
    Run help = run("check", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Exit codes:"), help.out());
    assertTrue(help.out().contains("at least one finding at the --fail-on level"), help.out());
    Run version = run("--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().matches("pqcert \\d+\\.\\d+\\.\\d+\\R"), version.out());
  }

  @Test
  void parseCommandReportsSyntaxErrorsAsJson() throws IOException {
    Path good = temp.resolve("Good.pq");
    Files.writeString(good, GOOD_SECTION);
    Path bad = temp.resolve("Bad.pqm");
    Files.writeString(bad, "let\n  a = 1 +\nin a");
    Run ok = run("parse", good.toString());
    assertEquals(0, ok.exit(), ok.err());

    Run failed = run("parse", "--format", "json", good.toString(), bad.toString());
    assertEquals(1, failed.exit());
    JsonNode files = new ObjectMapper().readTree(failed.out()).path("files");
    assertTrue(files.get(0).path("ok").asBoolean());
    assertFalse(files.get(1).path("ok").asBoolean());
    JsonNode error = files.get(1).path("errors").get(0);
    assertEquals(3, error.path("line").asInt());
    assertEquals(1, error.path("column").asInt());
    assertTrue(error.path("message").asText().startsWith("unexpected 'in'"), error.toString());

    Path missing = temp.resolve("Missing.pq");
    assertEquals(2, run("parse", missing.toString()).exit());
  }

  @Test
  void parseTakesFilesBeforeBetweenAndAfterOptionsAndAfterTheEndOfOptions() throws IOException {
    Path first = Files.writeString(temp.resolve("First.pq"), "let a = 1 in a");
    Path second = Files.writeString(temp.resolve("Second.pq"), "let a = 2 in a");
    // Runs of plain arguments are taken at once; picocli decides about each one with a dash: "-"
    // and, after "--", "-Dashed.pq" are files (here missing ones, reported as such).
    Run run =
        run(
            "parse",
            first.toString(),
            "--format",
            "json",
            second.toString(),
            "-",
            "--",
            "-Dashed.pq",
            first.toString());
    assertEquals(2, run.exit(), run.err());
    assertEquals(
        "pqcert: -: no such file\npqcert: -Dashed.pq: no such file\n"
            + "3 file(s) parsed, 0 with syntax errors\n",
        run.err());
    List<String> parsed = new ArrayList<>();
    new ObjectMapper()
        .readTree(run.out())
        .path("files")
        .forEach(file -> parsed.add(file.path("path").asText()));
    assertEquals(List.of(first.toString(), second.toString(), first.toString()), parsed);
    Run unknown = run("parse", first.toString(), "--formats", "json", second.toString());
    assertEquals(2, unknown.exit());
    assertEquals(
        "pqcert: unknown option '--formats'; did you mean '--format'? see 'pqcert parse --help'\n",
        unknown.err());
  }

  @Test
  void aBatchIsReportedInTheOrderGivenThoughParsedInParallel() throws IOException {
    // More files than are parsed ahead, every seventh broken and one missing in the middle.
    List<String> arguments = new ArrayList<>(List.of("parse"));
    StringBuilder expected = new StringBuilder();
    int broken = 0;
    for (int i = 0; i < 150; i++) {
      Path file = temp.resolve(String.format(java.util.Locale.ROOT, "f%03d.pq", i));
      if (i == 75) {
        arguments.add(temp.resolve("missing.pq").toString());
      }
      if (i % 7 == 0) {
        Files.writeString(file, "let\n  a = " + i + " +\nin a");
        expected.append(file).append(":3:1: ");
        broken++;
      } else {
        Files.writeString(file, "let a = " + i + " in a");
      }
      arguments.add(file.toString());
    }
    Run run = run(arguments.toArray(String[]::new));

    assertEquals(2, run.exit(), run.err());
    String located =
        run.out()
            .lines()
            .map(line -> line.substring(0, line.indexOf(": ") + 2))
            .reduce("", String::concat);
    assertEquals(expected.toString(), located);
    assertTrue(run.err().startsWith("pqcert: " + temp.resolve("missing.pq") + ": "), run.err());
    assertTrue(
        run.err()
            .endsWith(
                "150 file(s) parsed, " + broken + " with syntax errors" + System.lineSeparator()),
        run.err());
  }

  @Test
  void versionIsWhatPicocliPrintsForIt() {
    java.io.StringWriter picocli = new java.io.StringWriter();
    Main.commandLine(Environment.system(), new String[0])
        .printVersionHelp(new java.io.PrintWriter(picocli, true));
    assertTrue(picocli.toString().startsWith("pqcert "), picocli.toString());
    for (String option : List.of("--version", "-V")) {
      Run version = run(option);
      assertEquals(0, version.exit(), option);
      assertEquals(picocli.toString(), version.out(), option);
      assertEquals("", version.err(), option);
    }
  }

  @Test
  void rulesAndExplainReadTheRuleDocuments() throws IOException {
    Run rules = run("rules");
    assertEquals(0, rules.exit());
    assertTrue(
        rules.out().contains("PQ013  MUST    Each data source kind has a TestConnection handler"),
        rules.out());
    JsonNode json = new ObjectMapper().readTree(run("rules", "--format", "json").out());
    assertEquals("PQ001", json.path("rules").get(0).path("id").asText());
    assertEquals("MUST", json.path("rules").get(0).path("level").asText());
    Run explain = run("explain", "pq013");
    assertEquals(0, explain.exit());
    assertTrue(explain.out().contains("## How to fix"), explain.out());
    assertEquals(2, run("explain", "PQ999").exit());
  }

  @Test
  void releaseUpdateRelaxesTheBetaRequirement() throws IOException {
    String section =
        "[Version = \"1.0.0\"] section Contoso;\n"
            + "[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n"
            + "shared Contoso.Contents = Value.ReplaceType(() => #table({}, {}), type function () as"
            + " table meta [Documentation.Name = \"Contoso\"]);\n"
            + "Contoso = [ Authentication = [ Anonymous = [] ], TestConnection = (p) => {"
            + " \"Contoso.Contents\" } ];\n"
            + "Contoso.Publish = [ Beta = false ];\n";
    Path mez = zip("Contoso.mez", "Contoso.pq", section);
    Run initial = run("check", mez.toString());
    assertEquals(1, initial.exit(), initial.out());
    assertTrue(initial.out().contains("PQ018"), initial.out());
    Run update = run("check", "--release", "update", mez.toString());
    assertEquals(0, update.exit(), update.out());
    assertEquals(2, run("check", "--release", "later", mez.toString()).exit());
  }

  @Test
  void releaseAndFailOnAreSpelledAlikeOnTheCommandLineAndInAConfigurationFile() throws IOException {
    Path mez = zip("Woodgrove.mez", "Woodgrove.pq", "section Woodgrove;\nshared W.Contents = 1;\n");
    Path config = temp.resolve("pqcert.json");
    String[] words = {"initial", "update", "must", "should", "review", "never"};
    for (String word : words) {
      String option = List.of("initial", "update").contains(word) ? "--release" : "--fail-on";
      String key = option.equals("--release") ? "release" : "failOn";
      for (String spelled : List.of(word, word.toUpperCase(java.util.Locale.ROOT))) {
        Run given = run("check", option, spelled, mez.toString());
        Files.writeString(config, "{ \"" + key + "\": \"" + spelled + "\" }");
        Run configured = run("check", "--config", config.toString(), mez.toString());
        assertEquals(given.exit(), configured.exit(), spelled + ": " + configured.err());
        assertEquals(given.out(), configured.out(), spelled);
        assertTrue(given.exit() < 2, spelled + ": " + given.err());
      }
    }
    // --fail-on never passes the MUST finding; the default fails on it.
    assertEquals(0, run("check", "--fail-on", "NEVER", mez.toString()).exit());

    // A word that is none of them: one line, naming the same words.
    Run release = run("check", "--release", "later", mez.toString());
    assertEquals(2, release.exit());
    assertEquals("pqcert: --release later: use one of initial, update", release.err().strip());
    Run failOn = run("check", "--fail-on", "sometimes", mez.toString());
    assertEquals(2, failOn.exit());
    assertEquals(
        "pqcert: --fail-on sometimes: use one of must, never, review, should",
        failOn.err().strip());

    Files.writeString(config, "{ \"release\": \"later\" }");
    Run badRelease = run("check", "--config", config.toString(), mez.toString());
    assertEquals(2, badRelease.exit());
    assertEquals(
        "pqcert: " + config + ":1:14: 'later' is not a valid release; use one of initial, update",
        badRelease.err().strip());
    Files.writeString(config, "failOn: sometimes\n");
    Path yaml = Files.move(config, temp.resolve("pqcert.yaml"));
    Run badFailOn = run("check", "--config", yaml.toString(), mez.toString());
    assertEquals(2, badFailOn.exit());
    assertEquals(
        "pqcert: "
            + yaml
            + ":1:9: 'sometimes' is not a valid failOn; use one of must, never, review, should",
        badFailOn.err().strip());
  }

  @Test
  void modelCommandPrintsTheFactsRulesRead() throws IOException {
    Run model = run("model", "samples/good/Contoso.mez");
    assertEquals(0, model.exit(), model.err());
    JsonNode target = new ObjectMapper().readTree(model.out()).path("targets").get(0);
    assertEquals("Contoso", target.path("kinds").get(0).path("name").asText());
    assertEquals(
        "Contoso.Contents",
        target.path("kinds").get(0).path("testConnection").path("function").asText());
    JsonNode publish = target.path("publishRecords").get(0);
    assertEquals("Contoso.Publish", publish.path("name").asText());
    assertEquals(8, publish.path("iconSets").get(0).path("icons").size());
    assertTrue(target.path("displayStrings").get(0).path("fromResources").asBoolean());
    boolean checkedUrl = false;
    for (JsonNode flow : target.path("flows")) {
      checkedUrl |=
          flow.path("role").asText().equals("URL")
              && flow.path("scheme").path("kind").asText().equals("https");
    }
    assertTrue(checkedUrl, "the user's URL passes the HTTPS check: " + target.path("flows"));
  }

  @Test
  void packageReportsPointAtTheSourceFolderBesideItOrSayOnceHowTo() throws IOException {
    String bad = "section Woodgrove;\nshared W.Contents = 1;\n";
    Path first = zip("Woodgrove.mez", "Woodgrove.pq", bad);
    Path second = zip("Litware.mez", "Litware.pq", bad.replace("Woodgrove", "Litware"));
    Run neither =
        run(
            "check",
            "--format",
            "sarif",
            "--format",
            "github=" + temp.resolve("annotations.txt"),
            first.toString(),
            second.toString());
    assertEquals(1, neither.exit(), neither.err());
    List<String> hints = neither.err().lines().filter(l -> l.contains("--source-root")).toList();
    assertEquals(1, hints.size(), "one line for the run: " + neither.err());
    assertTrue(
        hints.get(0).startsWith("pqcert: " + first + " and 1 other package: "), hints.get(0));
    assertTrue(neither.out().contains("\"uriBaseId\" : \"PACKAGE1\""), neither.out());

    Path sources = Files.createDirectories(temp.resolve("Woodgrove"));
    Files.writeString(sources.resolve("Woodgrove.pq"), bad);
    Run found = run("check", "--format", "sarif", first.toString(), second.toString());
    JsonNode location =
        new ObjectMapper()
            .readTree(found.out())
            .path("runs")
            .get(0)
            .path("results")
            .get(0)
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("artifactLocation");
    assertEquals(sources.resolve("Woodgrove.pq").toUri().toString(), location.path("uri").asText());
    assertFalse(location.has("uriBaseId"), location.toString());
    assertTrue(
        found.err().contains("pqcert: " + second + ": report locations point inside the package"),
        found.err());

    // Formats without file locations, or a source root given that holds the files: no hint.
    assertFalse(run("check", first.toString(), second.toString()).err().contains("--source-root"));
    assertFalse(
        run("check", "--format", "github", "--source-root", sources.toString(), first.toString())
            .err()
            .contains("--source-root"));
    // A source root that holds none of the package's files is said, in one line.
    Run unmatched =
        run("check", "--format", "github", "--source-root", sources.toString(), second.toString());
    List<String> notes = unmatched.err().lines().filter(l -> l.contains("--source-root")).toList();
    assertEquals(
        List.of(
            "pqcert: "
                + sources
                + ": --source-root holds none of the files of "
                + second
                + " (looked for by their names in the package, X.pq for X.m, and where a project"
                + " file there puts them); report locations point inside the package: name the"
                + " folder it was built from"),
        notes);
  }

  @Test
  void sourcesAreFoundForAPackageWhoseBuildRenamedXpqToXmOrFlattenedASubfolder()
      throws IOException {
    String bad = "section Woodgrove;\nshared W.Contents = 1;\n";
    String module = "[ a = ]";
    // The Visual Studio SDK's build renames Woodgrove.pq to Woodgrove.m; the project puts the
    // module in lib/.
    Path mez = zip("Woodgrove.mez", "Woodgrove.m", bad, "Helpers.pqm", module);
    Path sources = Files.createDirectories(temp.resolve("Woodgrove"));
    Files.writeString(sources.resolve("Woodgrove.pq"), bad);
    Files.createDirectories(sources.resolve("lib"));
    Files.writeString(sources.resolve("lib/Helpers.pqm"), module);
    Files.writeString(
        sources.resolve("Woodgrove.mproj"),
        "<Project><ItemGroup><Compile Include=\"Woodgrove.pq;lib\\Helpers.pqm\" />"
            + "</ItemGroup></Project>");

    for (List<String> options :
        List.of(List.<String>of(), List.of("--source-root", sources.toString()))) {
      List<String> args = new java.util.ArrayList<>(List.of("check", "--format", "sarif"));
      args.addAll(options);
      args.add(mez.toString());
      Run run = run(args.toArray(String[]::new));

      List<String> uris = new java.util.ArrayList<>();
      new ObjectMapper()
          .readTree(run.out())
          .path("runs")
          .get(0)
          .path("results")
          .forEach(
              result ->
                  uris.add(
                      result
                          .path("locations")
                          .get(0)
                          .path("physicalLocation")
                          .path("artifactLocation")
                          .path("uri")
                          .asText()));
      assertTrue(
          uris.contains(sources.resolve("Woodgrove.pq").toUri().toString()), options + " " + uris);
      assertTrue(
          uris.contains(sources.resolve("lib/Helpers.pqm").toUri().toString()),
          options + " " + uris);
      assertFalse(run.err().contains("point inside"), run.err());
    }
    // A source root with no package to use it for is said too.
    Run folder = run("check", "--source-root", sources.toString(), sources.toString());
    assertTrue(
        folder.err().contains(": --source-root names the folder a package was built from, and no"),
        folder.err());
  }

  @Test
  void textThatIsNotUtf8IsAFindingAndTheRestIsChecked() throws IOException {
    // Saved in Windows-1252: 'é' is the byte E9, which is not UTF-8.
    Path file = temp.resolve("Contoso.pq");
    Files.write(
        file,
        ("[Version = \"1.0.0\"]\r\nsection Contoso;\r\n\r\n"
                + "[DataSource.Kind = \"Contoso\"]\r\n"
                + "shared Contoso.Contents = () => \"Caf\u00e9\";\r\n"
                + "Contoso = [ Authentication = [ Anonymous = [] ] ];\r\n")
            .getBytes(java.nio.charset.Charset.forName("windows-1252")));

    Run check = run("check", "--format", "json", file.toString());
    Run parse = run("parse", file.toString());

    assertEquals(1, check.exit(), check.err()); // MUST findings of other rules: it was checked
    JsonNode target = new ObjectMapper().readTree(check.out()).path("targets").get(0);
    assertFalse(target.has("error"), check.out());
    JsonNode undecodable = null;
    for (JsonNode finding : target.path("findings")) {
      if (finding.path("rule").asText().equals("PQ003")) {
        undecodable = finding;
      }
    }
    assertTrue(undecodable != null, check.out());
    assertEquals("SHOULD", undecodable.path("level").asText());
    assertEquals(5, undecodable.path("line").asInt());
    assertEquals(37, undecodable.path("column").asInt());
    assertTrue(target.path("findings").size() > 1, "the rest is checked: " + check.out());
    // `parse` checks the file as written, and says it cannot read it.
    assertEquals(2, parse.exit(), parse.err());
    assertTrue(
        parse.err().contains("invalid UTF-8 at line 5, column 37 (byte offset"), parse.err());
  }
}
