package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
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
    for (CallSite call : model.calls(LibraryFunction.EXTENSION_CONTENTS)) {
      Optional<Value> argument = call.argument(0);
      Optional<String> name = argument.flatMap(Values::text);
      if (name.isEmpty() || model.bundle().find(name.get()).isPresent()) {
        continue;
      }
      // Point at the name where it is written: through a loader helper, that is the caller; a
      // name computed inside a helper is written there, and each missing name computed at one place
      // is its own finding (the same name reached twice is one).
      Value text = Values.plain(argument.get());
      String file = text.file().isEmpty() ? call.file() : text.file();
      findings.reportOnce(
          file,
          text.span(),
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
