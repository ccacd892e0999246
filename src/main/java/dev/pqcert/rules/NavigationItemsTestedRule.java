package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Submission;
import java.util.ArrayList;
import java.util.List;

/**
 * PQ203: each navigation item the connector writes in its code is reached by a query of the test
 * report.
 */
final class NavigationItemsTestedRule implements Rule {
  @Override
  public String id() {
    return "PQ203";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.submission().isEmpty()) {
      return;
    }
    Submission submission = model.submission().get();
    for (Submission.Navigation offered : submission.navigation()) {
      String function = offered.export().name();
      if (offered.items().isEmpty() || submission.callsOf(function).isEmpty()) {
        continue; // not known statically (PQ204), or the function is not called at all (PQ202)
      }
      List<Submission.Item> untested = submission.untested(offered);
      if (untested.isEmpty()) {
        continue;
      }
      List<Finding.Related> places = new ArrayList<>();
      for (Submission.Item item : untested) {
        places.add(
            new Finding.Related(
                "navigation item " + Messages.quote(item.name()) + ", reached by no query",
                new Location(item.file(), item.span())));
      }
      List<String> names = untested.stream().map(Submission.Item::name).toList();
      findings.reportGroup(
          findings.level(),
          places,
          "no query of the test report reaches "
              + (untested.size() == 1 ? "the navigation item " : "the navigation items ")
              + Messages.names(names, 6)
              + " of '"
              + function
              + "' ("
              + untested.size()
              + " of "
              + offered.items().get().size()
              + "): add a query for each",
          "");
    }
  }
}
