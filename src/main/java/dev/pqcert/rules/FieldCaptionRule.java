package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;

/**
 * PQ021: required parameters of exported functions have {@code Documentation.FieldCaption}, the
 * label the gateway and the Get Data dialog show.
 */
final class FieldCaptionRule implements Rule {
  @Override
  public String id() {
    return "PQ021";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (ExportedFunction export : model.exports()) {
      if (export.knownSignature().isEmpty()) {
        continue;
      }
      for (ParameterInfo parameter : export.signature().get().required()) {
        boolean captioned =
            parameter
                .documentation()
                .map(d -> d.field("Documentation.FieldCaption").isPresent())
                .orElse(false);
        if (!captioned) {
          findings.report(
              parameter.file(),
              parameter.span(),
              "required parameter '"
                  + parameter.name()
                  + "' of '"
                  + export.name()
                  + "' has no Documentation.FieldCaption; the gateway shows it as the field's"
                  + " label: write ("
                  + parameter.typeName()
                  + " meta [Documentation.FieldCaption = ...]) as its type");
        }
      }
    }
  }
}
