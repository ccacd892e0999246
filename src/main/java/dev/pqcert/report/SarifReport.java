package dev.pqcert.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.ConfigurationOverride;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.check.Fingerprint;
import dev.pqcert.check.RuleOverrides;
import dev.pqcert.check.SuppressedFinding;
import dev.pqcert.check.TargetResult;
import dev.pqcert.json.Json;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Fix;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Rule;
import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SARIF 2.1.0, as GitHub code scanning and other CI platforms read it: one run, the tool driver
 * with one rule entry per pqcert rule (help from the rule's document), and one result per finding
 * with a physical location. Findings an inline suppression or the baseline accepted are results
 * too, with {@code suppressions} ({@code inSource} with the written reason, {@code external} naming
 * the baseline). Rules the configuration switched off or moved to another level are stated as the
 * invocation's rule configuration overrides. Files the user can open are referenced by their path;
 * files that exist only inside a package are referenced relative to the package, through a {@code
 * PACKAGEn} base id.
 */
public final class SarifReport {
  /** Fingerprint key: a finding's identity that does not depend on its line. */
  static final String FINGERPRINT_KEY = "pqcert/v1";

  private static final URI SCHEMA =
      URI.create(
          "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
  private static final ObjectMapper JSON = mapper();

  private SarifReport() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    // The generated classes omit values equal to the schema's defaults ("warning"); a report
    // states every level explicitly, as GitHub's documentation asks of defaultConfiguration.
    JsonInclude.Value nonNull = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null);
    mapper.configOverride(ReportingConfiguration.class).setInclude(nonNull);
    mapper.configOverride(Result.class).setInclude(nonNull);
    return mapper;
  }

  public static String render(List<TargetResult> targets, ReportContext context) {
    RuleRegistry registry = context.rules();
    List<String> ruleIds = new ArrayList<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>();
    for (Rule rule : registry.rules()) {
      RuleDoc doc = registry.doc(rule.id()).orElseThrow();
      ruleIds.add(rule.id());
      rules.add(descriptor(rule, doc, context));
    }
    List<Result> results = new ArrayList<>();
    List<Notification> notifications = new ArrayList<>();
    OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
    for (int t = 0; t < targets.size(); t++) {
      TargetResult target = targets.get(t);
      if (target.error().isPresent()) {
        notifications.add(
            new Notification()
                .withLevel(Notification.Level.ERROR)
                .withMessage(new Message().withText(target.path() + ": " + target.error().get()))
                .withLocations(
                    Set.of(
                        new Location()
                            .withPhysicalLocation(
                                new PhysicalLocation()
                                    .withArtifactLocation(
                                        new ArtifactLocation()
                                            .withUri(
                                                uri(context.locator().targetPath(target))))))));
        continue;
      }
      String baseId = "PACKAGE" + (t + 1);
      // Findings a suppression or the baseline accepted are results too, marked as suppressed, so
      // that code scanning shows their alerts as dismissed rather than fixed.
      List<Reported> reported = new ArrayList<>();
      target.findings().forEach(f -> reported.add(new Reported(f, Optional.empty())));
      for (SuppressedFinding suppressed : target.suppressed()) {
        PhysicalLocation directive =
            physical(target, Optional.of(suppressed.directive()), baseId, baseIds, context);
        reported.add(
            new Reported(
                suppressed.finding(),
                Optional.of(
                    new Suppression()
                        .withKind(Suppression.Kind.IN_SOURCE)
                        .withStatus(Suppression.Status.ACCEPTED)
                        .withJustification(suppressed.reason())
                        .withLocation(new Location().withPhysicalLocation(directive)))));
      }
      String baselineFile =
          context.baseline().map(b -> "the baseline " + b.file()).orElse("the baseline");
      for (Finding accepted : target.baselined()) {
        reported.add(
            new Reported(
                accepted,
                Optional.of(
                    new Suppression()
                        .withKind(Suppression.Kind.EXTERNAL)
                        .withStatus(Suppression.Status.ACCEPTED)
                        .withJustification("accepted in " + baselineFile))));
      }
      reported.sort(Comparator.comparing(Reported::finding, Finding.ORDER));
      // An analysis a bound cut short is also a fact about the run, so that a SARIF consumer that
      // reads only the invocation still learns the report may be incomplete.
      for (Finding limit : target.findings()) {
        if (limit.ruleId().equals(RuleRegistry.analysisLimitRuleId())) {
          notifications.add(
              new Notification()
                  .withLevel(Notification.Level.WARNING)
                  .withDescriptor(
                      new ReportingDescriptorReference()
                          .withId(limit.ruleId())
                          .withIndex(ruleIds.indexOf(limit.ruleId())))
                  .withMessage(new Message().withText(limit.message()))
                  .withLocations(
                      Set.of(
                          new Location()
                              .withPhysicalLocation(
                                  physical(target, limit.location(), baseId, baseIds, context)))));
        }
      }
      // Identical findings in one target (same rule, file and message) are told apart by their
      // order among all of them, suppressed or not, so that code scanning does not merge them into
      // one alert, and a finding's number does not change when its twin is suppressed.
      Map<String, Integer> occurrences = new HashMap<>();
      for (Reported entry : reported) {
        Finding finding = entry.finding();
        String fingerprint = Fingerprint.of(finding);
        int occurrence = occurrences.merge(fingerprint, 1, Integer::sum);
        results.add(
            new Result()
                .withRuleId(finding.ruleId())
                .withRuleIndex(ruleIds.indexOf(finding.ruleId()))
                .withLevel(resultLevel(finding.level()))
                .withRank(null)
                .withMessage(new Message().withText(finding.message()))
                .withLocations(
                    List.of(
                        new Location()
                            .withPhysicalLocation(
                                physical(target, finding.location(), baseId, baseIds, context))))
                .withRelatedLocations(related(finding.related(), target, baseId, baseIds, context))
                .withCodeFlows(codeFlows(finding.path(), target, baseId, baseIds, context))
                .withFixes(fixes(finding, target, context))
                .withSuppressions(entry.suppression().map(Set::of).orElse(null))
                .withPartialFingerprints(
                    new PartialFingerprints()
                        .withAdditionalProperty(FINGERPRINT_KEY, fingerprint + ":" + occurrence)));
      }
    }
    Set<ConfigurationOverride> overrides = ruleOverrides(targets, ruleIds);
    Run run =
        new Run()
            .withTool(
                new Tool()
                    .withDriver(
                        new ToolComponent()
                            .withName("pqcert")
                            .withVersion(context.toolVersion())
                            .withSemanticVersion(context.toolVersion())
                            .withRules(rules)))
            .withInvocations(
                List.of(
                    new Invocation()
                        .withExecutionSuccessful(
                            notifications.stream()
                                .noneMatch(n -> n.getLevel() == Notification.Level.ERROR))
                        .withRuleConfigurationOverrides(overrides.isEmpty() ? null : overrides)
                        .withToolExecutionNotifications(
                            notifications.isEmpty() ? null : notifications)))
            .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
            .withResults(results);
    if (!baseIds.getAdditionalProperties().isEmpty()) {
      run.setOriginalUriBaseIds(baseIds);
    }
    SarifSchema210 log =
        new SarifSchema210()
            .with$schema(SCHEMA)
            .withVersion(SarifSchema210.Version._2_1_0)
            .withRuns(List.of(run));
    return Json.pretty(JSON, log);
  }

  /** One thing a configuration file did to a rule: switched it off (no level), or moved it. */
  private record RuleChange(String ruleId, Optional<Level> level, Optional<String> configFile) {}

  /**
   * What the configuration changed about the rules, so that a reader sees which configuration was
   * in force: one override per rule, setting and configuration file, naming the targets it applied
   * to when it did not apply to all of them.
   */
  private static Set<ConfigurationOverride> ruleOverrides(
      List<TargetResult> targets, List<String> ruleIds) {
    List<TargetResult> checked = targets.stream().filter(t -> t.error().isEmpty()).toList();
    Map<RuleChange, List<String>> appliedTo = new HashMap<>();
    for (TargetResult target : checked) {
      RuleOverrides overrides = target.overrides();
      for (String id : overrides.disabled()) {
        appliedTo
            .computeIfAbsent(
                new RuleChange(id, Optional.empty(), overrides.configFile()),
                k -> new ArrayList<>())
            .add(target.path());
      }
      overrides
          .levels()
          .forEach(
              (id, level) ->
                  appliedTo
                      .computeIfAbsent(
                          new RuleChange(id, Optional.of(level), overrides.configFile()),
                          k -> new ArrayList<>())
                      .add(target.path()));
    }
    Set<ConfigurationOverride> result = new LinkedHashSet<>();
    appliedTo.keySet().stream()
        .sorted(
            Comparator.comparingInt((RuleChange c) -> ruleIds.indexOf(c.ruleId()))
                .thenComparingInt(c -> c.level().map(Level::ordinal).orElse(-1))
                .thenComparing(c -> c.configFile().orElse("")))
        .forEach(
            change -> {
              // Only the property that is overridden; the rest stays as the descriptor says.
              ReportingConfiguration configuration =
                  new ReportingConfiguration().withEnabled(null).withLevel(null).withRank(null);
              change
                  .level()
                  .ifPresentOrElse(
                      level -> configuration.setLevel(configLevel(level)),
                      () -> configuration.setEnabled(false));
              PropertyBag properties = new PropertyBag();
              change
                  .configFile()
                  .ifPresent(file -> properties.setAdditionalProperty("configurationFile", file));
              List<String> paths = appliedTo.get(change);
              if (paths.size() < checked.size()) {
                properties.setAdditionalProperty("targets", paths);
              }
              result.add(
                  new ConfigurationOverride()
                      .withDescriptor(
                          new ReportingDescriptorReference()
                              .withId(change.ruleId())
                              .withIndex(ruleIds.indexOf(change.ruleId())))
                      .withConfiguration(configuration)
                      .withProperties(
                          properties.getAdditionalProperties().isEmpty() ? null : properties));
            });
    return result;
  }

  /** A finding to report as a result, with the suppression that accepted it, if any. */
  private record Reported(Finding finding, Optional<Suppression> suppression) {}

  /** A finding's other places, numbered as SARIF asks; null when it has none. */
  private static Set<Location> related(
      List<Finding.Related> places,
      TargetResult target,
      String baseId,
      OriginalUriBaseIds baseIds,
      ReportContext context) {
    if (places.isEmpty()) {
      return null;
    }
    Set<Location> locations = new LinkedHashSet<>();
    int id = 1;
    for (Finding.Related place : places) {
      locations.add(labelled(place, target, baseId, baseIds, context).withId(id++));
    }
    return locations;
  }

  /**
   * A finding's fix, for an editor to offer: only for a file the user can open, where its edits
   * apply; null otherwise.
   */
  private static Set<com.contrastsecurity.sarif.Fix> fixes(
      Finding finding, TargetResult target, ReportContext context) {
    if (finding.fix().isEmpty()) {
      return null;
    }
    Fix fix = finding.fix().get();
    // One change per file, in the order of the fix's files; none when a file cannot be opened.
    Set<ArtifactChange> changes = new LinkedHashSet<>();
    for (String file : fix.files()) {
      Optional<String> source = context.locator().sourcePath(target, file);
      if (source.isEmpty()) {
        return null;
      }
      List<Replacement> replacements = new ArrayList<>();
      for (Fix.Edit edit : fix.edits()) {
        if (edit.location().file().equals(file)) {
          replacements.add(
              new Replacement()
                  .withDeletedRegion(region(edit.location().span()))
                  .withInsertedContent(new ArtifactContent().withText(edit.replacement())));
        }
      }
      changes.add(
          new ArtifactChange()
              .withArtifactLocation(new ArtifactLocation().withUri(uri(source.get())))
              .withReplacements(replacements));
    }
    return Set.of(
        new com.contrastsecurity.sarif.Fix()
            .withDescription(new Message().withText(fix.description()))
            .withArtifactChanges(changes));
  }

  /** A flow's path as one code flow, step by step, as GitHub shows it; null for other findings. */
  private static List<CodeFlow> codeFlows(
      List<Finding.Related> path,
      TargetResult target,
      String baseId,
      OriginalUriBaseIds baseIds,
      ReportContext context) {
    if (path.isEmpty()) {
      return null;
    }
    List<ThreadFlowLocation> steps = new ArrayList<>();
    for (Finding.Related step : path) {
      steps.add(
          new ThreadFlowLocation().withLocation(labelled(step, target, baseId, baseIds, context)));
    }
    return List.of(new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps))));
  }

  /** A related place or a step of a path: where it is, with its label as the message. */
  private static Location labelled(
      Finding.Related place,
      TargetResult target,
      String baseId,
      OriginalUriBaseIds baseIds,
      ReportContext context) {
    return new Location()
        .withMessage(new Message().withText(place.label()))
        .withPhysicalLocation(
            physical(target, Optional.of(place.location()), baseId, baseIds, context));
  }

  /**
   * Where a finding (or a suppression comment) is: a file the user can open, else the file inside
   * the package through the package's base id (described in {@code baseIds} on first use), else,
   * without a location, the target itself.
   */
  private static PhysicalLocation physical(
      TargetResult target,
      Optional<dev.pqcert.rules.Location> location,
      String baseId,
      OriginalUriBaseIds baseIds,
      ReportContext context) {
    if (location.isEmpty()) {
      return new PhysicalLocation()
          .withArtifactLocation(
              new ArtifactLocation().withUri(uri(context.locator().targetPath(target))));
    }
    String file = location.get().file();
    Optional<String> source = context.locator().sourcePath(target, file);
    ArtifactLocation artifact;
    if (source.isPresent()) {
      artifact = new ArtifactLocation().withUri(uri(source.get()));
    } else {
      artifact = new ArtifactLocation().withUri(uri(file)).withUriBaseId(baseId);
      if (!baseIds.getAdditionalProperties().containsKey(baseId)) {
        baseIds.setAdditionalProperty(
            baseId,
            new ArtifactLocation()
                .withDescription(
                    new Message().withText("the files inside the package " + target.path())));
      }
    }
    return new PhysicalLocation()
        .withArtifactLocation(artifact)
        .withRegion(region(location.get().span()));
  }

  private static ReportingDescriptor descriptor(Rule rule, RuleDoc doc, ReportContext context) {
    return new ReportingDescriptor()
        .withId(rule.id())
        .withName(ruleName(rule))
        .withShortDescription(new MultiformatMessageString().withText(doc.title()))
        .withFullDescription(
            new MultiformatMessageString()
                .withText(unwrap(doc.sections().getOrDefault("What it checks", doc.title()))))
        .withHelp(
            new MultiformatMessageString()
                .withText(doc.title() + ". " + doc.requirement())
                .withMarkdown(doc.forPeople()))
        .withHelpUri(context.helpUri(rule.id()).map(URI::create).orElse(null))
        .withDefaultConfiguration(
            new ReportingConfiguration()
                .withLevel(configLevel(doc.level()))
                .withRank(null)) // -1 ("no rank") is noise
        .withProperties(
            new PropertyBag()
                .withTags(
                    new LinkedHashSet<>(
                        List.of(
                            "power-query",
                            "certification",
                            doc.level().name().toLowerCase(Locale.ROOT)))));
  }

  /** The rule's class name without "Rule": an identifier, as SARIF's {@code name} asks. */
  private static String ruleName(Rule rule) {
    String simple = rule.getClass().getSimpleName();
    return simple.endsWith("Rule") ? simple.substring(0, simple.length() - 4) : simple;
  }

  /** Markdown paragraphs hard-wrapped in the document become one line each; lists stay. */
  static String unwrap(String markdown) {
    StringBuilder out = new StringBuilder();
    for (String block : markdown.split("\n\n", -1)) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      boolean structured =
          block.startsWith("```") || block.lines().anyMatch(l -> l.startsWith("- "));
      out.append(structured ? block : block.replace('\n', ' '));
    }
    return out.toString();
  }

  private static Region region(Span span) {
    return new Region()
        .withStartLine(span.start().line())
        .withStartColumn(span.start().column())
        .withEndLine(span.end().line())
        .withEndColumn(span.end().column());
  }

  /** A relative or absolute path as a URI reference (spaces and the like percent-encoded). */
  static String uri(String path) {
    Path asPath = Path.of(path);
    if (asPath.isAbsolute()) {
      return asPath.toUri().toASCIIString();
    }
    // A colon in the first segment would read as a URI scheme ("Mod:v2.pqm"): start with "./".
    int slash = path.indexOf('/');
    String first = slash < 0 ? path : path.substring(0, slash);
    String relative = first.contains(":") ? "./" + path : path;
    try {
      return new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  private static Result.Level resultLevel(Level level) {
    return switch (level) {
      case MUST -> Result.Level.ERROR;
      case SHOULD -> Result.Level.WARNING;
      case REVIEW -> Result.Level.NOTE;
    };
  }

  private static ReportingConfiguration.Level configLevel(Level level) {
    return switch (level) {
      case MUST -> ReportingConfiguration.Level.ERROR;
      case SHOULD -> ReportingConfiguration.Level.WARNING;
      case REVIEW -> ReportingConfiguration.Level.NOTE;
    };
  }
}
