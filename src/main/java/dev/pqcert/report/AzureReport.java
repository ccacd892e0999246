package dev.pqcert.report;

import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Azure Pipelines logging commands: one {@code ##vso[task.logissue]} line per finding, which the
 * agent shows as an error or warning of the step and in the run's summary, then one {@code
 * ##vso[task.complete]} line that sets the step's result.
 *
 * <p>MUST findings are errors and SHOULD findings warnings. REVIEW findings are questions a
 * reviewer will ask, not defects: they are left out, unless the exit policy ({@code --fail-on
 * review}) fails the run on them, when they are warnings, so that the step says why it failed. A
 * target that cannot be read is an error. The step ends {@code Failed} when the exit code is not 0
 * (a finding at the {@code --fail-on} level, or an unreadable target), {@code SucceededWithIssues}
 * when it logged issues that do not fail the run; without issues nothing is said, and the exit code
 * (0) decides.
 *
 * <p>Paths are absolute, as Azure Pipelines asks of a logging command's file. Values are escaped as
 * Microsoft's task library does it: {@code %} as {@code %AZP25}, CR and LF as {@code %0D} and
 * {@code %0A} everywhere; also {@code ;} and {@code ]}, which end a property, as {@code %3B} and
 * {@code %5D} in properties. The message follows the command's own prefix, so text in it that looks
 * like a logging command is never read as one.
 */
public final class AzureReport {
  private AzureReport() {}

  public static String render(List<TargetResult> targets, ReportContext context) {
    StringBuilder out = new StringBuilder();
    boolean failing = false;
    boolean issues = false;
    for (TargetResult target : targets) {
      String targetPath = absolute(context.locator().targetPath(target));
      if (target.error().isPresent()) {
        logIssue(out, "error", targetPath, Optional.empty(), "pqcert", target.error().get());
        failing = true;
        issues = true;
        continue;
      }
      for (Finding finding : target.findings()) {
        boolean fails = context.failOn().fails(finding.level());
        if (finding.level() == Level.REVIEW && !fails) {
          continue;
        }
        failing |= fails;
        issues = true;
        String type = finding.level() == Level.MUST ? "error" : "warning";
        if (finding.location().isEmpty()) {
          logIssue(out, type, targetPath, Optional.empty(), finding.ruleId(), finding.message());
          continue;
        }
        Location location = finding.location().get();
        Optional<String> source = context.locator().sourcePath(target, location.file());
        if (source.isPresent()) {
          logIssue(
              out,
              type,
              absolute(source.get()),
              Optional.of(location),
              finding.ruleId(),
              finding.message());
        } else {
          // The file exists only inside the package: point at the package, say where inside.
          logIssue(
              out,
              type,
              targetPath,
              Optional.empty(),
              finding.ruleId(),
              location.describe() + ": " + finding.message());
        }
      }
    }
    if (failing) {
      out.append("##vso[task.complete result=Failed;]\n");
    } else if (issues) {
      out.append("##vso[task.complete result=SucceededWithIssues;]\n");
    }
    return out.toString();
  }

  private static void logIssue(
      StringBuilder out,
      String type,
      String file,
      Optional<Location> location,
      String code,
      String message) {
    out.append("##vso[task.logissue type=").append(type);
    out.append(";sourcepath=").append(property(file));
    location.ifPresent(
        l -> {
          out.append(";linenumber=").append(l.span().start().line());
          out.append(";columnnumber=").append(l.span().start().column());
        });
    out.append(";code=").append(property(code)).append(";]").append(data(message)).append('\n');
  }

  private static String absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  /** Escapes a command's message, as Microsoft's task library does. */
  static String data(String text) {
    return text.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as a message, and also the separators {@code ;} and {@code ]}. */
  static String property(String text) {
    return data(text).replace("]", "%5D").replace(";", "%3B");
  }
}
