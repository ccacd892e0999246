package dev.pqcert.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a folder target's files relate to the package its build makes: which project file said so,
 * where files packaged from elsewhere are, which files of the folder the build leaves out, and what
 * reading it noticed.
 *
 * @param projectFile the project file read (its name in the folder); empty without one
 * @param sourcePaths for each file the build packages from another place than its name says (a
 *     subfolder): its path in the folder, with {@code /} separators, by its name in the package
 * @param leftOut the names of the folder's top-level files that a project file leaves out of the
 *     package; empty without a project file
 * @param notes one sentence each, for standard error
 * @param builtPackages the packages built from this folder that lie in it (its top level, its
 *     {@code bin} folder), in path order: what a build made of it, to tell a file missing from the
 *     sources from one missing from the connector
 */
public record SourceLayout(
    Optional<String> projectFile,
    Map<String, String> sourcePaths,
    List<String> leftOut,
    List<String> notes,
    List<BuiltPackage> builtPackages) {

  /** Nothing to say: a package, a single file, or a folder read as its top-level files. */
  public static final SourceLayout NONE =
      new SourceLayout(Optional.empty(), Map.of(), List.of(), List.of(), List.of());

  public SourceLayout {
    sourcePaths = Map.copyOf(sourcePaths);
    leftOut = List.copyOf(leftOut);
    notes = List.copyOf(notes);
    builtPackages = List.copyOf(builtPackages);
  }

  /** This layout, knowing the packages built from the folder. */
  public SourceLayout withBuiltPackages(List<BuiltPackage> packages) {
    return new SourceLayout(projectFile, sourcePaths, leftOut, notes, packages);
  }

  /**
   * A package built from the folder, known by the names of its files only.
   *
   * @param path where it is, relative to the folder, with {@code /} separators
   * @param entries the names of its files
   */
  public record BuiltPackage(String path, List<String> entries) {
    public BuiltPackage {
      entries = List.copyOf(entries);
    }

    /** Whether it holds a file of this name, as Windows finds names (case aside). */
    public boolean holds(String name) {
      String wanted = name.toUpperCase(Locale.ROOT);
      return entries.stream().anyMatch(e -> e.toUpperCase(Locale.ROOT).equals(wanted));
    }
  }

  /**
   * What the packages built from the folder say about a file the folder lacks: the first that holds
   * it; failing that, the first of them (which lacks it too); empty when there is none.
   */
  public Optional<BuiltPackage> builtPackageFor(String name) {
    return builtPackages.stream()
        .filter(p -> p.holds(name))
        .findFirst()
        .or(() -> builtPackages.stream().findFirst());
  }
}
