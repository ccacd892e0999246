package dev.pqcert.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pqcert.model.ReportFacts;
import dev.pqcert.model.Submission;

/**
 * A connector's test reports as JSON, for the {@code submission} object of the JSON report and for
 * {@code pqcert model}: the reports read, the calls of the connector's functions, and per function
 * its navigation items, those tested and those not.
 */
final class SubmissionJson {
  private SubmissionJson() {}

  static void render(ObjectNode node, Submission submission) {
    ArrayNode reports = node.putArray("reports");
    ArrayNode calls = node.putArray("functionsCalled");
    for (ReportFacts facts : submission.reports()) {
      ObjectNode report = reports.addObject();
      report.put("path", facts.report().displayName());
      report.put("format", facts.report().format().label());
      report.put("queries", facts.report().queries().size());
      ArrayNode others = report.putArray("otherFunctions");
      facts.otherFunctions().forEach(others::add);
      for (ReportFacts.ExportCall call : facts.calls()) {
        ObjectNode c = calls.addObject();
        c.put("function", call.function());
        c.put("report", facts.report().displayName());
        c.put("query", call.query());
        ArrayNode arguments = c.putArray("arguments");
        call.arguments().forEach(arguments::add);
      }
    }
    ArrayNode navigation = node.putArray("navigation");
    for (Submission.Navigation offered : submission.navigation()) {
      String function = offered.export().name();
      ObjectNode n = navigation.addObject();
      n.put("function", function);
      n.put("called", !submission.callsOf(function).isEmpty());
      n.put("itemsKnownStatically", offered.items().isPresent());
      ArrayNode reached = n.putArray("reached");
      for (ReportFacts.Reach reach : submission.reachedIn(function)) {
        reached.addObject().put("query", reach.query()).put("path", reach.describe());
      }
      if (offered.items().isPresent()) {
        ArrayNode tested = n.putArray("itemsTested");
        ArrayNode untested = n.putArray("itemsNotTested");
        for (Submission.Tested item : submission.tested(offered)) {
          if (item.by().isEmpty()) {
            untested.add(item.item().name());
          } else {
            ArrayNode queries =
                tested.addObject().put("item", item.item().name()).putArray("queries");
            item.by().stream().map(ReportFacts.Reach::query).distinct().forEach(queries::add);
          }
        }
      }
    }
  }
}
