package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PQ020: all functions of one data source kind have the same required parameters (name, type,
 * order): together they identify the data source, for credentials and the gateway. Optional
 * parameters and those whose type says {@code DataSource.Path = false} do not count; a kind that
 * defines its own path ({@code Type = "Singleton"}, or {@code "Custom"} with {@code
 * MakeResourcePath}) is not checked.
 */
final class RequiredParametersRule implements Rule {
  @Override
  public String id() {
    return "PQ020";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (DataSourceKind kind : model.kinds()) {
      if (kind.definesOwnPath()) {
        continue; // Singleton, or Custom with MakeResourcePath: not built from the parameters
      }
      List<ExportedFunction> known =
          kind.functions().stream().filter(e -> e.signature().isPresent()).toList();
      if (known.size() < 2) {
        continue;
      }
      // The reference is the function TestConnection calls (the gateway's data source), else the
      // first published one, else the first: the others are measured against it.
      Optional<String> tested = kind.testConnection().flatMap(t -> t.functionName());
      ExportedFunction reference =
          known.stream()
              .filter(e -> tested.filter(e.name()::equals).isPresent())
              .findFirst()
              .or(() -> known.stream().filter(e -> e.publishName().isPresent()).findFirst())
              .orElse(known.get(0));
      String expected = describe(pathParameters(reference));
      for (ExportedFunction export : known) {
        String path = describe(pathParameters(export));
        if (!export.name().equals(reference.name()) && !path.equals(expected)) {
          findings.report(
              export.member().file(),
              export.member().nameSpan(),
              "functions of data source kind '"
                  + kind.name()
                  + "' must share their required parameters: '"
                  + reference.name()
                  + "' has ("
                  + expected
                  + ") but '"
                  + export.name()
                  + "' has ("
                  + path
                  + "); make the others optional or DataSource.Path = false");
        }
      }
    }
  }

  private static List<ParameterInfo> pathParameters(ExportedFunction export) {
    return DataSourceKind.pathParameters(export.signature().orElseThrow());
  }

  private static String describe(List<ParameterInfo> parameters) {
    return parameters.stream()
        .map(p -> p.name() + " as " + p.typeName())
        .collect(Collectors.joining(", "));
  }
}
