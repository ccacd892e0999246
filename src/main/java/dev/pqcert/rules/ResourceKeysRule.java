package dev.pqcert.rules;

import dev.pqcert.bundle.SourceLayout;
import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PQ034: every key given to {@code Extension.LoadString} exists in {@code resources.resx}. One
 * finding per missing key, at its first use, with the other uses counted and related.
 */
final class ResourceKeysRule implements Rule {
  @Override
  public String id() {
    return "PQ034";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Map<String, List<Finding.Related>> uses = new LinkedHashMap<>();
    for (CallSite call : model.calls(LibraryFunction.EXTENSION_LOAD_STRING)) {
      Optional<Value> argument = call.argument(0);
      Optional<String> key = argument.flatMap(Values::text);
      if (key.isEmpty() || model.resources().get(key.get()).isPresent()) {
        continue;
      }
      // The place the key is written: through a helper ("Label." & k), the helper's caller.
      Value text = Values.plain(argument.get());
      String file = text.file().isEmpty() ? call.file() : text.file();
      Finding.Related use =
          new Finding.Related(
              "Extension.LoadString(\"" + key.get() + "\")", new Location(file, text.span()));
      List<Finding.Related> places = uses.computeIfAbsent(key.get(), k -> new ArrayList<>());
      if (!places.contains(use)) {
        places.add(use);
      }
    }
    if (uses.isEmpty()) {
      return;
    }
    if (model.resources().file().isEmpty()) {
      // No resources.resx at all: one cause, however many strings are loaded.
      List<Finding.Related> all = new ArrayList<>();
      uses.values().forEach(all::addAll);
      // Named after the use the finding is reported at.
      String first = all.stream().min(FindingSink.PLACE_ORDER).orElseThrow().label();
      String count =
          uses.size() + (uses.size() == 1 ? " string is" : " strings are") + " loaded from it";
      boolean source = !model.bundle().kind().isPackage();
      Optional<SourceLayout.BuiltPackage> built =
          model.bundle().layout().builtPackageFor("resources.resx");
      if (!source) {
        findings.reportGroup(
            findings.level(),
            all,
            first
                + " fails at run time: the package has no resources.resx, and "
                + count
                + "; add resources.resx",
            "use");
      } else if (built.isPresent() && built.get().holds("resources.resx")) {
        // The sources lack what the build had: only the next build from them would break.
        findings.reportGroup(
            Level.REVIEW,
            all,
            first
                + ": the folder has no resources.resx, but the built "
                + built.get().path()
                + " holds one; add it to the sources, or a package built from them fails ("
                + count
                + ")",
            "use");
      } else if (built.isPresent()) {
        findings.reportGroup(
            findings.level(),
            all,
            first
                + " fails at run time: neither the folder nor the built "
                + built.get().path()
                + " has resources.resx, and "
                + count
                + "; add resources.resx",
            "use");
      } else {
        // A source folder without the file may be missing it only from source control.
        findings.reportGroup(
            Level.SHOULD,
            all,
            first
                + " fails at run time: the package has no resources.resx, and "
                + count
                + "; add resources.resx (if the build adds it, check the built .mez)",
            "use");
      }
      return;
    }
    for (Map.Entry<String, List<Finding.Related>> key : uses.entrySet()) {
      String problem = model.resources().file().get() + " has no string '" + key.getKey() + "'";
      findings.reportGroup(
          findings.level(),
          key.getValue(),
          "Extension.LoadString(\""
              + key.getKey()
              + "\") fails at run time: "
              + problem
              + "; add <data name=\""
              + key.getKey()
              + "\"><value>...</value></data>",
          "use");
    }
  }
}
