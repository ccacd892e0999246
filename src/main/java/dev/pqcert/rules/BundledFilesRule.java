package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** PQ103: every file named by {@code Extension.Contents("...")} is in the package. */
final class BundledFilesRule implements Rule {
  @Override
  public String id() {
    return "PQ103";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Set<String> reported = new HashSet<>();
    for (CallSite call : model.calls("Extension.Contents")) {
      Optional<Value> argument = call.argument(0);
      Optional<String> name = argument.flatMap(Values::text);
      if (name.isEmpty() || model.bundle().find(name.get()).isPresent()) {
        continue;
      }
      // Point at the name where it is written: through a loader helper, that is the caller.
      Value text = Values.plain(argument.get());
      String file = text.file().isEmpty() ? call.file() : text.file();
      if (reported.add(file + ":" + text.span().start().offset())) {
        findings.report(
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
}
