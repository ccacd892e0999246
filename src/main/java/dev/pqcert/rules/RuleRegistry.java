package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The rules pqcert runs, in id order, each with what a check needs of its document (its {@link
 * RuleIndex.Entry}) and, read only when asked for, the whole document.
 */
public final class RuleRegistry {
  private final List<Rule> rules;
  private final List<RuleIndex.Entry> entries;
  private volatile List<RuleDoc> docs;

  private RuleRegistry(List<Rule> rules) {
    this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
    Optional<Map<String, RuleIndex.Entry>> index = RuleIndex.load();
    this.entries =
        this.rules.stream()
            .map(
                rule ->
                    index
                        .map(entries -> entries.get(rule.id()))
                        .orElseGet(() -> RuleIndex.Entry.of(RuleDoc.load(rule.id()))))
            .toList();
    if (entries.contains(null)) {
      throw new IllegalStateException(RuleIndex.RESOURCE + " lacks a rule; rebuild");
    }
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

  /** Every rule's document, read on the first call. */
  public List<RuleDoc> docs() {
    List<RuleDoc> read = docs;
    if (read == null) {
      read = entries.stream().map(RuleDoc::load).toList(); // in the rules' order
      docs = read;
    }
    return read;
  }

  /** What a check needs of every rule's document, in id order. */
  public List<RuleIndex.Entry> entries() {
    return entries;
  }

  /** What a check needs of one rule's document. */
  public Optional<RuleIndex.Entry> entry(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
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
    return docs().stream().filter(d -> d.id().equals(id)).findFirst();
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
      rule.check(model, new FindingSink(rule.id(), entries.get(i).level(), findings, settings));
    }
    findings.sort(Finding.ORDER);
    return List.copyOf(findings);
  }
}
