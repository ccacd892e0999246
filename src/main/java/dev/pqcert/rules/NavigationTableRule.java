package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;

/** PQ032: the connector gives users a navigation table to pick their data from. */
final class NavigationTableRule implements Rule {
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
    findings.report(
        first.member().file(),
        first.member().nameSpan(),
        "no navigation table found: return one from '"
            + first.name()
            + "' (a Table.ToNavigationTable"
            + " helper that sets NavigationTable.NameColumn and NavigationTable.DataColumn, or"
            + " Odbc.DataSource with HierarchicalNavigation = true)");
  }
}
