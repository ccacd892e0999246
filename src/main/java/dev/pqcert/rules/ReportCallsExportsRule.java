package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.Submission;

/** PQ202: each function users see in Get Data is called by a query of the test report. */
final class ReportCallsExportsRule implements Rule {
  @Override
  public String id() {
    return "PQ202";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.submission().isEmpty() || !model.submission().get().callsConnector()) {
      return; // no report, or one that calls nothing of the connector (PQ201)
    }
    Submission submission = model.submission().get();
    for (ExportedFunction export : submission.expected()) {
      if (submission.callsOf(export.name()).isEmpty()) {
        findings.report(
            export.member().file(),
            export.member().nameSpan(),
            "no query of the test report calls '"
                + export.name()
                + "': add one that does, so that reviewers can test it");
      }
    }
  }
}
