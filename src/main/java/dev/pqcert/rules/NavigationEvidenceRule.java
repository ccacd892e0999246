package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ReportFacts;
import dev.pqcert.model.Submission;
import java.util.ArrayList;
import java.util.List;

/**
 * PQ204: when the navigation items are computed at run time, what the test report does reach, as
 * evidence for the reviewer who must judge whether it tests each item (or each type of table).
 */
final class NavigationEvidenceRule implements Rule {
  @Override
  public String id() {
    return "PQ204";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.submission().isEmpty() || model.navigationEvidence().isEmpty()) {
      return; // no report, or no navigation table to test (PQ032 asks for one)
    }
    Submission submission = model.submission().get();
    for (Submission.Navigation offered : submission.navigation()) {
      String function = offered.export().name();
      if (offered.items().isPresent() || submission.callsOf(function).isEmpty()) {
        continue; // known statically (PQ203), or not called at all (PQ202)
      }
      List<String> reached = new ArrayList<>();
      for (ReportFacts.Reach reach : submission.reachedIn(function)) {
        String shown = reach.describe() + " (query '" + reach.query() + "')";
        if (!reached.contains(shown)) {
          reached.add(shown);
        }
      }
      findings.report(
          offered.export().member().file(),
          offered.export().member().nameSpan(),
          "the navigation items of '"
              + function
              + "' are computed at run time, so pqcert cannot list them; the test report reaches "
              + (reached.isEmpty()
                  ? "none of them (its queries use what the function returns as it is)"
                  : Messages.names(reached, 3))
              + ": does it test each item, or each type of table?");
    }
  }
}
