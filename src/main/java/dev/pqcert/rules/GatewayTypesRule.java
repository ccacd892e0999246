package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;
import java.util.Set;

/**
 * PQ057: required parameters of exported functions have types the service can show: text, number,
 * anynonnull or Uri.Type. Other types hide the connector in the service and the gateway.
 */
final class GatewayTypesRule implements Rule {
  private static final Set<String> VISIBLE = Set.of("text", "number", "anynonnull", "Uri.Type");

  @Override
  public String id() {
    return "PQ057";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (ExportedFunction export : model.exports()) {
      if (export.knownSignature().isEmpty()) {
        continue;
      }
      for (ParameterInfo parameter : export.knownSignature().get().required()) {
        if (!VISIBLE.contains(parameter.typeName())) {
          findings.report(
              parameter.file(),
              parameter.span(),
              "required parameter '"
                  + parameter.name()
                  + "' of '"
                  + export.name()
                  + "' is typed "
                  + parameter.typeName()
                  + "; the service and the gateway show only text, number,"
                  + " anynonnull and Uri.Type parameters: type it as one, or make it optional");
        }
      }
    }
  }
}
