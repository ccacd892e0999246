package dev.pqcert.report;

import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.util.List;
import java.util.Locale;

/**
 * The human report: one block per target, one line per finding ({@code file:line:col LEVEL PQxxx
 * message}), package-level findings with {@code (package)} in place of a position.
 */
public final class TextReport {
  private static final String RESET = "\u001b[0m";

  private TextReport() {}

  public static String render(List<TargetResult> targets, boolean colour) {
    StringBuilder out = new StringBuilder();
    for (TargetResult target : targets) {
      if (target.error().isPresent()) {
        continue; // unreadable targets are reported on stderr, one line each
      }
      out.append(target.path()).append('\n');
      if (target.findings().isEmpty()) {
        out.append("  no findings\n");
      }
      for (Finding finding : target.findings()) {
        String where = finding.location().map(TextReport::describe).orElse("(package)");
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
    }
    return out.toString();
  }

  /** The summary line for stderr. */
  public static String summary(List<TargetResult> targets) {
    long must = 0;
    long should = 0;
    long review = 0;
    long unreadable = 0;
    for (TargetResult target : targets) {
      must += target.count(Level.MUST);
      should += target.count(Level.SHOULD);
      review += target.count(Level.REVIEW);
      unreadable += target.error().isPresent() ? 1 : 0;
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
    if (unreadable > 0) {
      line += String.format(Locale.ROOT, "; %d could not be read", unreadable);
    }
    return line + (must > 0 ? " (fails certification)" : "");
  }

  private static String describe(Location location) {
    return location.file()
        + ":"
        + location.span().start().line()
        + ":"
        + location.span().start().column();
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
