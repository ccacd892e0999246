package dev.pqcert.report;

import dev.pqcert.check.Baseline;
import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.util.List;
import java.util.Locale;

/**
 * The human report: one block per target; the MUST findings, then the SHOULD findings, each in file
 * order, one line each ({@code file:line:col LEVEL PQxxx message}, package-level findings with
 * {@code (package)} in place of a position); then the questions a certification reviewer will ask
 * (REVIEW findings) with the evidence found. One line at the end points to {@code pqcert explain}.
 */
public final class TextReport {
  private static final String RESET = "\u001b[0m";

  private TextReport() {}

  public static String render(List<TargetResult> targets, ReportContext context, boolean colour) {
    StringBuilder out = new StringBuilder();
    String firstRule = "";
    for (TargetResult target : targets) {
      if (target.error().isPresent()) {
        continue; // unreadable targets are reported on stderr, one line each
      }
      out.append(target.path()).append('\n');
      if (target.findings().isEmpty()) {
        out.append("  no findings\n");
      }
      List<Finding> review =
          target.findings().stream().filter(f -> f.level() == Level.REVIEW).toList();
      // Violations first, then recommendations, each in file order.
      for (Level level : List.of(Level.MUST, Level.SHOULD)) {
        for (Finding finding : target.findings()) {
          if (finding.level() == level) {
            line(out, finding, colour);
            firstRule = firstRule.isEmpty() ? finding.ruleId() : firstRule;
          }
        }
      }
      if (!review.isEmpty()) {
        firstRule = firstRule.isEmpty() ? review.get(0).ruleId() : firstRule;
        out.append("  What a certification reviewer will ask:\n");
        review.forEach(finding -> line(out, finding, colour));
      }
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
    return out.toString();
  }

  private static void line(StringBuilder out, Finding finding, boolean colour) {
    String where = finding.location().map(Location::describe).orElse("(package)");
    out.append("  ")
        .append(where)
        .append("  ")
        .append(paint(finding.level(), colour))
        .append("  ")
        .append(colour ? "\u001b[2m" + finding.ruleId() + RESET : finding.ruleId())
        .append("  ")
        .append(finding.message())
        .append('\n');
  }

  /** The summary line for stderr; {@code absentFromBaseline} counts entries no longer found. */
  public static String summary(List<TargetResult> targets, int absentFromBaseline) {
    long must = 0;
    long should = 0;
    long review = 0;
    long unreadable = 0;
    long suppressed = 0;
    long baselined = 0;
    for (TargetResult target : targets) {
      must += target.count(Level.MUST);
      should += target.count(Level.SHOULD);
      review += target.count(Level.REVIEW);
      unreadable += target.error().isPresent() ? 1 : 0;
      suppressed += target.suppressed().size();
      baselined += target.baselined().size();
    }
    String line =
        String.format(
            Locale.ROOT,
            "Checked %d target%s: %d MUST, %d SHOULD, %d REVIEW",
            targets.size(),
            targets.size() == 1 ? "" : "s",
            must,
            should,
            review);
    if (suppressed > 0 || baselined > 0) {
      line +=
          String.format(
              Locale.ROOT, " (not shown: %d suppressed, %d in baseline)", suppressed, baselined);
    }
    if (absentFromBaseline > 0) {
      line +=
          String.format(
              Locale.ROOT,
              "; %d baseline entr%s no longer found",
              absentFromBaseline,
              absentFromBaseline == 1 ? "y" : "ies");
    }
    if (unreadable > 0) {
      line += String.format(Locale.ROOT, "; %d could not be read", unreadable);
    }
    return line + (must > 0 ? " (fails certification)" : "");
  }

  private static String paint(Level level, boolean colour) {
    String name = String.format(Locale.ROOT, "%-6s", level.name());
    if (!colour) {
      return name;
    }
    String code =
        switch (level) {
          case MUST -> "\u001b[1;31m";
          case SHOULD -> "\u001b[33m";
          case REVIEW -> "\u001b[36m";
        };
    return code + name + RESET;
  }
}
