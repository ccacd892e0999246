package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.TypeShape;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PQ016: exported data source functions return tables. A function declared to return another type,
 * or one whose body is known to return a record, text or list, breaks the requirement; so do
 * multidimensional {@code Cube.*} results. What a function returns is read from its declaration
 * and, when it declares none (or {@code any}), from what its body gives: {@code Impl(x) as table},
 * a helper declared {@code as table} (the navigation table helper), {@code #table}, the table
 * functions of the library. Functions whose result stays unknown are one question for a reviewer.
 */
final class TabularResultRule implements Rule {
  /** Types that say nothing either way. */
  private static final Set<String> OPEN = Set.of("", "any", "anynonnull");

  @Override
  public String id() {
    return "PQ016";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Finding.Related> unknown = new ArrayList<>();
    for (ExportedFunction export : model.exports()) {
      if (export.knownSignature().isEmpty()) {
        continue;
      }
      Optional<Value> declared = export.signature().get().returnType();
      String file = export.member().file();
      String returned = model.resultOf(export).map(Values::primitiveType).orElse("");
      String declaredName = "";
      if (declared.isPresent()) {
        Value type = Values.plain(declared.get());
        String name = TypeShape.primitiveName(type);
        declaredName = name;
        if (name.equals("table")) {
          continue;
        }
        String at = type.file().isEmpty() ? file : type.file();
        if (!OPEN.contains(name)) {
          String claim = "'" + export.name() + "' is declared to return " + name;
          // Value.ReplaceType does not enforce the return type: when the data is a table, the
          // type lies, a question rather than a violation.
          boolean returnsTable = returned.equals("table");
          findings.report(
              returnsTable ? Level.REVIEW : level(export),
              at,
              type.span(),
              returnsTable
                  ? claim + ", but what it returns is a table; declare 'as table'"
                  : claim
                      + "; a certified data source function returns a table (or a navigation"
                      + " table of tables)"
                      + unpublished(export));
          continue;
        }
        if (name.isEmpty() && !(type instanceof Value.TypeValue)) {
          continue; // a type from elsewhere the model cannot read: not judged
        }
      }
      if (returned.equals("table")) {
        continue;
      }
      if (!OPEN.contains(returned)) {
        Value result = model.resultOf(export).orElseThrow();
        findings.report(
            level(export),
            file,
            export.member().nameSpan(),
            "'"
                + export.name()
                + "' returns "
                + (Set.of("text", "number", "logical", "binary").contains(returned) ? "" : "a ")
                + returned
                + " ("
                + Flows.at(result.file().isEmpty() ? file : result.file(), result.span())
                + "); a certified data source function returns a table (or a navigation table"
                + " of tables)"
                + unpublished(export));
        continue;
      }
      unknown.add(
          new Finding.Related(
              "'"
                  + export.name()
                  + (declaredName.isEmpty()
                      ? "' declares no return type"
                      : "' declares 'as " + declaredName + "'"),
              new Location(file, export.member().nameSpan())));
    }
    if (!unknown.isEmpty()) {
      findings.reportGroup(
          Level.REVIEW,
          unknown,
          unknown.get(0).label()
              + " and what it returns is not known; declare 'as table' so that reviewers and the"
              + " engine know it returns a table",
          "function");
    }
    for (CallSite call : model.calls()) {
      if (call.function().startsWith("Cube.")) {
        findings.report(
            call.file(),
            call.span(),
            call.function()
                + " builds a multidimensional result; certified connectors return"
                + " relational tables");
      }
    }
  }

  /**
   * A function users pick in Get Data (it has a publish record) must return a table; a shared
   * helper with no publish record is still callable from M, which a reviewer will ask about.
   */
  private static Level level(ExportedFunction export) {
    return export.publishName().isPresent() ? Level.MUST : Level.REVIEW;
  }

  private static String unpublished(ExportedFunction export) {
    return export.publishName().isPresent()
        ? ""
        : "; it has no publish record, so a reviewer will ask why it is shared";
  }
}
