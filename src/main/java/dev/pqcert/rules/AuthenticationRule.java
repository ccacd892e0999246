package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.Member;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PQ019: each data source kind has a record with an {@code Authentication} record holding at least
 * one valid authentication kind, each with its required fields.
 */
final class AuthenticationRule implements Rule {
  /** The valid kinds, and the fields each requires. */
  private static final Map<String, List<String>> KINDS =
      Map.of(
          "Anonymous", List.of(),
          "Implicit", List.of(),
          "UsernamePassword", List.of(),
          "Windows", List.of(),
          "Key", List.of(),
          "OAuth", List.of("StartLogin", "FinishLogin"),
          "Aad", List.of("AuthorizationUri", "Resource"));

  private static final String VALID =
      "Anonymous, UsernamePassword, Windows, Key, OAuth, Aad (or Implicit)";

  @Override
  public String id() {
    return "PQ019";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (DataSourceKind kind : model.kinds()) {
      if (kind.definition().isEmpty()) {
        ExportedFunction first = kind.functions().get(0);
        Value attribute = first.member().attribute("DataSource.Kind").orElseThrow();
        findings.report(
            first.member().file(),
            attribute.span(),
            "DataSource.Kind = \""
                + kind.name()
                + "\" names no section member; define "
                + kind.name()
                + " = [ Authentication = [ ... ], Label = ... ]");
        continue;
      }
      Member definition = kind.definition().get();
      if (!Values.isKnown(kind.record())) {
        continue;
      }
      Optional<Value.RecordValue> record = kind.recordValue();
      if (record.isEmpty()) {
        findings.report(
            definition.file(),
            definition.nameSpan(),
            "data source kind '"
                + kind.name()
                + "' must be a record, not "
                + Value.describe(kind.record()));
        continue;
      }
      Optional<Value.RecordField> authentication = record.get().field("Authentication");
      if (authentication.isEmpty()) {
        findings.report(
            definition.file(),
            definition.nameSpan(),
            "data source kind '"
                + kind.name()
                + "' has no Authentication record; add"
                + " Authentication = [ Anonymous = [] ] or the kinds it supports: "
                + VALID);
        continue;
      }
      checkAuthentication(kind, definition, authentication.get(), findings);
    }
  }

  /**
   * Whether every function of the kind is identified by one {@code Uri.Type} parameter: then Aad's
   * {@code Resource} defaults to the root of that URL ("Handling authentication": connectors with a
   * Uri based identifier don't need to provide a Resource value).
   */
  private static boolean uriIdentified(DataSourceKind kind) {
    return !kind.functions().isEmpty()
        && kind.functions().stream()
            .allMatch(
                f ->
                    f.knownSignature()
                        .map(DataSourceKind::pathParameters)
                        .filter(p -> p.size() == 1 && p.get(0).primitiveType().equals("Uri.Type"))
                        .isPresent());
  }

  private static void checkAuthentication(
      DataSourceKind kind, Member definition, Value.RecordField field, FindingSink findings) {
    Value value = field.value();
    if (!Values.isKnown(value)) {
      return; // chosen at run time (an if, a module): cannot be checked
    }
    Optional<Value.RecordValue> kinds = Values.record(value);
    String file = definition.file();
    if (kinds.isEmpty()) {
      findings.report(
          file,
          field.nameSpan(),
          "Authentication of kind '"
              + kind.name()
              + "' must be a record of authentication kinds, not "
              + Value.describe(value));
      return;
    }
    boolean anyValid = false;
    for (Value.RecordField entry : kinds.get().fields().values()) {
      List<String> required = KINDS.get(entry.name());
      String entryFile = kinds.get().file().isEmpty() ? file : kinds.get().file();
      if (required == null) {
        findings.report(
            entryFile,
            entry.nameSpan(),
            "'" + entry.name() + "' is not an authentication kind; use one of " + VALID);
        continue;
      }
      anyValid = true;
      Optional<Value.RecordValue> fields = Values.record(entry.value());
      if (fields.isEmpty()) {
        continue; // unknown, or not a record (the engine reports that one)
      }
      for (String name : required) {
        if (entry.name().equals("Aad") && name.equals("Resource") && uriIdentified(kind)) {
          continue; // defaults to the root of the Uri parameter (Microsoft's SDK documentation)
        }
        if (fields.get().field(name).isEmpty()) {
          findings.report(
              entryFile,
              entry.nameSpan(),
              entry.name()
                  + " authentication of kind '"
                  + kind.name()
                  + "' has no "
                  + name
                  + "; "
                  + entry.name()
                  + " requires "
                  + String.join(" and ", required)
                  + (name.equals("Resource")
                      ? " (Resource may be left out only when the functions take one Uri.Type"
                          + " parameter)"
                      : ""));
        }
      }
    }
    if (!anyValid && kinds.get().fields().isEmpty()) {
      findings.report(
          file,
          field.nameSpan(),
          "Authentication of kind '"
              + kind.name()
              + "' lists no authentication kind; add one of "
              + VALID);
    }
  }
}
