package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;

/** PQ032: the connector gives users a navigation table to pick their data from. */
final class NavigationTableRule implements Rule {
  /** Parameter names of a query the user writes for the source to run. */
  private static final java.util.regex.Pattern QUERY =
      java.util.regex.Pattern.compile("(?i).*(query|sql|cypher|soql|aql|kql|statement|command).*");

  /** Whether a function takes a query the user writes as a required parameter. */
  private static boolean takesQuery(ExportedFunction export) {
    return export
        .knownSignature()
        .map(s -> s.required().stream().anyMatch(p -> QUERY.matcher(p.name()).matches()))
        .orElse(false);
  }

  @Override
  public String id() {
    return "PQ032";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.exports().isEmpty() || !model.navigationEvidence().isEmpty()) {
      return;
    }
    ExportedFunction first = model.exports().get(0);
    // A connector whose functions run a query the user writes returns that query's result: a
    // navigation table is not what it is for, so it is a question, not a recommendation.
    java.util.List<ExportedFunction> published =
        model.exports().stream().filter(e -> e.publishName().isPresent()).toList();
    boolean runsQueries =
        !published.isEmpty() && published.stream().allMatch(NavigationTableRule::takesQuery);
    findings.report(
        runsQueries ? Level.REVIEW : findings.level(),
        first.member().file(),
        first.member().nameSpan(),
        "no navigation table found: return one from '"
            + first.name()
            + "' (a Table.ToNavigationTable"
            + " helper that sets NavigationTable.NameColumn and NavigationTable.DataColumn, or"
            + " Odbc.DataSource with HierarchicalNavigation = true)"
            + (runsQueries ? "; its functions run a query the user writes" : ""));
  }
}
