package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ReportFacts;
import dev.pqcert.model.Submission;
import java.util.List;

/** PQ201: the test report submitted with the connector calls one of its functions. */
final class ReportCallsConnectorRule implements Rule {
  @Override
  public String id() {
    return "PQ201";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.submission().isEmpty() || model.exports().isEmpty()) {
      return;
    }
    Submission submission = model.submission().get();
    List<String> exports = Submission.exportNames(model).stream().toList();
    for (ReportFacts report : submission.reports()) {
      if (!report.calls().isEmpty()) {
        continue;
      }
      String others =
          report.otherFunctions().isEmpty()
              ? ""
              : "; its queries call " + Messages.names(List.copyOf(report.otherFunctions()), 3);
      findings.reportPackage(
          "the test report "
              + report.report().displayName()
              + " calls no function of this connector ("
              + Messages.names(exports, 3)
              + "), so it tests nothing of it"
              + others);
    }
  }
}
