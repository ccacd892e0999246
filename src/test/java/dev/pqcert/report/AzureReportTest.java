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
import org.junit.jupiter.api.Test;

/** Azure Pipelines logging commands: read back the way the agent reads them. */
class AzureReportTest {
  /** A logging command as the agent parses it, values unescaped. */
  record Command(String name, Map<String, String> properties, String message) {}

  /**
   * Parses a line as the agent does: from the first {@code ##vso[}, the command name up to a space,
   * the properties up to the first {@code ]}, each split at its first {@code =}; the rest is the
   * message.
   */
  static Command parse(String line) {
    int start = line.indexOf("##vso[");
    assertEquals(0, start, "a logging command starts the line: " + line);
    int close = line.indexOf(']', start);
    String inside = line.substring(start + "##vso[".length(), close);
    int space = inside.indexOf(' ');
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : inside.substring(space + 1).split(";", -1)) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        properties.put(pair.substring(0, equals), unescape(pair.substring(equals + 1)));
      }
    }
    return new Command(inside.substring(0, space), properties, unescape(line.substring(close + 1)));
  }

  static String unescape(String text) {
    return text.replace("%3B", ";")
        .replace("%5D", "]")
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%AZP25", "%");
  }

  private static ReportContext context(FailOn failOn) {
    return new ReportContext(
        "0.1.0",
        RuleRegistry.builtIn(),
        failOn,
        new SourceLocator(Optional.empty(), Optional.empty()),
        Optional.empty());
  }

  private static Span span(int line, int column) {
    return Span.of(new Position(line, column, 0), new Position(line, column + 3, 0));
  }

  private static TargetResult folder(String path, Finding... findings) {
    return new TargetResult(
        path, Optional.of(BundleKind.FOLDER), List.of(findings), Optional.empty());
  }

  private static String absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  @Test
  void hostileMessagesAndPathsSurviveAndInjectNoCommand() {
    String hostile =
        "100% sure; a ] b\r\n##vso[task.setvariable variable=PATH]/tmp %0A is text, so is %AZP25";
    String folder = "con;nectors]/Con toso";
    TargetResult target =
        folder(
            folder,
            new Finding(
                "PQ013", Level.MUST, hostile, Optional.of(new Location("a;b].pq", span(3, 5)))),
            new Finding("PQ032", Level.SHOULD, hostile, Optional.empty()));
    List<String> lines = AzureReport.render(List.of(target), context(FailOn.MUST)).lines().toList();
    assertEquals(3, lines.size(), "one line per finding and the result: " + lines);
    // The agent reads a line from its first ##vso[: the report's own; the rest is the message.

    Command error = parse(lines.get(0));
    assertEquals("task.logissue", error.name());
    assertEquals(
        Map.of(
            "type", "error",
            "sourcepath", absolute(folder + "/a;b].pq"),
            "linenumber", "3",
            "columnnumber", "5",
            "code", "PQ013"),
        error.properties());
    assertEquals(hostile, error.message());

    Command warning = parse(lines.get(1));
    assertEquals("warning", warning.properties().get("type"));
    assertEquals(absolute(folder), warning.properties().get("sourcepath"));
    assertFalse(warning.properties().containsKey("linenumber"), warning.toString());
    assertEquals(hostile, warning.message());

    Command complete = parse(lines.get(2));
    assertEquals("task.complete", complete.name());
    assertEquals(Map.of("result", "Failed"), complete.properties());
  }

  @Test
  void reviewQuestionsAreLeftOutUnlessTheExitPolicyFailsOnThem() {
    TargetResult target =
        folder(
            "Contoso",
            new Finding("PQ050", Level.REVIEW, "where credentials go", Optional.empty()));
    assertEquals("", AzureReport.render(List.of(target), context(FailOn.MUST)));

    List<String> lines =
        AzureReport.render(List.of(target), context(FailOn.REVIEW)).lines().toList();
    assertEquals("warning", parse(lines.get(0)).properties().get("type"));
    assertEquals("PQ050", parse(lines.get(0)).properties().get("code"));
    assertEquals(Map.of("result", "Failed"), parse(lines.get(1)).properties());
  }

  @Test
  void issuesThatDoNotFailTheRunLeaveTheStepSucceededWithIssues() {
    TargetResult should =
        folder("Contoso", new Finding("PQ032", Level.SHOULD, "no navigation", Optional.empty()));
    List<String> lines = AzureReport.render(List.of(should), context(FailOn.MUST)).lines().toList();
    assertEquals("##vso[task.complete result=SucceededWithIssues;]", lines.get(1));

    TargetResult must =
        folder("Contoso", new Finding("PQ011", Level.MUST, "no version", Optional.empty()));
    List<String> never = AzureReport.render(List.of(must), context(FailOn.NEVER)).lines().toList();
    assertEquals("error", parse(never.get(0)).properties().get("type"));
    assertEquals("##vso[task.complete result=SucceededWithIssues;]", never.get(1));
  }

  @Test
  void anUnreadableTargetIsAnErrorAndFailsTheStep() {
    TargetResult unreadable = TargetResult.unreadable("dist/Broken.mez", "not a zip archive");
    List<String> lines =
        AzureReport.render(List.of(unreadable), context(FailOn.NEVER)).lines().toList();
    Command error = parse(lines.get(0));
    assertEquals("error", error.properties().get("type"));
    assertEquals(absolute("dist/Broken.mez"), error.properties().get("sourcepath"));
    assertEquals("not a zip archive", error.message());
    assertTrue(lines.get(1).endsWith("result=Failed;]"), lines.toString());
  }

  @Test
  void filesOnlyInsideAPackagePointAtThePackageAndSayWhere() {
    TargetResult target =
        new TargetResult(
            "dist/Contoso.mez",
            Optional.of(BundleKind.MEZ),
            List.of(
                new Finding(
                    "PQ011",
                    Level.MUST,
                    "no version",
                    Optional.of(new Location("Contoso.pq", span(2, 1))))),
            Optional.empty());
    Command command =
        parse(AzureReport.render(List.of(target), context(FailOn.MUST)).lines().findFirst().get());
    assertEquals(absolute("dist/Contoso.mez"), command.properties().get("sourcepath"));
    assertFalse(command.properties().containsKey("linenumber"), command.toString());
    assertEquals("Contoso.pq:2:1: no version", command.message());
  }
}
