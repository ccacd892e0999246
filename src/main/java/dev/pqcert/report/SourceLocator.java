package dev.pqcert.report;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.check.TargetResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a user can open the file a finding is in. A folder target's files are on disk; a package's
 * files are too when the user names the source folder it was built from ({@code --source-root});
 * otherwise they exist only inside the package.
 */
public final class SourceLocator {
  private final Optional<Path> sourceRoot;

  public SourceLocator(Optional<Path> sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  public static SourceLocator none() {
    return new SourceLocator(Optional.empty());
  }

  /**
   * The on-disk path, with {@code /} separators, of a file inside a target; empty when the file is
   * only inside a package.
   */
  public Optional<String> sourcePath(TargetResult target, String file) {
    BundleKind kind = target.kind().orElse(null);
    Path path;
    if (kind == BundleKind.FOLDER) {
      path = Path.of(target.path()).resolve(file);
    } else if (kind == BundleKind.FILE) {
      path = Path.of(target.path());
    } else if (sourceRoot.isPresent() && Files.isRegularFile(sourceRoot.get().resolve(file))) {
      path = sourceRoot.get().resolve(file);
    } else {
      return Optional.empty();
    }
    return Optional.of(slashes(path.normalize()));
  }

  /** The target itself, as a path with {@code /} separators. */
  public static String targetPath(TargetResult target) {
    return slashes(Path.of(target.path()).normalize());
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
