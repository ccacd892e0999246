package dev.pqcert.bundle;

import java.util.List;
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
 */
public record SourceLayout(
    Optional<String> projectFile,
    Map<String, String> sourcePaths,
    List<String> leftOut,
    List<String> notes) {

  /** Nothing to say: a package, a single file, or a folder read as its top-level files. */
  public static final SourceLayout NONE =
      new SourceLayout(Optional.empty(), Map.of(), List.of(), List.of());

  public SourceLayout {
    sourcePaths = Map.copyOf(sourcePaths);
    leftOut = List.copyOf(leftOut);
    notes = List.copyOf(notes);
  }
}
