package dev.pqcert.report;

import dev.pqcert.check.TargetResult;
import dev.pqcert.model.ReportFacts;
import dev.pqcert.model.Submission;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * A certification-readiness report to paste into a pull request or attach to a submission: per
 * target a verdict, the MUST and SHOULD findings as tables, and the questions a reviewer will ask
 * with the evidence pqcert found.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(List<TargetResult> targets, ReportContext context) {
    StringBuilder out = new StringBuilder();
    out.append("# Connector certification readiness\n\n");
    out.append("Checked by pqcert ")
        .append(context.toolVersion())
        .append(" against the Power Query connector-certification requirements.");
    if (context.docsUrl().isEmpty()) {
      // No published documents to link to: say where each rule's document is.
      out.append(" For what a rule asks and how to fix it, run `pqcert explain` with its id.");
    }
    out.append("\n\n");
    out.append("| Target | Verdict | MUST | SHOULD | REVIEW |\n");
    out.append("|---|---|---:|---:|---:|\n");
    for (TargetResult target : targets) {
      out.append("| ")
          .append(cell(target.path()))
          .append(" | ")
          .append(verdict(target))
          .append(" | ")
          .append(target.count(Level.MUST))
          .append(" | ")
          .append(target.count(Level.SHOULD))
          .append(" | ")
          .append(target.count(Level.REVIEW))
          .append(" |\n");
    }
    for (TargetResult target : targets) {
      out.append("\n## ").append(text(target.path())).append("\n\n");
      if (target.error().isPresent()) {
        out.append("Could not be read: ").append(text(target.error().get())).append("\n");
        continue;
      }
      long must = target.count(Level.MUST);
      long acceptedMust = target.baselined().stream().filter(f -> f.level() == Level.MUST).count();
      out.append("**").append(verdict(target)).append("**: ");
      if (must > 0) {
        out.append(must)
            .append(must == 1 ? " MUST requirement is" : " MUST requirements are")
            .append(" violated; fix ")
            .append(must == 1 ? "it" : "them")
            .append(" before submitting.");
      } else if (acceptedMust > 0) {
        out.append("no new MUST violation, but ")
            .append(acceptedMust)
            .append(" accepted in the baseline still need fixing before submitting.");
      } else {
        out.append("no MUST requirement is violated.");
      }
      out.append("\n");
      if (!target.suppressed().isEmpty() || !target.baselined().isEmpty()) {
        out.append("\nNot listed below: ")
            .append(target.suppressed().size())
            .append(" finding(s) suppressed inline with a reason, ")
            .append(target.baselined().size())
            .append(" accepted in the baseline.\n");
      }
      if (!target.overrides().disabled().isEmpty()) {
        out.append("\nRules switched off by the configuration: ")
            .append(String.join(", ", target.overrides().disabled()))
            .append(".\n");
      }
      if (!target.overrides().levels().isEmpty()) {
        List<String> moved = new ArrayList<>();
        target.overrides().levels().forEach((rule, level) -> moved.add(rule + " as " + level));
        out.append("\nRules the configuration reports at another level: ")
            .append(String.join(", ", moved))
            .append(".\n");
      }
      target.submission().ifPresent(submission -> submission(out, submission));
      table(out, target, Level.MUST, "MUST: fix before submitting", context);
      table(out, target, Level.SHOULD, "SHOULD: expected by reviewers", context);
      questions(out, target, context);
    }
    context
        .absentFromBaseline()
        .filter(absent -> !absent.isEmpty())
        .ifPresent(
            absent -> {
              out.append("\n## Baseline entries no longer found\n\n");
              out.append(
                  "These accepted findings are gone; write the baseline again to drop them.\n\n");
              absent.forEach(
                  entry ->
                      out.append("- ")
                          .append(entry.rule())
                          .append(entry.file().isEmpty() ? "" : " in " + text(entry.file()))
                          .append(": ")
                          .append(text(entry.message()))
                          .append('\n'));
            });
    return out.toString();
  }

  /**
   * The test reports submitted with the connector: which functions their queries call, and per
   * function the navigation items they test and those they do not (or, when the items are known
   * only at run time, the paths they reach).
   */
  private static void submission(StringBuilder out, Submission submission) {
    out.append("\n### Test report\n\n");
    List<String> reports = new ArrayList<>();
    for (ReportFacts facts : submission.reports()) {
      reports.add(
          text(facts.report().displayName())
              + " ("
              + facts.report().format().label()
              + ", "
              + facts.report().queries().size()
              + (facts.report().queries().size() == 1 ? " query)" : " queries)"));
    }
    out.append("Read: ").append(String.join(", ", reports)).append(".\n\n");
    out.append("| Function | Called by | Items known | Tested | Not tested |\n");
    out.append("|---|---|---|---|---|\n");
    for (Submission.Navigation offered : submission.navigation()) {
      String function = offered.export().name();
      List<String> callers =
          submission.callsOf(function).stream()
              .map(ReportFacts.ExportCall::query)
              .distinct()
              .map(MarkdownReport::text)
              .toList();
      String tested;
      String untested;
      if (offered.items().isPresent()) {
        List<String> reached = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Submission.Tested item : submission.tested(offered)) {
          (item.by().isEmpty() ? missed : reached).add(text(item.item().name()));
        }
        tested = reached.isEmpty() ? "none" : String.join(", ", reached);
        untested = missed.isEmpty() ? "none" : String.join(", ", missed);
      } else {
        List<String> paths =
            submission.reachedIn(function).stream()
                .map(r -> text(r.describe()) + " (" + text(r.query()) + ")")
                .distinct()
                .toList();
        tested = paths.isEmpty() ? "none" : String.join(", ", paths);
        untested = "not known";
      }
      out.append("| ")
          .append(text(function))
          .append(" | ")
          .append(callers.isEmpty() ? "no query" : String.join(", ", callers))
          .append(" | ")
          .append(
              offered.items().isPresent()
                  ? offered.items().get().size() + " in the code"
                  : "at run time")
          .append(" | ")
          .append(tested)
          .append(" | ")
          .append(untested)
          .append(" |\n");
    }
  }

  private static String verdict(TargetResult target) {
    if (target.error().isPresent()) {
      return "Unreadable";
    }
    boolean acceptedMust = target.baselined().stream().anyMatch(f -> f.level() == Level.MUST);
    return target.count(Level.MUST) == 0 && !acceptedMust ? "Ready" : "Not ready";
  }

  private static void table(
      StringBuilder out, TargetResult target, Level level, String heading, ReportContext context) {
    List<Finding> findings = target.findings().stream().filter(f -> f.level() == level).toList();
    if (findings.isEmpty()) {
      return;
    }
    out.append("\n### ").append(heading).append("\n\n");
    out.append("| Rule | Where | Finding |\n|---|---|---|\n");
    for (Finding finding : findings) {
      out.append("| ")
          .append(ruleLink(finding.ruleId(), context))
          .append(" | ")
          .append(where(finding))
          .append(" | ")
          .append(cell(finding.message()))
          .append(" |\n");
    }
  }

  private static void questions(StringBuilder out, TargetResult target, ReportContext context) {
    List<Finding> findings =
        target.findings().stream().filter(f -> f.level() == Level.REVIEW).toList();
    if (findings.isEmpty()) {
      return;
    }
    out.append("\n### REVIEW: what a certification reviewer will ask\n\n");
    for (Finding finding : findings) {
      out.append("- ")
          .append(ruleLink(finding.ruleId(), context))
          .append(" at ")
          .append(where(finding))
          .append(": ")
          .append(text(finding.message()))
          .append('\n');
    }
  }

  /** The rule's id, linked to its document when the run knows where they are, and its title. */
  private static String ruleLink(String ruleId, ReportContext context) {
    String id =
        context.helpUri(ruleId).map(uri -> "[" + ruleId + "](<" + uri + ">)").orElse(ruleId);
    return id + " " + text(context.title(ruleId));
  }

  private static String where(Finding finding) {
    return finding
        .location()
        .map(l -> "`" + l.describe().replace("`", "'") + "`")
        .orElse("package");
  }

  /** Text for a table cell: {@link #text} already keeps it on one line and escapes pipes. */
  private static String cell(String value) {
    return text(value);
  }

  /** Plain text in Markdown: characters that would format or inject HTML are escaped. */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
          // @ too: a connector's text must not mention people when the report is pasted.
        case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '@' ->
            out.append('\\').append(c);
        case '\r' -> {}
        case '\n' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
