package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;
import java.util.List;
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
      ExportedFunction first = null;
      String expected = null;
      for (ExportedFunction export : kind.functions()) {
        if (export.signature().isEmpty()) {
          continue;
        }
        String path = describe(pathParameters(export));
        if (first == null) {
          first = export;
          expected = path;
        } else if (!path.equals(expected)) {
          findings.report(
              export.member().file(),
              export.member().nameSpan(),
              "functions of data source kind '"
                  + kind.name()
                  + "' must share their required parameters: '"
                  + first.name()
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
