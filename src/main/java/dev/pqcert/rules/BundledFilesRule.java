package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Values;
import java.util.Optional;

/** PQ103: every file named by {@code Extension.Contents("...")} is in the package. */
final class BundledFilesRule implements Rule {
  @Override
  public String id() {
    return "PQ103";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (CallSite call : model.calls("Extension.Contents")) {
      Optional<String> name = call.argument(0).flatMap(Values::text);
      if (name.isPresent() && model.bundle().find(name.get()).isEmpty()) {
        findings.report(
            call.file(),
            call.span(),
            "Extension.Contents(\""
                + name.get()
                + "\") names a file that is not in the package;"
                + " add "
                + name.get()
                + " to the connector's project so it is packaged, or fix"
                + " the name");
      }
    }
  }
}
