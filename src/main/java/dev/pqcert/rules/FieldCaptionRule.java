package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;
import java.util.ArrayList;
import java.util.List;

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
      if (export.knownSignature().isEmpty() || export.publishName().isEmpty()) {
        continue; // a helper with no publish record is not shown in a dialog
      }
      List<ParameterInfo> missing = new ArrayList<>();
      for (ParameterInfo parameter : export.signature().get().required()) {
        boolean captioned =
            parameter
                .documentation()
                .map(d -> d.field("Documentation.FieldCaption").isPresent())
                .orElse(false);
        if (!captioned) {
          missing.add(parameter);
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      // One finding per function: its parameters are captioned in one place, its type.
      List<Finding.Related> places = new ArrayList<>();
      for (ParameterInfo parameter : missing) {
        places.add(
            new Finding.Related(
                "required parameter '" + parameter.name() + "' has no Documentation.FieldCaption",
                new Location(parameter.file(), parameter.span())));
      }
      ParameterInfo first = missing.get(0);
      String names =
          missing.size() == 1
              ? "required parameter '" + first.name() + "'"
              : "required parameters '" + first.name() + "' and " + (missing.size() - 1) + " more";
      findings.reportGroup(
          findings.level(),
          places,
          names
              + " of '"
              + export.name()
              + "' "
              + (missing.size() == 1 ? "has" : "have")
              + " no Documentation.FieldCaption, the label the gateway shows; in its function type"
              + " write "
              + first.name()
              + " as "
              + captioned(first),
          "");
    }
  }

  /** The parameter's type with a caption, as valid M inside a function type. */
  private static String captioned(ParameterInfo parameter) {
    String type = parameter.typeName();
    String written = type.endsWith(".Type") ? type : "type " + type;
    return "(" + written + " meta [Documentation.FieldCaption = \"...\"])";
  }
}
