package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.cli.CliTest.Run;
import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as Ruff and ESLint users expect it: one-line usage errors, {@code --quiet},
 * {@code --color}, progress, a summary line that explains the exit code, clickable locations, a
 * readable {@code explain}, shell completion, and {@code pack}/{@code parse} of whole connectors.
 */
class CommandLineTest {
  private static final Path HERE = Path.of("").toAbsolutePath();
  private static final String FABRIKAM = Path.of("samples", "bad", "Fabrikam").toString();
  private static final String FABRIKAM_PQ =
      Path.of("samples", "bad", "Fabrikam", "Fabrikam.pq").toString();

  /** The text report of samples/bad/Fabrikam, one line per finding, MUST first. */
  private static final List<String> FABRIKAM_FINDINGS =
      List.of(
          "  "
              + FABRIKAM_PQ
              + ":8:8  MUST    PQ012  exported function 'Fabrikam.Contents' has no documentation"
              + " metadata; give it a type with Value.ReplaceType, a function type with meta"
              + " [Documentation.Name = ..., Documentation.LongDescription = ...]",
          "  "
              + FABRIKAM_PQ
              + ":16:1  MUST    PQ013  data source kind 'Fabrikam' has no TestConnection handler,"
              + " so the gateway cannot refresh it; add TestConnection = (dataSourcePath) => {"
              + " \"Fabrikam.Contents\" } to its record",
          "  "
              + FABRIKAM_PQ
              + ":8:8  SHOULD  PQ032  no navigation table found: return one from"
              + " 'Fabrikam.Contents' (a Table.ToNavigationTable helper that sets"
              + " NavigationTable.NameColumn and NavigationTable.DataColumn, or Odbc.DataSource"
              + " with HierarchicalNavigation = true)",
          "  "
              + FABRIKAM_PQ
              + ":8:8  REVIEW  PQ016  'Fabrikam.Contents' declares no return type and what it"
              + " returns is not known; declare 'as table' so that reviewers and the engine know it"
              + " returns a table");

  private static final String GOOD_SECTION =
      "[Version = \"1.0.0\"]\r\nsection Contoso;\r\n\r\nshared Contoso.Contents = () => 1;\r\n";

  @TempDir Path temp;

  private static Run run(String... args) {
    return CliTest.run(args);
  }

  private static Environment terminal(Map<String, String> variables) {
    return new Environment(variables, true, HERE);
  }

