package dev.pqcert.report;

import dev.pqcert.check.Baseline;
import dev.pqcert.config.DocsUrl;
import dev.pqcert.config.FailOn;
import dev.pqcert.rules.RuleIndex;
import dev.pqcert.rules.RuleRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What every report format needs besides the results: the tool's version, the rules and their
 * documents, the exit policy, where source files are, the baseline the run applied (empty without
 * {@code --baseline}), and where rule documents are published (empty without {@code --docs-url} or
 * {@code docsUrl}: then no report links to them).
 */
public record ReportContext(
    String toolVersion,
    RuleRegistry rules,
    FailOn failOn,
    SourceLocator locator,
    Optional<AppliedBaseline> baseline,
    Optional<DocsUrl> docsUrl) {

  /** A context without links to rule documents. */
  public ReportContext(
      String toolVersion,
      RuleRegistry rules,
      FailOn failOn,
      SourceLocator locator,
      Optional<AppliedBaseline> baseline) {
    this(toolVersion, rules, failOn, locator, baseline, Optional.empty());
  }

  /** The baseline file as given on the command line, and its entries that no longer occur. */
  public record AppliedBaseline(String file, List<Baseline.Entry> absent) {
    public AppliedBaseline {
      absent = List.copyOf(absent);
    }
  }

  /** The baseline entries that no longer occur; empty without a baseline. */
  public Optional<List<Baseline.Entry>> absentFromBaseline() {
    return baseline.map(AppliedBaseline::absent);
  }

  /** The URL of a rule's document; empty when the run was not told where they are published. */
  public Optional<String> helpUri(String ruleId) {
    return docsUrl.map(url -> url.forRule(ruleId));
  }

  public String title(String ruleId) {
    return rules.entry(ruleId).map(RuleIndex.Entry::title).orElse(ruleId);
  }
}
