package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.Optional;

/** PQ034: every key given to {@code Extension.LoadString} exists in {@code resources.resx}. */
final class ResourceKeysRule implements Rule {
  @Override
  public String id() {
    return "PQ034";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (CallSite call : model.calls(LibraryFunction.EXTENSION_LOAD_STRING)) {
      Optional<Value> argument = call.argument(0);
      Optional<String> key = argument.flatMap(Values::text);
      if (key.isEmpty() || model.resources().get(key.get()).isPresent()) {
        continue;
      }
      Value text = Values.plain(argument.get());
      String file = text.file().isEmpty() ? call.file() : text.file();
      String problem =
          model.resources().file().isEmpty()
              ? "the package has no resources.resx"
              : model.resources().file().get() + " has no string '" + key.get() + "'";
      // One finding per missing key at each place: a key computed inside a helper ("Label." & k)
      // may be a different missing key on each call, and each is its own problem.
      findings.reportOnce(
          file,
          text.span(),
          "Extension.LoadString(\""
              + key.get()
              + "\") fails at run time: "
              + problem
              + "; add <data name=\""
              + key.get()
              + "\"><value>...</value></data>");
    }
  }
}
