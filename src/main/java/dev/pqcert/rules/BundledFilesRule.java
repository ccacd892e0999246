package dev.pqcert.rules;

import dev.pqcert.bundle.SourceLayout;
import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PQ103: every file named by {@code Extension.Contents("...")} is in the package. One finding per
 * missing file, with its other uses as related places; the images of one icon set ({@code X16.png},
 * {@code X20.png}...) missing together are one finding. A secret or app registration file (often
 * kept out of source control on purpose) is reported with words that say the build must supply it,
 * never that it should be committed.
 */
final class BundledFilesRule implements Rule {
  private static final Pattern IMAGE = Pattern.compile("(?i).*\\.(png|jpe?g|gif|bmp|ico|svg)");
  private static final Pattern SECRET =
      Pattern.compile("(?i).*(secret|client_?id|token|api_?key|password|credential).*");

  @Override
  public String id() {
    return "PQ103";
  }

  /** One missing file, at each place its name is written. */
  private record Missing(String name, List<Finding.Related> places) {}

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Map<String, Missing> missing = new LinkedHashMap<>();
    Map<String, List<Finding.Related>> leftOut = new LinkedHashMap<>();
    for (CallSite call : model.calls(LibraryFunction.EXTENSION_CONTENTS)) {
      Optional<Value> argument = call.argument(0);
      Optional<String> name = argument.flatMap(Values::text);
      if (name.isEmpty() || model.bundle().find(name.get()).isPresent()) {
        continue;
      }
      // Point at the name where it is written: through a loader helper, that is the caller; a
      // name computed inside a helper is written there.
      Value text = Values.plain(argument.get());
      String file = text.file().isEmpty() ? call.file() : text.file();
      Optional<String> beside = besideButLeftOut(model.bundle().layout(), name.get());
      if (beside.isPresent()) {
        leftOut
            .computeIfAbsent(beside.get(), b -> new ArrayList<>())
            .add(
                new Finding.Related(
                    "Extension.Contents(\"" + name.get() + "\")", new Location(file, text.span())));
        continue;
      }
      Finding.Related place =
          new Finding.Related(
              "Extension.Contents(\"" + name.get() + "\")", new Location(file, text.span()));
      List<Finding.Related> places =
          missing.computeIfAbsent(name.get(), n -> new Missing(n, new ArrayList<>())).places();
      if (!places.contains(place)) {
        places.add(place);
      }
    }
    leftOut.forEach((beside, places) -> reportLeftOut(model, beside, places, findings));
    Map<String, List<Missing>> families = new LinkedHashMap<>();
    for (Missing file : missing.values()) {
      families.computeIfAbsent(family(file.name()), f -> new ArrayList<>()).add(file);
    }
    for (Map.Entry<String, List<Missing>> family : families.entrySet()) {
      List<Missing> files = family.getValue();
      if (files.size() == 1) {
        report(files.get(0), model, findings);
      } else {
        reportFamily(family.getKey(), files, model, findings);
      }
    }
  }

  private static void report(Missing file, ConnectorModel model, FindingSink findings) {
    String name = file.name();
    boolean secret = SECRET.matcher(name).matches();
    String fix =
        secret
            ? "; the connector fails without it: if it is kept out of source control on purpose,"
                + " make sure the build puts it into the package"
            : "; add " + name + " to the connector's project so it is packaged, or fix the name";
    String start = "Extension.Contents(\"" + name + "\") names a file that is not in the package";
    boolean source = !model.bundle().kind().isPackage();
    Optional<SourceLayout.BuiltPackage> built = model.bundle().layout().builtPackageFor(name);
    if (!source) {
      findings.reportGroup(findings.level(), file.places(), start + fix, "use");
    } else if (built.isPresent() && built.get().holds(name)) {
      // The sources lack what the build had (a secret kept out of source control, a file not
      // committed): a question about the next build, not a broken connector.
      findings.reportGroup(
          Level.REVIEW,
          file.places(),
          "Extension.Contents(\""
              + name
              + "\") names a file the folder lacks, but the built "
              + built.get().path()
              + " holds it; make sure the build supplies it",
          "use");
    } else if (built.isPresent()) {
      findings.reportGroup(
          findings.level(),
          file.places(),
          start + " (nor in the built " + built.get().path() + ")" + fix,
          "use");
    } else {
      // A secret missing from a source folder is usually kept out of source control on
      // purpose: only the built package can show it is really missing.
      findings.reportGroup(
          secret ? Level.REVIEW : findings.level(), file.places(), start + fix, "use");
    }
  }

  /**
   * The images of one set, missing together: one finding naming a few of them, at the level a
   * single missing file would get (a built package that holds them all makes it a question).
   */
  private static void reportFamily(
      String family, List<Missing> files, ConnectorModel model, FindingSink findings) {
    Set<String> names = new LinkedHashSet<>();
    List<Finding.Related> places = new ArrayList<>();
    for (Missing file : files) {
      names.add(file.name());
      places.addAll(file.places());
    }
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    String list =
        String.join(", ", sorted.subList(0, Math.min(3, sorted.size())))
            + (sorted.size() > 3 ? "..." : "");
    String count = names.size() + " " + family + " files named by Extension.Contents";
    String fix = "; add them to the connector's project so they are packaged, or fix the names";
    Optional<SourceLayout.BuiltPackage> built =
        model.bundle().kind().isPackage()
            ? Optional.empty()
            : model.bundle().layout().builtPackageFor(sorted.get(0));
    if (built.isPresent() && names.stream().allMatch(built.get()::holds)) {
      findings.reportGroup(
          Level.REVIEW,
          places,
          count
              + " are not in the folder ("
              + list
              + "), but the built "
              + built.get().path()
              + " holds them; make sure the build supplies them",
          "");
    } else if (built.isPresent()) {
      findings.reportGroup(
          findings.level(),
          places,
          count
              + " are not in the package ("
              + list
              + "; nor in the built "
              + built.get().path()
              + ")"
              + fix,
          "");
    } else {
      findings.reportGroup(
          findings.level(), places, count + " are not in the package (" + list + ")" + fix, "");
    }
  }

  /**
   * A file the folder holds but its project file leaves out of the package. MSBuild ships a
   * connector without it; MakePQX compile, which ignores project files, packs it. The older SDK's
   * {@code .mproj} is always built with MSBuild, so a recommendation; the Visual Studio Code SDK
   * runs MSBuild only where it is installed, so a question, unless a package built from the folder
   * shows which build it used.
   */
  private static void reportLeftOut(
      ConnectorModel model, String beside, List<Finding.Related> places, FindingSink findings) {
    String project = model.bundle().layout().projectFile().orElse("the project file");
    boolean olderSdk = project.toLowerCase(Locale.ROOT).endsWith(".mproj");
    String item = olderSdk ? "Compile" : "MezContent";
    Optional<SourceLayout.BuiltPackage> built = model.bundle().layout().builtPackageFor(beside);
    String outcome;
    Level level;
    if (built.isPresent()) {
      boolean packed = built.get().holds(beside);
      outcome =
          " (the built " + built.get().path() + (packed ? " holds it" : " lacks it too") + ")";
      level = packed ? Level.REVIEW : Level.SHOULD;
    } else {
      outcome = olderSdk ? "" : " (MakePQX compile packs it)";
      level = olderSdk ? Level.SHOULD : Level.REVIEW;
    }
    String start =
        "Extension.Contents(\""
            + beside
            + "\"): the folder holds it, but "
            + project
            + " has no "
            + item
            + " item for it, so MSBuild leaves it out"
            + outcome;
    // Never advise packaging a secret: PQ056 says a client secret should not be in the package.
    String fix =
        SECRET.matcher(beside).matches()
            ? "; the connector fails without it, yet a secret should not be packaged (PQ056)"
            : "; add <" + item + " Include=\"" + beside + "\" />";
    findings.reportGroup(level, places, start + fix, "use");
  }

  /**
   * The folder's file of that name (as Windows finds names) that the folder's project file leaves
   * out of the package; empty when there is none, or no project file.
   */
  private static Optional<String> besideButLeftOut(SourceLayout layout, String name) {
    String wanted = name.toUpperCase(Locale.ROOT);
    return layout.leftOut().stream()
        .filter(f -> f.toUpperCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * What groups missing files: an image's name without its size digits ({@code Contoso*.png} for
   * {@code Contoso16.png}), any other file's own name.
   */
  private static String family(String name) {
    if (!IMAGE.matcher(name).matches()) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String stem = name.substring(0, dot).replaceFirst("\\d+$", "");
    return stem + "*" + name.substring(dot).toLowerCase(Locale.ROOT);
  }
}
