package dev.pqcert.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pqcert.check.Baseline;
import dev.pqcert.check.SuppressedFinding;
import dev.pqcert.check.TargetResult;
import dev.pqcert.json.Json;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Fix;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.util.List;
import java.util.Locale;

/**
 * The machine report, documented in the README. Field order is fixed and findings are sorted, so
 * the same input gives byte-identical output.
 */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonReport() {}

  public static String render(List<TargetResult> targets, ReportContext context) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "pqcert");
    tool.put("version", context.toolVersion());
    ArrayNode targetsNode = root.putArray("targets");
    long must = 0;
    long should = 0;
    long review = 0;
    for (TargetResult target : targets) {
      ObjectNode node = targetsNode.addObject();
      node.put("path", target.path());
      if (target.kind().isPresent()) {
        node.put("kind", target.kind().get().name().toLowerCase(Locale.ROOT));
      }
      if (target.error().isPresent()) {
        node.put("error", target.error().get());
      }
      ArrayNode findings = node.putArray("findings");
      for (Finding finding : target.findings()) {
        finding(findings.addObject(), finding);
      }
      if (!target.suppressed().isEmpty()) {
        node.put("suppressed", target.suppressed().size());
        ArrayNode suppressed = node.putArray("suppressedFindings");
        for (SuppressedFinding s : target.suppressed()) {
          finding(suppressed.addObject(), s.finding()).put("reason", s.reason());
        }
      }
      if (!target.baselined().isEmpty()) {
        node.put("baselined", target.baselined().size());
      }
      target.overrides().configFile().ifPresent(file -> node.put("configuration", file));
      if (!target.overrides().disabled().isEmpty()) {
        ArrayNode disabled = node.putArray("disabledRules");
        target.overrides().disabled().forEach(disabled::add);
      }
      if (!target.overrides().levels().isEmpty()) {
        ObjectNode levels = node.putObject("changedLevels");
        target.overrides().levels().forEach((rule, level) -> levels.put(rule, level.name()));
      }
      target.submission().ifPresent(s -> SubmissionJson.render(node.putObject("submission"), s));
      must += target.count(Level.MUST);
      should += target.count(Level.SHOULD);
      review += target.count(Level.REVIEW);
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("targets", targets.size());
    summary.put("unreadable", targets.stream().filter(t -> t.error().isPresent()).count());
    summary.put("must", must);
    summary.put("should", should);
    summary.put("review", review);
    if (context.absentFromBaseline().isPresent()) {
      ArrayNode absent = root.putObject("baseline").putArray("absent");
      for (Baseline.Entry entry : context.absentFromBaseline().get()) {
        ObjectNode e = absent.addObject();
        e.put("target", entry.target());
        e.put("rule", entry.rule());
        e.put("file", entry.file().isEmpty() ? null : entry.file());
        e.put("fingerprint", entry.fingerprint());
        e.put("message", entry.message());
      }
    }
    return Json.pretty(JSON, root);
  }

  private static ObjectNode finding(ObjectNode f, Finding finding) {
    f.put("rule", finding.ruleId());
    f.put("level", finding.level().name());
    f.put("message", finding.message());
    if (finding.location().isPresent()) {
      Location location = finding.location().get();
      f.put("file", location.file());
      f.put("line", location.span().start().line());
      f.put("column", location.span().start().column());
      f.put("endLine", location.span().end().line());
      f.put("endColumn", location.span().end().column());
    } else {
      f.putNull("file");
      f.putNull("line");
      f.putNull("column");
    }
    places(f, "related", finding.related());
    places(f, "path", finding.path());
    finding.fix().ifPresent(fix -> fix(f.putObject("fix"), fix));
    return f;
  }

  /** What {@code --fix} would change: each edit's span (end exclusive) and its new text. */
  private static void fix(ObjectNode node, Fix fix) {
    node.put("description", fix.description());
    ArrayNode edits = node.putArray("edits");
    for (Fix.Edit edit : fix.edits()) {
      ObjectNode e = edits.addObject();
      Location location = edit.location();
      e.put("file", location.file());
      e.put("line", location.span().start().line());
      e.put("column", location.span().start().column());
      e.put("endLine", location.span().end().line());
      e.put("endColumn", location.span().end().column());
      e.put("replacement", edit.replacement());
    }
    if (!fix.creates().isEmpty()) {
      ArrayNode creates = node.putArray("creates");
      fix.creates().forEach(creates::add);
    }
  }

  /** Located places with their words (a finding's related places, a flow's path), when any. */
  private static void places(ObjectNode f, String name, List<Finding.Related> places) {
    if (places.isEmpty()) {
      return;
    }
    ArrayNode array = f.putArray(name);
    for (Finding.Related place : places) {
      ObjectNode node = array.addObject();
      node.put("message", place.label());
      node.put("file", place.location().file());
      node.put("line", place.location().span().start().line());
      node.put("column", place.location().span().start().column());
    }
  }
}
