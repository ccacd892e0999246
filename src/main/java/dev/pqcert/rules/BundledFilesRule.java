package dev.pqcert.rules;

import dev.pqcert.bundle.SourceLayout;
import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.Locale;
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
      Optional<String> beside = besideButLeftOut(model.bundle().layout(), name.get());
      if (beside.isPresent()) {
        // The file is there, and MakePQX compile, which ignores project files, would pack it:
        // the project file is what is wrong, and an MSBuild build would ship a broken connector.
        String project = model.bundle().layout().projectFile().orElse("the project file");
        boolean compile = project.toLowerCase(Locale.ROOT).endsWith(".mproj");
        findings.reportOnce(
            Level.SHOULD,
            file,
            text.span(),
            "Extension.Contents(\""
                + name.get()
                + "\") names "
                + beside.get()
                + ", which is in the folder but not in the package "
                + project
                + " builds: "
                + project
                + (compile
                    ? " has no Compile item for it (its build packages only those)"
                    : " has no MezContent item for it")
                + ", so MSBuild leaves it out (MakePQX compile, which ignores project files, would"
                + " pack it); add <"
                + (compile ? "Compile" : "MezContent")
                + " Include=\""
                + beside.get()
                + "\" /> to "
                + project);
        continue;
      }
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

  /**
   * The folder's file of that name (as Windows finds names) that the folder's project file leaves
   * out of the package; empty when there is none, or no project file.
   */
  private static Optional<String> besideButLeftOut(SourceLayout layout, String name) {
    String wanted = name.toUpperCase(Locale.ROOT);
    return layout.leftOut().stream()
        .filter(file -> file.toUpperCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
