package dev.pqcert.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.util.List;
import java.util.Locale;

/**
 * The machine report, documented in the README. Field order is fixed and findings are sorted, so
 * the same input gives byte-identical output.
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(List<TargetResult> targets, String toolVersion) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "pqcert");
    tool.put("version", toolVersion);
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
        ObjectNode f = findings.addObject();
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
      }
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
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON report", e);
    }
  }
}
