package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.FunctionSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * PQ012: every exported data source function carries documentation metadata on its effective type:
 * {@code Documentation.Name} or {@code Documentation.LongDescription}.
 */
final class DocumentationRule implements Rule {
  @Override
  public String id() {
    return "PQ012";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    // One finding for the exports without documentation (the fix is the same for each), at the
    // first, with the others as related places.
    List<Finding.Related> undocumented = new ArrayList<>();
    for (ExportedFunction export : model.exports()) {
      if (export.knownSignature().isEmpty()) {
        continue; // not known to be a function, or a type the model cannot read: never guess
      }
      FunctionSignature signature = export.signature().get();
      boolean documented =
          signature
              .documentation()
              .map(
                  d ->
                      d.field("Documentation.Name").isPresent()
                          || d.field("Documentation.LongDescription").isPresent())
              .orElse(false);
      if (documented) {
        continue;
      }
      boolean parametersDocumented =
          signature.parameters().stream().anyMatch(p -> p.documentation().isPresent());
      String what =
          parametersDocumented
              ? "the parameters of '"
                  + export.name()
                  + "' are documented but the function itself is not"
              : "exported function '" + export.name() + "' has no documentation metadata";
      String how =
          signature.fromReplacedType()
              ? "add meta [Documentation.Name = ..., Documentation.LongDescription = ...] to the"
                  + " function type given to Value.ReplaceType"
              : "give it a type with Value.ReplaceType, a function type with meta"
                  + " [Documentation.Name = ..., Documentation.LongDescription = ...]";
      undocumented.add(
          new Finding.Related(
              what + "; " + how, new Location(export.member().file(), export.member().nameSpan())));
    }
    if (!undocumented.isEmpty()) {
      findings.reportGroup(
          findings.level(), undocumented, undocumented.get(0).label(), "undocumented function");
    }
  }
}
