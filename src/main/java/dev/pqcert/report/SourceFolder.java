package dev.pqcert.report;

import dev.pqcert.bundle.FolderLayout;
import dev.pqcert.bundle.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A folder a package was built from, and where each file of the package is in it: where its build
 * (see {@link FolderLayout}) takes it from, which may be a subfolder; otherwise the file of that
 * name; and for {@code X.m}, which the Visual Studio SDK's build makes of {@code X.pq}, {@code
 * X.pq}.
 */
final class SourceFolder {
  private final Path root;
  private Map<String, String> byPackageName;

  SourceFolder(Path root) {
    this.root = root;
  }

  /** The file in this folder that the package entry of that name was built from. */
  Optional<Path> find(String entryName) {
    Optional<Path> found = findAsNamed(entryName);
    if (found.isEmpty() && entryName.toLowerCase(Locale.ROOT).endsWith(".m")) {
      found = findAsNamed(entryName.substring(0, entryName.length() - 2) + ".pq");
    }
    return found;
  }

  private Optional<Path> findAsNamed(String entryName) {
    String sourcePath = layout().get(key(entryName));
    if (sourcePath != null && Files.isRegularFile(root.resolve(sourcePath))) {
      return Optional.of(root.resolve(sourcePath));
    }
    Path direct = root.resolve(entryName);
    return Files.isRegularFile(direct) ? Optional.of(direct) : Optional.empty();
  }

  /** Package name (case folded, as Windows compares names) to path in the folder. */
  private Map<String, String> layout() {
    if (byPackageName == null) {
      byPackageName = new HashMap<>();
      try {
        for (FolderLayout.File file : FolderLayout.plan(root).files()) {
          byPackageName.put(key(file.packageName()), file.sourcePath());
        }
      } catch (InputException | RuntimeException unreadable) {
        // A folder whose project cannot be read still has the files it has, by name.
      }
    }
    return byPackageName;
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
