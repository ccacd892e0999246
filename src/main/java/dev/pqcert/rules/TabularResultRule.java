package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.TypeShape;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.Optional;

/**
 * PQ016: exported data source functions return tables: their declared return type is {@code table}
 * (a navigation table is a table); another type, or multidimensional {@code Cube.*} results, break
 * the requirement. An undeclared (or {@code any}) return type is a question for a reviewer.
 */
final class TabularResultRule implements Rule {
  @Override
  public String id() {
    return "PQ016";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (ExportedFunction export : model.exports()) {
      if (export.knownSignature().isEmpty()) {
        continue;
      }
      Optional<Value> declared = export.signature().get().returnType();
      String file = export.member().file();
      if (declared.isEmpty()) {
        findings.report(
            Level.REVIEW,
            file,
            export.member().nameSpan(),
            "'"
                + export.name()
                + "' declares no return type; declare 'as table' so reviewers and"
                + " the engine know it returns a table");
        continue;
      }
      Value type = Values.plain(declared.get());
      if (!(type instanceof Value.TypeValue typeValue)) {
        continue; // a type from elsewhere (Table.Type...), not judged
      }
      String returned = returned(typeValue.shape());
      String at = typeValue.file().isEmpty() ? file : typeValue.file();
      if (returned.equals("table")) {
        continue;
      }
      if (returned.equals("any")) {
        findings.report(
            Level.REVIEW,
            at,
            typeValue.span(),
            "'"
                + export.name()
                + "' is declared to return any; declare 'as table' when it returns"
                + " a table");
      } else {
        findings.report(
            at,
            typeValue.span(),
            "'"
                + export.name()
                + "' returns "
                + returned
                + "; a certified data source function"
                + " returns a table (or a navigation table of tables)");
      }
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

  private static String returned(TypeShape shape) {
    if (shape instanceof TypeShape.Primitive primitive) {
      return primitive.name().equals("anynonnull") ? "any" : primitive.name();
    }
    if (shape instanceof TypeShape.TableType) {
      return "table";
    }
    if (shape instanceof TypeShape.Nullable nullable
        && Values.plain(nullable.inner()) instanceof Value.TypeValue inner) {
      return returned(inner.shape());
    }
    if (shape instanceof TypeShape.RecordType) {
      return "record";
    }
    if (shape instanceof TypeShape.ListType) {
      return "list";
    }
    return "function";
  }
}
