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
 *
 * <p>Paths are written as given (relative to the working directory), except inside a GitHub Actions
 * workspace: GitHub reads a relative path in an annotation or a SARIF file as relative to the
 * repository root, which is not the working directory when a step sets {@code working-directory}.
 */
public final class SourceLocator {
  private final Optional<Path> sourceRoot;
  private final Optional<Path> workspace;

  public SourceLocator(Optional<Path> sourceRoot, Optional<Path> workspace) {
    this.sourceRoot = sourceRoot;
    this.workspace = workspace.map(w -> w.toAbsolutePath().normalize());
  }

  public static SourceLocator none() {
    return new SourceLocator(Optional.empty(), Optional.empty());
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
    return Optional.of(display(path));
  }

  /** The target itself, as a path with {@code /} separators. */
  public String targetPath(TargetResult target) {
    return display(Path.of(target.path()));
  }

  private String display(Path path) {
    Path shown = path.normalize();
    if (workspace.isPresent()) {
      Path absolute = path.toAbsolutePath().normalize();
      if (absolute.startsWith(workspace.get())) {
        shown = workspace.get().relativize(absolute);
      }
    }
    return shown.toString().replace('\\', '/');
  }
}
