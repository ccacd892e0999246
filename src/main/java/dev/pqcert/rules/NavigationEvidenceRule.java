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
  /** How much of one navigation path the message shows; the JSON report has them whole. */
  private static final int PATH_LIMIT = 100;

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
        String path = reach.describe();
        // The query first: a long nested path is cut at its end, not its name.
        String shown =
            "'"
                + reach.query()
                + "' "
                + (path.length() > PATH_LIMIT ? path.substring(0, PATH_LIMIT) + "..." : path);
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
                  : String.join(", ", reached.subList(0, Math.min(2, reached.size())))
                      + (reached.size() > 2 ? " and " + (reached.size() - 2) + " more" : ""))
              + ": does it test each item, or each type of table?");
    }
  }
}
