package dev.pqcert.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0, as GitHub code scanning and other CI platforms read it: one run, the tool driver
 * with one rule entry per pqcert rule (help from the rule's document), and one result per finding
 * with a physical location. Findings an inline suppression or the baseline accepted are results
 * too, with {@code suppressions} ({@code inSource} with the written reason, {@code external} naming
 * the baseline). Rules the configuration switched off or moved to another level are stated as the
 * invocation's rule configuration overrides. Files the user can open are referenced by their path;
 * files that exist only inside a package are referenced relative to the package, through a {@code
 * PACKAGEn} base id.
 *
 * <p>Written as a JSON tree, in the SARIF schema's property order, rather than through a typed
 * object model: a cold JVM spends some 100 ms letting a data binder introspect such classes, more
 * than a whole small check takes.
 */
public final class SarifReport {
  /** Fingerprint key: a finding's identity that does not depend on its line. */
  static final String FINGERPRINT_KEY = "pqcert/v1";

  private static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SarifReport() {}

  public static String render(List<TargetResult> targets, ReportContext context) {
    RuleRegistry registry = context.rules();
    List<String> ruleIds = new ArrayList<>();
    ArrayNode rules = NODES.arrayNode();
    for (Rule rule : registry.rules()) {
      RuleDoc doc = registry.doc(rule.id()).orElseThrow();
      ruleIds.add(rule.id());
      rules.add(descriptor(rule, doc, context));
    }
    ArrayNode results = NODES.arrayNode();
    List<Notification> notifications = new ArrayList<>();
    // By base id, in the order of a HashMap, as reports have always listed them.
    Map<String, ObjectNode> baseIds = new HashMap<>();
    for (int t = 0; t < targets.size(); t++) {
      TargetResult target = targets.get(t);
      if (target.error().isPresent()) {
        notifications.add(
            new Notification(
                Optional.of(physical(uri(context.locator().targetPath(target)))),
                target.path() + ": " + target.error().get(),
                true,
                Optional.empty()));
        continue;
      }
      String baseId = "PACKAGE" + (t + 1);
      Places places = new Places(target, baseId, baseIds, context);
      // Findings a suppression or the baseline accepted are results too, marked as suppressed, so
      // that code scanning shows their alerts as dismissed rather than fixed.
      List<Reported> reported = new ArrayList<>();
      target.findings().forEach(f -> reported.add(new Reported(f, Optional.empty())));
      for (SuppressedFinding suppressed : target.suppressed()) {
        ObjectNode suppression = NODES.objectNode();
        suppression.put("kind", "inSource");
        suppression.put("status", "accepted");
        suppression.put("justification", suppressed.reason());
        suppression
            .putObject("location")
            .set("physicalLocation", places.physical(Optional.of(suppressed.directive())));
        reported.add(new Reported(suppressed.finding(), Optional.of(suppression)));
      }
      String baselineFile =
          context.baseline().map(b -> "the baseline " + b.file()).orElse("the baseline");
      for (Finding accepted : target.baselined()) {
        ObjectNode suppression = NODES.objectNode();
        suppression.put("kind", "external");
        suppression.put("status", "accepted");
        suppression.put("justification", "accepted in " + baselineFile);
        reported.add(new Reported(accepted, Optional.of(suppression)));
      }
      reported.sort(Comparator.comparing(Reported::finding, Finding.ORDER));
      // An analysis a bound cut short is also a fact about the run, so that a SARIF consumer that
      // reads only the invocation still learns the report may be incomplete.
      for (Finding limit : target.findings()) {
        if (limit.ruleId().equals(RuleRegistry.analysisLimitRuleId())) {
          notifications.add(
              new Notification(
                  Optional.of(places.physical(limit.location())),
                  limit.message(),
                  false,
                  Optional.of(reference(limit.ruleId(), ruleIds))));
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
        ObjectNode result = results.addObject();
        result.put("ruleId", finding.ruleId());
        result.put("ruleIndex", ruleIds.indexOf(finding.ruleId()));
        result.put("kind", "fail");
        result.put("level", level(finding.level()));
        result.set("message", message(finding.message()));
        result
            .putArray("locations")
            .addObject()
            .set("physicalLocation", places.physical(finding.location()));
        result
            .putObject("partialFingerprints")
            .put(FINGERPRINT_KEY, fingerprint + ":" + occurrence);
        codeFlows(finding.path(), places).ifPresent(flows -> result.set("codeFlows", flows));
        related(finding.related(), places)
            .ifPresent(related -> result.set("relatedLocations", related));
        entry.suppression().ifPresent(s -> result.putArray("suppressions").add(s));
        fixes(finding, target, context).ifPresent(fixes -> result.set("fixes", fixes));
      }
    }
    ObjectNode log = NODES.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pqcert");
    driver.put("version", context.toolVersion());
    driver.put("semanticVersion", context.toolVersion());
    driver.set("rules", rules);
    ObjectNode invocation = run.putArray("invocations").addObject();
    ArrayNode overrides = ruleOverrides(targets, ruleIds);
    if (!overrides.isEmpty()) {
      invocation.set("ruleConfigurationOverrides", overrides);
    }
    if (!notifications.isEmpty()) {
      ArrayNode written = invocation.putArray("toolExecutionNotifications");
      notifications.forEach(n -> written.add(n.node()));
    }
    invocation.put("executionSuccessful", notifications.stream().noneMatch(Notification::error));
    if (!baseIds.isEmpty()) {
      ObjectNode described = run.putObject("originalUriBaseIds");
      baseIds.forEach(described::set);
    }
    run.set("results", results);
    run.put("columnKind", "unicodeCodePoints");
    return Json.pretty(JSON, log);
  }

  /**
   * A notification of the run: a target that could not be checked (an error), or an analysis a
   * bound cut short (a warning, the level SARIF assumes, so not written).
   */
  private record Notification(
      Optional<ObjectNode> physicalLocation,
      String text,
      boolean error,
      Optional<ObjectNode> descriptor) {
    ObjectNode node() {
      ObjectNode node = NODES.objectNode();
      physicalLocation.ifPresent(
          physical -> node.putArray("locations").addObject().set("physicalLocation", physical));
      node.set("message", message(text));
      if (error) {
        node.put("level", "error");
      }
      descriptor.ifPresent(d -> node.set("descriptor", d));
      return node;
    }
  }

  /** One thing a configuration file did to a rule: switched it off (no level), or moved it. */
  private record RuleChange(String ruleId, Optional<Level> level, Optional<String> configFile) {}

  /**
   * What the configuration changed about the rules, so that a reader sees which configuration was
   * in force: one override per rule, setting and configuration file, naming the targets it applied
   * to when it did not apply to all of them.
   */
  private static ArrayNode ruleOverrides(List<TargetResult> targets, List<String> ruleIds) {
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
    ArrayNode result = NODES.arrayNode();
    appliedTo.keySet().stream()
        .sorted(
            Comparator.comparingInt((RuleChange c) -> ruleIds.indexOf(c.ruleId()))
                .thenComparingInt(c -> c.level().map(Level::ordinal).orElse(-1))
                .thenComparing(c -> c.configFile().orElse("")))
        .forEach(
            change -> {
              ObjectNode override = result.addObject();
              // Only the property that is overridden; the rest stays as the descriptor says.
              ObjectNode configuration = override.putObject("configuration");
              change
                  .level()
                  .ifPresentOrElse(
                      level -> configuration.put("level", level(level)),
                      () -> configuration.put("enabled", false));
              override.set("descriptor", reference(change.ruleId(), ruleIds));
              // In the order of a HashMap, as reports have always written them.
              Map<String, JsonNode> properties = new HashMap<>();
              change
                  .configFile()
                  .ifPresent(file -> properties.put("configurationFile", NODES.textNode(file)));
              List<String> paths = appliedTo.get(change);
              if (paths.size() < checked.size()) {
                ArrayNode names = NODES.arrayNode();
                paths.forEach(names::add);
                properties.put("targets", names);
              }
              if (!properties.isEmpty()) {
                override.putObject("properties").setAll(properties);
              }
            });
    return result;
  }

  /** A rule by its id and its index among the driver's rules. */
  private static ObjectNode reference(String ruleId, List<String> ruleIds) {
    ObjectNode reference = NODES.objectNode();
    reference.put("id", ruleId);
    reference.put("index", ruleIds.indexOf(ruleId));
    return reference;
  }

  /** A finding to report as a result, with the suppression that accepted it, if any. */
  private record Reported(Finding finding, Optional<ObjectNode> suppression) {}

  /** A finding's other places, numbered as SARIF asks; empty when it has none. */
  private static Optional<ArrayNode> related(List<Finding.Related> places, Places where) {
    if (places.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode locations = NODES.arrayNode();
    int id = 1;
    for (Finding.Related place : places) {
      ObjectNode location = locations.addObject();
      location.put("id", id++);
      labelled(location, place, where);
    }
    return Optional.of(locations);
  }

  /**
   * A finding's fix, for an editor to offer: only for a file the user can open, where its edits
   * apply; empty otherwise.
   */
  private static Optional<ArrayNode> fixes(
      Finding finding, TargetResult target, ReportContext context) {
    if (finding.fix().isEmpty()) {
      return Optional.empty();
    }
    Fix fix = finding.fix().get();
    // One change per file, in the order of the fix's files; none when a file cannot be opened.
    ArrayNode changes = NODES.arrayNode();
    for (String file : fix.files()) {
      Optional<String> source = context.locator().sourcePath(target, file);
      if (source.isEmpty()) {
        return Optional.empty();
      }
      ObjectNode change = changes.addObject();
      change.putObject("artifactLocation").put("uri", uri(source.get()));
      ArrayNode replacements = change.putArray("replacements");
      for (Fix.Edit edit : fix.edits()) {
        if (edit.location().file().equals(file)) {
          ObjectNode replacement = replacements.addObject();
          replacement.set("deletedRegion", region(edit.location().span()));
          replacement.putObject("insertedContent").put("text", edit.replacement());
        }
      }
    }
    ArrayNode fixes = NODES.arrayNode();
    ObjectNode written = fixes.addObject();
    written.set("description", message(fix.description()));
    written.set("artifactChanges", changes);
    return Optional.of(fixes);
  }

  /** A flow's path as one code flow, step by step, as GitHub shows it; empty for other findings. */
  private static Optional<ArrayNode> codeFlows(List<Finding.Related> path, Places where) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode flows = NODES.arrayNode();
    ArrayNode steps = flows.addObject().putArray("threadFlows").addObject().putArray("locations");
    for (Finding.Related step : path) {
      labelled(steps.addObject().putObject("location"), step, where);
    }
    return Optional.of(flows);
  }

  /** A related place or a step of a path: where it is, with its label as the message. */
  private static void labelled(ObjectNode location, Finding.Related place, Places where) {
    location.set("physicalLocation", where.physical(Optional.of(place.location())));
    location.set("message", message(place.label()));
  }

  /** Where a target's findings are, and the package base ids described on first use. */
  private record Places(
      TargetResult target, String baseId, Map<String, ObjectNode> baseIds, ReportContext context) {
    /**
     * Where a finding (or a suppression comment) is: a file the user can open, else the file inside
     * the package through the package's base id (described in {@code baseIds} on first use), else,
     * without a location, the target itself.
     */
    ObjectNode physical(Optional<dev.pqcert.rules.Location> location) {
      if (location.isEmpty()) {
        return SarifReport.physical(uri(context.locator().targetPath(target)));
      }
      String file = location.get().file();
      Optional<String> source = context.locator().sourcePath(target, file);
      ObjectNode physical = NODES.objectNode();
      ObjectNode artifact = physical.putObject("artifactLocation");
      if (source.isPresent()) {
        artifact.put("uri", uri(source.get()));
      } else {
        artifact.put("uri", uri(file));
        artifact.put("uriBaseId", baseId);
        baseIds.computeIfAbsent(
            baseId,
            id -> {
              ObjectNode described = NODES.objectNode();
              described.set(
                  "description", message("the files inside the package " + target.path()));
              return described;
            });
      }
      physical.set("region", region(location.get().span()));
      return physical;
    }
  }

  /** A physical location that is a whole file. */
  private static ObjectNode physical(String uri) {
    ObjectNode physical = NODES.objectNode();
    physical.putObject("artifactLocation").put("uri", uri);
    return physical;
  }

  private static ObjectNode descriptor(Rule rule, RuleDoc doc, ReportContext context) {
    ObjectNode descriptor = NODES.objectNode();
    descriptor.put("id", rule.id());
    descriptor.put("name", ruleName(rule));
    descriptor.putObject("shortDescription").put("text", doc.title());
    descriptor
        .putObject("fullDescription")
        .put("text", unwrap(doc.sections().getOrDefault("What it checks", doc.title())));
    ObjectNode configuration = descriptor.putObject("defaultConfiguration");
    configuration.put("enabled", true);
    configuration.put("level", level(doc.level()));
    context
        .helpUri(rule.id())
        .ifPresent(uri -> descriptor.put("helpUri", URI.create(uri).toString()));
    ObjectNode help = descriptor.putObject("help");
    help.put("text", doc.title() + ". " + doc.requirement());
    help.put("markdown", doc.forPeople());
    descriptor
        .putObject("properties")
        .putArray("tags")
        .add("power-query")
        .add("certification")
        .add(doc.level().name().toLowerCase(Locale.ROOT));
    return descriptor;
  }

  private static ObjectNode message(String text) {
    ObjectNode message = NODES.objectNode();
    message.put("text", text);
    return message;
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

  private static ObjectNode region(Span span) {
    ObjectNode region = NODES.objectNode();
    region.put("startLine", span.start().line());
    region.put("startColumn", span.start().column());
    region.put("endLine", span.end().line());
    region.put("endColumn", span.end().column());
    return region;
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

  /** A result's or a rule configuration's level. */
  private static String level(Level level) {
    return switch (level) {
      case MUST -> "error";
      case SHOULD -> "warning";
      case REVIEW -> "note";
    };
  }
}
