package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The rules pqcert runs, in id order, each with its document. */
public final class RuleRegistry {
  private final List<Rule> rules;
  private final List<RuleDoc> docs;

  private RuleRegistry(List<Rule> rules) {
    this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
    this.docs = this.rules.stream().map(rule -> RuleDoc.load(rule.id())).toList();
  }

  public static RuleRegistry builtIn() {
    List<Rule> rules =
        new ArrayList<>(
            List.of(
                new SyntaxErrorRule(),
                new UndecodableTextRule(),
                new AnalysisLimitRule(),
                new SectionDocumentRule(),
                new VersionAdornmentRule(),
                new DocumentationRule(),
                new TestConnectionRule(),
                new PublishRecordRule(),
                new AuthenticationRule(),
                new FieldCaptionRule(),
                new NamingRule(),
                new FunctionNameRule(),
                new TabularResultRule(),
                new DirectQueryRule(),
                new RequiredParametersRule(),
                new PackageNameRule(),
                new TraceFlagRule(),
                new UnguardedTraceRule(),
                new ResourceKeysRule(),
                new CredentialSinksRule(),
                new CredentialQueryRule(),
                new TracePiiRule(),
                new ExpressionEvaluateRule(),
                new NavigationTableRule(),
                new GatewayTypesRule(),
                new OAuthHygieneRule(),
                new SingleSectionDocumentRule(),
                new BundledFilesRule(),
                new IconsRule(),
                new IconImagesRule(),
                new ResourceStringsRule(),
                new ResourceValuesRule(),
                new HttpsRule(),
                new ReportCallsConnectorRule(),
                new ReportCallsExportsRule(),
                new NavigationItemsTestedRule(),
                new NavigationEvidenceRule()));
    Set<String> ids = new TreeSet<>();
    rules.forEach(rule -> ids.add(rule.id()));
    rules.add(new SuppressionRule(ids));
    return new RuleRegistry(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<RuleDoc> docs() {
    return docs;
  }

  /** Every rule id, sorted. */
  public Set<String> ids() {
    Set<String> ids = new TreeSet<>();
    rules.forEach(rule -> ids.add(rule.id()));
    return ids;
  }

  /** The suppression rule's id: the check stage reports unused suppressions under it. */
  public static String suppressionRuleId() {
    return SuppressionRule.ID;
  }

  /**
   * Whether a rule judges the test report submitted with the connector: it says nothing about a
   * connector checked alone, so reports that list every rule leave it out for one.
   */
  public static boolean judgesTestReport(String id) {
    return SUBMISSION_RULES.contains(id);
  }

  private static final Set<String> SUBMISSION_RULES =
      Set.of(
          new ReportCallsConnectorRule().id(),
          new ReportCallsExportsRule().id(),
          new NavigationItemsTestedRule().id(),
          new NavigationEvidenceRule().id());

  /** The rule that says a bound on the analysis cut it short (reports also mark it as such). */
  public static String analysisLimitRuleId() {
    return AnalysisLimitRule.ID;
  }

  public Optional<RuleDoc> doc(String id) {
    return docs.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Runs every rule over one model with default settings; findings in report order. */
  public List<Finding> check(ConnectorModel model) {
    return check(model, CheckSettings.DEFAULTS);
  }

  /** Runs every rule over one model; findings in report order. */
  public List<Finding> check(ConnectorModel model, CheckSettings settings) {
    return check(model, settings, id -> true);
  }

  /** Runs the enabled rules over one model; findings in report order. */
  public List<Finding> check(
      ConnectorModel model, CheckSettings settings, Predicate<String> enabled) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (!enabled.test(rule.id())) {
        continue;
      }
      rule.check(model, new FindingSink(rule.id(), docs.get(i).level(), findings, settings));
    }
    findings.sort(Finding.ORDER);
    return List.copyOf(findings);
  }
}