  private Path zip(String name, String... entryNamesAndTexts) throws IOException {
    return CliTest.zipIn(temp, name, entryNamesAndTexts);
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  private static String strip(String coloured) {
    return coloured.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  // 1. Usage errors

  @Test
  void aUsageErrorIsOneLineNamingTheOptionTheNearestOneAndTheHelp() {
    assertUsageError(
        "pqcert: unknown option '--quiett'; did you mean '--quiet'? see 'pqcert check --help'",
        "check",
        "--quiett",
        "x.mez");
    assertUsageError(
        "pqcert: unknown command 'chek'; did you mean 'check'? see 'pqcert --help'", "chek", "x");
    assertUsageError(
        "pqcert: missing required parameter for option '--format' (FORMAT[=FILE]);"
            + " see 'pqcert check --help'",
        "check",
        "--format");
    assertUsageError(
        "pqcert: missing required parameter: 'PATH'; see 'pqcert check --help'", "check");
    assertUsageError(
        "pqcert: invalid value for option '--color': expected one of [auto, always, never]"
            + " (case-insensitive) but was 'sometimes'; see 'pqcert check --help'",
        "check",
        "--color",
        "sometimes",
        "x.mez");
    assertUsageError(
        "pqcert: unexpected argument 'PQ012'; see 'pqcert explain --help'",
        "explain",
        "PQ011",
        "PQ012");
    assertUsageError(
        "pqcert: missing command, such as 'pqcert check PATH...'; see 'pqcert --help'");
    // A word an option reads as a configuration file does keeps its own message.
    assertUsageError(
        "pqcert: --fail-on sometimes: use one of must, never, review, should",
        "check",
        "--fail-on",
        "sometimes",
        "x.mez");
  }

  private static void assertUsageError(String line, String... args) {
    Run run = run(args);
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(lines(line), run.err());
  }

  // 2. --quiet

  @Test
  void quietReportsOnlyTheFindingsThatFailTheRunAndNothingElse() throws IOException {
    Run quiet = run("check", "-q", FABRIKAM);
    assertEquals(1, quiet.exit());
    assertEquals(lines(FABRIKAM, FABRIKAM_FINDINGS.get(0), FABRIKAM_FINDINGS.get(1)), quiet.out());
    assertEquals("", quiet.err());

    Run should = run("check", "--quiet", "--fail-on", "should", FABRIKAM);
    assertEquals(
        lines(
            FABRIKAM, FABRIKAM_FINDINGS.get(0), FABRIKAM_FINDINGS.get(1), FABRIKAM_FINDINGS.get(2)),
        should.out());
    assertEquals("", should.err());

    // Every report holds only what fails the run.
    Run json = run("check", "-q", "--format", "json", FABRIKAM);
    JsonNode findings =
        new ObjectMapper().readTree(json.out()).path("targets").get(0).path("findings");
    assertEquals(2, findings.size(), json.out());
    findings.forEach(f -> assertEquals("MUST", f.path("level").asText()));

    // Nothing fails: nothing is said at all.
    Run clean = run("check", "-q", "samples/good/Contoso.mez");
    assertEquals(0, clean.exit());
    assertEquals("", clean.out());
    assertEquals("", clean.err());

    // What goes wrong is still said.
    Path missing = temp.resolve("Missing.mez");
    Run unreadable = run("check", "-q", missing.toString());
    assertEquals(2, unreadable.exit());
    assertEquals(lines("pqcert: " + missing + ": no such file or folder"), unreadable.err());
  }

  // 3. --color

  @Test
  void colourIsOnTheLevelWordOnlyAndOnlyWhereAsked() throws IOException {
    String plain = run("check", FABRIKAM).out();
    assertFalse(plain.contains("\u001b"), "not a terminal: no colour");

    Run onTerminal = CliTest.runIn(terminal(Map.of("TERM", "xterm-256color")), "check", FABRIKAM);
    String coloured = onTerminal.out();
    assertTrue(
        coloured.contains(
            "  " + FABRIKAM_PQ + ":16:1  \u001b[1;31mMUST\u001b[0m    PQ013  data source kind"),
        coloured);
    assertTrue(coloured.contains("\u001b[33mSHOULD\u001b[0m  PQ032"), coloured);
    assertTrue(coloured.contains("\u001b[36mREVIEW\u001b[0m  PQ016"), coloured);
    assertEquals(plain, strip(coloured), "the level words, and nothing else");
    // https://no-color.org: an empty NO_COLOR is not set.
    assertEquals(
        coloured, CliTest.runIn(terminal(Map.of("NO_COLOR", "")), "check", FABRIKAM).out());

    for (Map<String, String> variables : List.of(Map.of("NO_COLOR", "1"), Map.of("TERM", "dumb"))) {
      assertEquals(
          plain, CliTest.runIn(terminal(variables), "check", FABRIKAM).out(), variables.toString());
    }
    assertEquals(
        plain, CliTest.runIn(terminal(Map.of()), "check", "--color", "never", FABRIKAM).out());
    assertEquals(
        coloured,
        CliTest.runIn(
                new Environment(Map.of("NO_COLOR", "1"), false, HERE),
                "check",
                "--color",
                "always",
                FABRIKAM)
            .out());

    // Never in a file, however asked.
    Path report = temp.resolve("report.txt");
    Run toFile =
        CliTest.runIn(
            terminal(Map.of()), "check", "--color", "always", "-o", report.toString(), FABRIKAM);
    assertEquals("", toFile.out());
    assertEquals(plain, Files.readString(report));
    Path named = temp.resolve("named.txt");
    CliTest.runIn(
        terminal(Map.of()),
        "check",
        "--color",
        "always",
        "--format",
        "text=" + named,
        "--format",
        "json",
        FABRIKAM);
    assertEquals(plain, Files.readString(named));
  }

  // 4. Progress

  @Test
  void progressIsOneLineRewrittenInPlaceOnATerminalAndNothingElsewhere() throws IOException {
    Path repo = temp.resolve("repo");
    for (String name : List.of("Alpha", "Beta", "Gamma", "Delta")) {
      Path folder = Files.createDirectories(repo.resolve(name));
      Files.writeString(folder.resolve(name + ".pq"), GOOD_SECTION.replace("Contoso", name));
    }
    Run quietLog = run("check", repo.toString());
    assertFalse(quietLog.err().contains("checking"), quietLog.err());
    assertFalse(quietLog.err().contains("\r"), quietLog.err());

    Run watched = CliTest.runIn(terminal(Map.of()), "check", repo.toString());
    String err = watched.err();
    for (String name : List.of("Alpha", "Beta", "Delta", "Gamma")) {
      assertTrue(err.contains(": " + repo.resolve(name)), err);
    }
    assertTrue(err.startsWith("\rchecking 1/4: " + repo.resolve("Alpha")), err);
    assertTrue(err.contains("\rchecking 4/4: " + repo.resolve("Gamma")), err);
    // Cleared before the summary line, which starts at the line's beginning.
    String last = "\rchecking 4/4: " + repo.resolve("Gamma");
    String cleared = "\r" + " ".repeat(last.length() - 1) + "\r";
    assertTrue(
        err.endsWith(
            cleared
                + lines(
                    "0 MUST, 0 SHOULD, 0 REVIEW in 4 targets; exit 0: nothing at MUST or above"
                        + " (--fail-on must)")),
        err);

    // Three targets finish before a progress line would help.
    Files.delete(repo.resolve("Delta").resolve("Delta.pq"));
    Files.delete(repo.resolve("Delta"));
    assertFalse(
        CliTest.runIn(terminal(Map.of()), "check", repo.toString()).err().contains("checking"));
  }

  // 5. The summary line

  @Test
  void theSummaryLineSaysWhyTheExitCodeIsWhatItIs() throws IOException {
    assertSummary(
        1,
        "2 MUST, 1 SHOULD, 1 REVIEW in 1 target; exit 1: 2 findings at MUST or above"
            + " (--fail-on must)",
        "check",
        FABRIKAM);
    assertSummary(
        1,
        "2 MUST, 1 SHOULD, 1 REVIEW in 1 target; exit 1: 3 findings at SHOULD or above"
            + " (--fail-on should)",
        "check",
        "--fail-on",
        "should",
        FABRIKAM);
    assertSummary(
        0,
        "2 MUST, 1 SHOULD, 1 REVIEW in 1 target; exit 0: --fail-on never",
        "check",
        "--fail-on",
        "never",
        FABRIKAM);
    assertSummary(
        0,
        "0 MUST, 0 SHOULD, 1 REVIEW in 1 target; exit 0: nothing at MUST or above"
            + " (--fail-on must)",
        "check",
        "samples/good/Contoso.mez");
    Path config = Files.writeString(temp.resolve("pqcert.yaml"), "failOn: review\n");
    assertSummary(
        1,
        "2 MUST, 1 SHOULD, 1 REVIEW in 1 target; exit 1: 4 findings at REVIEW or above"
            + " (failOn review in the configuration)",
        "check",
        "--config",
        config.toString(),
        FABRIKAM);

    Path baseline = temp.resolve("baseline.json");
    Run adopt = run("check", "--write-baseline", baseline.toString(), FABRIKAM);
    assertEquals(0, adopt.exit());
    assertEquals(
        lines(
            "pqcert: wrote 4 accepted findings to " + baseline,
            "2 MUST, 1 SHOULD, 1 REVIEW in 1 target; exit 0: --write-baseline accepts every"
                + " finding"),
        adopt.err());
    assertSummary(
        0,
        "0 MUST, 0 SHOULD, 0 REVIEW in 1 target (not shown: 0 suppressed, 4 in baseline); exit 0:"
            + " nothing at MUST or above (--fail-on must)",
        "check",
        "--baseline",
        baseline.toString(),
        FABRIKAM);
  }

  private static void assertSummary(int exit, String summary, String... args) {
    Run run = run(args);
    assertEquals(exit, run.exit(), run.err());
    List<String> lines = run.err().lines().toList();
    assertEquals(summary, lines.get(lines.size() - 1));
  }

  // 6 and 7. Blocks and locations

  @Test
  void severalTargetsAreBlocksWithABlankLineBetween() {
    Run run = run("check", "samples/bad/Woodgrove.mez", "samples/bad/Litware.mez");
    assertEquals(
        lines(
            Path.of("samples", "bad", "Woodgrove.mez").toString(),
            "  "
                + Path.of("samples", "bad", "Woodgrove", "Woodgrove.pq")
                + ":5:1  MUST    PQ011  the section has no version adornment; add [Version ="
                + " \"1.0.0\"] above 'section Woodgrove;'",
            "",
            Path.of("samples", "bad", "Litware.mez").toString(),
            "  "
                + Path.of("samples", "bad", "Litware", "Litware.pq")
                + ":3:12  MUST    PQ011  Version \"1.0\" is not of the form \"major.minor.patch\""
                + " (for example \"1.0.0\")",
            "What a rule asks and how to fix it: pqcert explain PQ011"),
        run.out().replace("\n", System.lineSeparator()));
  }

  @Test
  void locationsAreRelativeToTheWorkingDirectoryBelowItAndAbsoluteElsewhere() throws IOException {
    // However the target is spelled, below the working directory it is shown relative to it.
    Run absolute = run("check", "-q", HERE.resolve(FABRIKAM).toString());
    assertEquals(run("check", "-q", FABRIKAM).out(), absolute.out());
    assertEquals(
        run("check", "-q", FABRIKAM).out(),
        run("check", "-q", "." + java.io.File.separator + FABRIKAM).out());

    // Elsewhere: absolute, header and locations alike.
    Path folder = Files.createDirectories(temp.resolve("Woodgrove"));
    Path section =
        Files.writeString(
            folder.resolve("Woodgrove.pq"), "section Woodgrove;\nshared W.Contents = 1;\n");
    Run outside = run("check", "-q", folder.toString());
    List<String> lines = outside.out().lines().toList();
    assertEquals(folder.toString(), lines.get(0));
    assertTrue(lines.get(1).startsWith("  " + section + ":1:1  MUST    PQ011  "), outside.out());

    // Working in the temporary folder, the same target is relative to it.
    Run inside =
        CliTest.runIn(new Environment(Map.of(), false, temp), "check", "-q", folder.toString());
    List<String> relative = inside.out().lines().toList();
    assertEquals("Woodgrove", relative.get(0));
    assertTrue(
        relative
            .get(1)
            .startsWith("  " + Path.of("Woodgrove", "Woodgrove.pq") + ":1:1  MUST    PQ011  "),
        inside.out());

    // A file only inside a package is named as it is there, under the package's line.
    Path mez = zip("Litware.mez", "Litware.pq", "section Litware;\nshared L.Contents = 1;\n");
    List<String> packaged = run("check", "-q", mez.toString()).out().lines().toList();
    assertEquals(mez.toString(), packaged.get(0));
    assertTrue(packaged.get(1).startsWith("  Litware.pq:1:1  MUST    PQ011  "), packaged.get(1));
  }

  // 8. explain

  @Test
  void explainPrintsTheDocumentForAPerson() {
    Run explain = run("explain", "PQ011");
    assertEquals(0, explain.exit(), explain.err());
    assertTrue(
        explain
            .out()
            .startsWith(
                "# PQ011: The section has a version adornment\n\nLevel: MUST\nRequirement:"
                    + " Contain a version header/adornment above the section document.\n\n"
                    + "## What it checks\n\nThe section document starts with"),
        explain.out());
    // The tests' marker is gone, the code it was on stays.
    assertTrue(
        explain.out().contains("```m\nsection Contoso;\n\nshared Contoso.Contents"), explain.out());
    assertEquals(explain.out(), run("explain", "pq011").out(), "any case");

    for (RuleDoc doc : RuleRegistry.builtIn().docs()) {
      String text = run("explain", doc.id()).out();
      assertTrue(text.startsWith("# " + doc.id() + ": " + doc.title() + "\n\n"), doc.id());
      assertTrue(text.contains("\nLevel: " + doc.level() + "\n"), doc.id());
      assertFalse(text.contains("expect:"), doc.id() + ": " + text);
      assertFalse(text.contains("expect-package:"), doc.id());
      assertFalse(text.contains("<!--"), doc.id());
      assertFalse(text.contains("\nsince: "), doc.id() + ": no front matter");
    }
  }

  @Test
  void explainSuggestsTheNearestRuleForAMistypedId() {
    for (String typed : List.of("PQ11", "PQ0111", "pq0011", "PQ 011")) {
      Run run = run("explain", typed);
      assertEquals(2, run.exit(), typed);
      assertEquals(lines("pqcert: no rule '" + typed + "'; did you mean PQ011?"), run.err());
    }
    Run unknown = run("explain", "banana");
    assertEquals(2, unknown.exit());
    assertEquals(
        lines("pqcert: no rule 'banana' (see 'pqcert rules' for the list)"), unknown.err());
  }

  // 9. Completion

  @Test
  void completionPrintsAScriptThatKnowsTheCommandsAndOptions() {
    Run run = run("completion");
    assertEquals(0, run.exit(), run.err());
    String script = run.out();
    assertTrue(script.contains("complete -F"), "a bash completion function");
    for (String word :
        List.of(
            "check",
            "explain",
            "rules",
            "parse",
            "pack",
            "model",
            "completion",
            "--fail-on",
            "--quiet",
            "--color",
            "--baseline",
            "always")) {
      assertTrue(script.contains(word), word);
    }
    assertFalse(script.contains("\r"), "LF line ends, as bash and zsh read them");
  }

  // 10. Baseline paths (see also BaselineTest)

  @Test
  void aBaselineMatchesItsTargetHoweverThePathIsSpelled() throws IOException {
    Path mez = zip("Woodgrove.mez", "Woodgrove.pq", "section Woodgrove;\nshared W.Contents = 1;\n");
    Path baseline = Files.createDirectories(temp.resolve("ci")).resolve("pqcert-baseline.json");
    Run adopt = run("check", "--write-baseline", baseline.toString(), mez.toString());
    assertEquals(0, adopt.exit(), adopt.err());
    JsonNode written = new ObjectMapper().readTree(baseline.toFile());
    assertEquals(2, written.path("version").asInt());
    written
        .path("findings")
        .forEach(entry -> assertEquals("../Woodgrove.mez", entry.path("target").asText()));
    int accepted = written.path("findings").size();

    String relative = HERE.relativize(mez).toString();
    for (String spelling :
        List.of(
            mez.toString(),
            relative,
            "." + java.io.File.separator + relative,
            temp.resolve("ci").resolve("..").resolve("Woodgrove.mez").toString())) {
      Run run = run("check", "--baseline", baseline.toString(), "--format", "json", spelling);
      assertEquals(0, run.exit(), spelling + ": " + run.out());
      JsonNode target = new ObjectMapper().readTree(run.out()).path("targets").get(0);
      assertEquals(accepted, target.path("baselined").asInt(), spelling);
      assertEquals(0, target.path("findings").size(), spelling);
    }
  }

  // 11. pack and parse

  @Test
  void packRefusesAFolderWithoutASectionDocument() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("NotAConnector"));
    Files.writeString(folder.resolve("resources.resx"), "<root/>");
    Path output = temp.resolve("out.mez");
    Run run = run("pack", folder.toString(), "-o", output.toString());
    assertEquals(2, run.exit());
    assertEquals(
        lines(
            "pqcert: "
                + folder
                + ": no section document (X.pq) to pack; name the connector's source folder"),
        run.err());
    assertFalse(Files.exists(output));

    Files.writeString(folder.resolve("NotAConnector.pq"), GOOD_SECTION);
    Run packed = run("pack", folder.toString(), "-o", output.toString());
    assertEquals(0, packed.exit(), packed.err());
    assertEquals(lines("packed 2 files into " + output), packed.err());
  }

