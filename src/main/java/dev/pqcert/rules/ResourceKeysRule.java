package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** PQ034: every key given to {@code Extension.LoadString} exists in {@code resources.resx}. */
final class ResourceKeysRule implements Rule {
  @Override
  public String id() {
    return "PQ034";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Set<String> reported = new HashSet<>();
    for (CallSite call : model.calls("Extension.LoadString")) {
      Optional<Value> argument = call.argument(0);
      Optional<String> key = argument.flatMap(Values::text);
      if (key.isEmpty() || model.resources().get(key.get()).isPresent()) {
        continue;
      }
      Value text = Values.plain(argument.get());
      String file = text.file().isEmpty() ? call.file() : text.file();
      if (!reported.add(file + ":" + text.span().start().offset())) {
        continue;
      }
      String problem =
          model.resources().file().isEmpty()
              ? "the package has no resources.resx"
              : model.resources().file().get() + " has no string '" + key.get() + "'";
      findings.report(
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
