package dev.pqcert.report;

import dev.pqcert.check.Baseline;
import dev.pqcert.config.FailOn;
import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What every report format needs besides the results: the tool's version, the rules and their
 * documents, the exit policy, where source files are, and the baseline the run applied (empty
 * without {@code --baseline}).
 */
public record ReportContext(
    String toolVersion,
    RuleRegistry rules,
    FailOn failOn,
    SourceLocator locator,
    Optional<AppliedBaseline> baseline) {

  /** The baseline file as given on the command line, and its entries that no longer occur. */
  public record AppliedBaseline(String file, List<Baseline.Entry> absent) {
    public AppliedBaseline {
      absent = List.copyOf(absent);
    }
  }

  /** Where rule documents are published; each rule's page is {@code <base>/<id>.md}. */
  public static final String RULES_BASE_URI = "https://github.com/pqcert/pqcert/blob/main/rules/";

  public static final String INFORMATION_URI = "https://github.com/pqcert/pqcert";

  /** The baseline entries that no longer occur; empty without a baseline. */
  public Optional<List<Baseline.Entry>> absentFromBaseline() {
    return baseline.map(AppliedBaseline::absent);
  }

  public String helpUri(String ruleId) {
    return RULES_BASE_URI + ruleId + ".md";
  }

  public String title(String ruleId) {
    return rules.doc(ruleId).map(RuleDoc::title).orElse(ruleId);
  }
}
