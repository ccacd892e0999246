package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PQ057: a question for the reviewer about the gateway: required parameters that make up the data
 * source path and are typed other than text, number, {@code anynonnull} or {@code Uri.Type}. The
 * requirement asks for end-to-end refresh through the gateway to be tested; nothing documents which
 * types work there, so this asks, it does not judge. Library type constants count as the type they
 * stand for ({@code Text.Type} is text); parameters with {@code DataSource.Path = false}, and kinds
 * that define their own path, are not part of it.
 */
final class GatewayTypesRule implements Rule {
  private static final Set<String> PLAIN = Set.of("text", "number", "anynonnull", "Uri.Type");

  @Override
  public String id() {
    return "PQ057";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (DataSourceKind kind : model.kinds()) {
      if (kind.definesOwnPath()) {
        continue;
      }
      for (ExportedFunction export : kind.functions()) {
        if (export.knownSignature().isEmpty()) {
          continue;
        }
        List<Finding.Related> places = new ArrayList<>();
        for (ParameterInfo parameter :
            DataSourceKind.pathParameters(export.knownSignature().get())) {
          String type = parameter.primitiveType();
          if (!PLAIN.contains(type)) {
            String shown = parameter.type().isEmpty() ? "any (untyped)" : type;
            places.add(
                new Finding.Related(
                    "required parameter '" + parameter.name() + "' is typed " + shown,
                    new Location(parameter.file(), parameter.span())));
          }
        }
        if (places.isEmpty()) {
          continue;
        }
        String first = places.get(0).label();
        findings.reportGroup(
            findings.level(),
            places,
            first
                + (places.size() > 1 ? " (and " + (places.size() - 1) + " more)" : "")
                + " in the data source path of '"
                + export.name()
                + "'; test scheduled refresh through the gateway with it, or type it text or"
                + " number",
            "");
      }
    }
  }
}
