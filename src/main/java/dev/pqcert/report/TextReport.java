package dev.pqcert.report;

import dev.pqcert.check.Baseline;
import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.nio.file.Path;
import java.util.List;

/**
 * The human report: one block per target, a blank line between blocks; the MUST findings, then the
 * SHOULD findings, each in file order, one line each ({@code file:line:col LEVEL PQxxx message},
 * package-level findings with {@code (package)} in place of a position); then the questions a
 * certification reviewer will ask (REVIEW findings) with the evidence found. One line at the end
 * points to {@code pqcert explain}. A file on disk is written as a path a terminal can open
 * (relative to the working directory when below it, see {@link TextStyle#display}); a file only
 * inside a package by its name there, under the package's own line. Colour, when asked for, is on
 * the level word alone.
 */
public final class TextReport {
  private static final String RESET = "\u001b[0m";

  private TextReport() {}

  public static String render(List<TargetResult> targets, ReportContext context, TextStyle style) {
    StringBuilder out = new StringBuilder();
    String firstRule = "";
    boolean first = true;
    for (TargetResult target : targets) {
      if (target.error().isPresent()) {
        continue; // unreadable targets are reported on stderr, one line each
      }
      if (style.quiet() && target.findings().isEmpty()) {
        continue;
      }
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append(style.display(Path.of(target.path()))).append('\n');
      if (target.findings().isEmpty()) {
        out.append("  no findings\n");
      }
      List<Finding> review =
          target.findings().stream().filter(f -> f.level() == Level.REVIEW).toList();
      // Violations first, then recommendations, each in file order.
      for (Level level : List.of(Level.MUST, Level.SHOULD)) {
        for (Finding finding : target.findings()) {
          if (finding.level() == level) {
            line(out, target, finding, context, style);
            firstRule = firstRule.isEmpty() ? finding.ruleId() : firstRule;
          }
        }
      }
      if (!review.isEmpty()) {
        firstRule = firstRule.isEmpty() ? review.get(0).ruleId() : firstRule;
        if (!style.quiet()) {
          out.append("  What a certification reviewer will ask:\n");
        }
        review.forEach(finding -> line(out, target, finding, context, style));
      }
    }
    if (style.quiet()) {
      return withoutLoggingCommands(out.toString());
    }
    if (!firstRule.isEmpty()) {
      out.append("What a rule asks and how to fix it: pqcert explain ")
          .append(firstRule)
          .append('\n');
    }
    context
        .absentFromBaseline()
        .filter(absent -> !absent.isEmpty())
        .ifPresent(
            absent -> {
              out.append("Baseline entries no longer found (write the baseline again):\n");
              for (Baseline.Entry entry : absent) {
                out.append("  ")
                    .append(entry.file().isEmpty() ? "(package)" : entry.file())
                    .append("  ")
                    .append(entry.rule())
                    .append("  ")
                    .append(entry.message())
                    .append('\n');
              }
            });
    return withoutLoggingCommands(out.toString());
  }

  /**
   * The report with {@code ##vso[} written {@code # #vso[}: the Azure Pipelines agent runs a
   * logging command found anywhere in a log line, and messages quote the connector's own text.
   */
  static String withoutLoggingCommands(String report) {
    return report.replace("##vso[", "# #vso[");
  }

  private static void line(
      StringBuilder out,
      TargetResult target,
      Finding finding,
      ReportContext context,
      TextStyle style) {
    out.append("  ")
        .append(finding.location().map(l -> where(target, l, context, style)).orElse("(package)"))
        .append("  ")
        .append(paint(finding.level(), style.colour()))
        .append("  ")
        .append(finding.ruleId())
        .append("  ")
        .append(finding.message())
        .append('\n');
  }

  /** {@code file:line:col}: the file on disk when there is one, else its name in the package. */
  private static String where(
      TargetResult target, Location location, ReportContext context, TextStyle style) {
    return context
        .locator()
        .sourceFile(target, location.file())
        .map(
            file ->
                style.display(file)
                    + ":"
                    + location.span().start().line()
                    + ":"
                    + location.span().start().column())
        .orElseGet(location::describe);
  }

  private static String paint(Level level, boolean colour) {
    // Padded by hand: a cold Formatter sets up the JDK's locale data (see RunSummary).
    String name = level.name() + " ".repeat(Math.max(0, 6 - level.name().length()));
    if (!colour) {
      return name;
    }
    String code =
        switch (level) {
          case MUST -> "\u001b[1;31m";
          case SHOULD -> "\u001b[33m";
          case REVIEW -> "\u001b[36m";
        };
    // The padding stays outside the colour, so only the word is coloured.
    String word = level.name();
    return code + word + RESET + name.substring(word.length());
  }
}
