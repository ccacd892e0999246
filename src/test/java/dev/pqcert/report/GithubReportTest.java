package dev.pqcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.check.TargetResult;
import dev.pqcert.config.FailOn;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import dev.pqcert.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GitHub workflow commands: every message and property survives the runner's unescaping. */
class GithubReportTest {
  private static final Pattern COMMAND = Pattern.compile("^::(\\w+) ([^:]*)::(.*)$");

  /** A parsed workflow command, unescaped the way the Actions runner does it. */
  record Command(String name, Map<String, String> properties, String message) {}

  static Command parse(String line) {
    Matcher matcher = COMMAND.matcher(line);
    assertTrue(matcher.matches(), "a workflow command: " + line);
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : matcher.group(2).split(",", -1)) {
      int equals = pair.indexOf('=');
      properties.put(pair.substring(0, equals), unescapeProperty(pair.substring(equals + 1)));
    }
    return new Command(matcher.group(1), properties, unescapeData(matcher.group(3)));
  }

  static String unescapeData(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  static String unescapeProperty(String text) {
    return text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }

  private static ReportContext context() {
    return new ReportContext(
        "0.1.0",
        RuleRegistry.builtIn(),
        FailOn.MUST,
        new SourceLocator(Optional.empty(), Optional.empty()),
        Optional.empty());
  }

  private static Span span(int line, int column, int endLine, int endColumn) {
    return Span.of(new Position(line, column, 0), new Position(endLine, endColumn, 0));
  }

  @Test
  void messagesWithPercentCommaColonAndNewLinesSurvive() {
    String tricky = "100% sure: a, b,\r\nand c %0A is not a newline";
    TargetResult target =
        new TargetResult(
            "pkg dir/Contoso,1.mez",
            Optional.of(BundleKind.FOLDER),
            List.of(
                new Finding(
                    "PQ013",
                    Level.MUST,
                    tricky,
                    Optional.of(new Location("Con:toso.pq", span(3, 5, 4, 2)))),
                new Finding("PQ102", Level.SHOULD, tricky, Optional.empty()),
                new Finding(
                    "PQ050",
                    Level.REVIEW,
                    tricky,
                    Optional.of(new Location("Contoso.pq", span(9, 1, 9, 4))))),
            Optional.empty());
    ReportContext context = context();
    List<String> lines = GithubReport.render(List.of(target), context).lines().toList();
    assertEquals(3, lines.size(), "one line per finding, whatever the message holds");

    Command error = parse(lines.get(0));
    assertEquals("error", error.name());
    assertEquals(tricky, error.message());
    assertEquals("pkg dir/Contoso,1.mez/Con:toso.pq", error.properties().get("file"));
    assertEquals("3", error.properties().get("line"));
    assertEquals("5", error.properties().get("col"));
    // Over several lines: the runner would drop the columns, so only the start is given.
    assertFalse(error.properties().containsKey("endLine"), error.toString());
    assertFalse(error.properties().containsKey("endColumn"), error.toString());
    assertTrue(error.properties().get("title").startsWith("PQ013 "), error.toString());

    Command warning = parse(lines.get(1));
    assertEquals("warning", warning.name());
    assertEquals("pkg dir/Contoso,1.mez", warning.properties().get("file"));
    assertEquals(tricky, warning.message());

    Command notice = parse(lines.get(2));
    assertEquals("notice", notice.name());
    assertEquals("9", notice.properties().get("endLine"));
    assertEquals("4", notice.properties().get("endColumn"));
  }

  /** A target with one finding on line 2 of its Contoso.pq. */
  private static TargetResult noVersion(String path, BundleKind kind) {
    return new TargetResult(
        path,
        Optional.of(kind),
        List.of(
            new Finding(
                "PQ011",
                Level.MUST,
                "no version",
                Optional.of(new Location("Contoso.pq", span(2, 1, 2, 8))))),
        Optional.empty());
  }

  @Test
  void pathsAreRelativeToTheGithubWorkspace() {
    TargetResult target =
        noVersion(Path.of("samples/good/Contoso").toAbsolutePath().toString(), BundleKind.FOLDER);
    ReportContext context =
        new ReportContext(
            "0.1.0",
            RuleRegistry.builtIn(),
            dev.pqcert.config.FailOn.MUST,
            new SourceLocator(Optional.empty(), Optional.of(Path.of("samples"))),
            Optional.empty());
    Command command = parse(GithubReport.render(List.of(target), context).strip());
    assertEquals("good/Contoso/Contoso.pq", command.properties().get("file"));
  }

  @Test
  void filesOnlyInsideAPackageAnnotateThePackageAndSayWhere() {
    TargetResult target = noVersion("dist/Contoso.mez", BundleKind.MEZ);
    Command command = parse(GithubReport.render(List.of(target), context()).strip());
    assertEquals("dist/Contoso.mez", command.properties().get("file"));
    assertEquals("Contoso.pq:2:1: no version", command.message());

    Command located =
        parse(
            GithubReport.render(
                    List.of(target),
                    new ReportContext(
                        "0.1.0",
                        RuleRegistry.builtIn(),
                        dev.pqcert.config.FailOn.MUST,
                        new SourceLocator(
                            Optional.of(Path.of("samples/good/Contoso")), Optional.empty()),
                        Optional.empty()))
                .strip());
    assertEquals("samples/good/Contoso/Contoso.pq", located.properties().get("file"));
    assertEquals("2", located.properties().get("line"));
    assertEquals("no version", located.message());
  }
}
