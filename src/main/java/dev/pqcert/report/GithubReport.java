package dev.pqcert.report;

import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Location;
import java.util.List;
import java.util.Optional;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} line
 * per finding, which the Actions runner turns into annotations on the pull request. A span over
 * several lines is written as its start ({@code line}, {@code col}): the runner ignores columns
 * unless {@code line} and {@code endLine} are equal. Values are escaped as the runner expects
 * ({@code %}, CR and LF everywhere; also {@code :} and {@code ,} in properties), so any message
 * survives intact.
 */
public final class GithubReport {
  private GithubReport() {}

  public static String render(List<TargetResult> targets, ReportContext context) {
    StringBuilder out = new StringBuilder();
    for (TargetResult target : targets) {
      String targetPath = context.locator().targetPath(target);
      if (target.error().isPresent()) {
        command(out, "error", targetPath, Optional.empty(), "pqcert", target.error().get());
        continue;
      }
      for (Finding finding : target.findings()) {
        String title = finding.ruleId() + " " + context.title(finding.ruleId());
        String command =
            switch (finding.level()) {
              case MUST -> "error";
              case SHOULD -> "warning";
              case REVIEW -> "notice";
            };
        if (finding.location().isEmpty()) {
          command(out, command, targetPath, Optional.empty(), title, finding.message());
          continue;
        }
        Location location = finding.location().get();
        Optional<String> source = context.locator().sourcePath(target, location.file());
        if (source.isPresent()) {
          command(out, command, source.get(), Optional.of(location), title, finding.message());
        } else {
          // The file exists only inside the package: annotate the package, say where inside.
          command(
              out,
              command,
              targetPath,
              Optional.empty(),
              title,
              location.describe() + ": " + finding.message());
        }
      }
    }
    return out.toString();
  }

  private static void command(
      StringBuilder out,
      String command,
      String file,
      Optional<Location> location,
      String title,
      String message) {
    out.append("::").append(command).append(" file=").append(property(file));
    location.ifPresent(
        l -> {
          out.append(",line=").append(l.span().start().line());
          out.append(",col=").append(l.span().start().column());
          // The runner drops columns from a span over several lines; then it keeps line and col.
          if (l.span().end().line() == l.span().start().line()) {
            out.append(",endLine=").append(l.span().end().line());
            out.append(",endColumn=").append(l.span().end().column());
          }
        });
    out.append(",title=").append(property(title)).append("::").append(data(message)).append('\n');
  }

  /** Escapes a command's message, as the Actions runner's toolkit does. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as a message, and also the separators {@code :} and {@code ,}. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