  @Test
  void parseOfAPackageOrFolderParsesTheMFilesInItByName() throws IOException {
    String broken = "let\n  a = 1 +\nin a";
    Path mez =
        zip("Contoso.mez", "Contoso.pq", GOOD_SECTION, "Helpers.pqm", broken, "icon.png", "x");
    Run packaged = run("parse", mez.toString());
    assertEquals(1, packaged.exit(), packaged.err());
    assertTrue(
        packaged.out().startsWith(mez + "/Helpers.pqm:3:1: unexpected 'in'"), packaged.out());
    assertEquals(1, packaged.out().lines().count(), packaged.out());
    assertEquals(lines("2 file(s) parsed, 1 with syntax errors"), packaged.err());

    Path folder = Files.createDirectories(temp.resolve("Contoso"));
    Files.writeString(folder.resolve("Contoso.pq"), GOOD_SECTION);
    Files.writeString(folder.resolve("Helpers.pqm"), broken);
    Run json = run("parse", "--format", "json", folder.toString());
    assertEquals(1, json.exit(), json.err());
    JsonNode files = new ObjectMapper().readTree(json.out()).path("files");
    assertEquals(folder.resolve("Contoso.pq").toString(), files.get(0).path("path").asText());
    assertTrue(files.get(0).path("ok").asBoolean());
    assertEquals(folder.resolve("Helpers.pqm").toString(), files.get(1).path("path").asText());
    assertEquals(3, files.get(1).path("errors").get(0).path("line").asInt());

    Path empty = zip("Empty.mez", "icon.png", "x");
    Run none = run("parse", empty.toString());
    assertEquals(2, none.exit());
    assertEquals(
        lines("pqcert: " + empty + ": holds no M file (.pq, .m, .pqm)"),
        none.err().lines().findFirst().map(CommandLineTest::lines).orElse(""));
  }
}
