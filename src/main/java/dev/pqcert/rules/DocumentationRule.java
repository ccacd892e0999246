package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.FunctionSignature;

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
      String how =
          signature.fromReplacedType()
              ? "add meta [Documentation.Name = ..., Documentation.LongDescription = ...] to the"
                  + " function type given to Value.ReplaceType"
              : "give it a documented type: shared "
                  + export.name()
                  + " = Value.ReplaceType(Impl, type function (...) as table meta"
                  + " [Documentation.Name = ..., Documentation.LongDescription = ...])";
      findings.report(
          export.member().file(),
          export.member().nameSpan(),
          "exported function '" + export.name() + "' has no documentation metadata; " + how);
    }
  }
}
