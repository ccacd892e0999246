package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PQ017: where a publish record enables DirectQuery, a reviewer verifies that Import and
 * DirectQuery return the same results; this says so, with the evidence found.
 */
final class DirectQueryRule implements Rule {
  @Override
  public String id() {
    return "PQ017";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (ExportedFunction export : model.exports()) {
      Optional<Value.RecordValue> publish = export.publishRecord().flatMap(Values::record);
      if (publish.isEmpty()) {
        continue;
      }
      Optional<Value.RecordField> directQuery = publish.get().field("SupportsDirectQuery");
      if (directQuery.isEmpty() || !Values.logical(directQuery.get().value()).orElse(false)) {
        continue;
      }
      String file =
          directQuery.get().value().file().isEmpty()
              ? export.publishMember().orElseThrow().file()
              : directQuery.get().value().file();
      // Several functions may share one publish record: it is one finding.
      findings.reportOnce(
          file,
          directQuery.get().nameSpan(),
          "'"
              + export.publishName().orElseThrow()
              + "' enables DirectQuery: verify that Import and DirectQuery return identical results"
              + " (types, nulls, sorting, folded filters); evidence: "
              + evidence(model));
    }
  }

  private static String evidence(ConnectorModel model) {
    List<String> evidence = new ArrayList<>();
    for (CallSite call : model.calls()) {
      String where = " (" + call.file() + ":" + call.span().start().line() + ")";
      if (call.is(LibraryFunction.TABLE_VIEW)) {
        evidence.add("Table.View handlers" + where);
      } else if (call.is(LibraryFunction.ODBC_DATA_SOURCE)) {
        List<String> options = new ArrayList<>();
        for (String option :
            List.of(
                "SqlCapabilities",
                "Sql92Translation",
                "SQLGetFunctions",
                "SQLGetInfo",
                "AstVisitor")) {
          if (call.option(1, option).isPresent()) {
            options.add(option);
          }
        }
        evidence.add(
            "Odbc.DataSource"
                + (options.isEmpty() ? "" : " with " + String.join(", ", options))
                + where);
      } else if (call.is(LibraryFunction.VALUE_NATIVE_QUERY)) {
        evidence.add("Value.NativeQuery" + where);
      }
    }
    List<String> distinct = evidence.stream().distinct().toList();
    return distinct.isEmpty()
        ? "none (no Table.View or ODBC source found)"
        : String.join("; ", distinct.subList(0, Math.min(2, distinct.size())))
            + (distinct.size() > 2 ? " and " + (distinct.size() - 2) + " more" : "");
  }
}
