package dev.pqcert.report;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.ContentDigest;
import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a user can open the file a finding is in. A folder target's files are on disk; a package's
 * files are too when the user names the source folder it was built from ({@code --source-root}), or
 * when a folder beside the package holds them (see {@link #withSourcesBesidePackages}); otherwise
 * they exist only inside the package.
 *
 * <p>Paths are written as given (relative to the working directory), except inside a GitHub Actions
 * workspace: GitHub reads a relative path in an annotation or a SARIF file as relative to the
 * repository root, which is not the working directory when a step sets {@code working-directory}.
 */
public final class SourceLocator {
  private final Optional<Path> sourceRoot;
  private final Optional<Path> workspace;

  /** Per package target (its path as given): the source folder found beside it. */
  private final Map<String, Path> sourcesBeside;

  /** The source folders looked into, each read once. */
  private final Map<Path, SourceFolder> sourceFolders =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SourceLocator(Optional<Path> sourceRoot, Optional<Path> workspace) {
    this(sourceRoot, workspace.map(w -> w.toAbsolutePath().normalize()), Map.of());
  }

  private SourceLocator(
      Optional<Path> sourceRoot, Optional<Path> workspace, Map<String, Path> sourcesBeside) {
    this.sourceRoot = sourceRoot;
    this.workspace = workspace;
    this.sourcesBeside = Map.copyOf(sourcesBeside);
  }

  /**
   * This locator, also pointing into the source folder beside each package target that has one:
   * {@code dist/Contoso} for {@code dist/Contoso.mez}, when it holds every file of the package with
   * the same content (see {@link #sourceFolderBeside}). Without {@code --source-root} only; a
   * source root given applies to every package.
   */
  public SourceLocator withSourcesBesidePackages(
      List<TargetResult> targets,
      Function<String, Optional<Map<String, ContentDigest>>> packageContents) {
    if (sourceRoot.isPresent()) {
      return this;
    }
    Map<String, Path> found = new HashMap<>(sourcesBeside);
    for (TargetResult target : targets) {
      if (isPackage(target) && !found.containsKey(target.path())) {
        packageContents
            .apply(target.path())
            .flatMap(contents -> sourceFolderBeside(Path.of(target.path()), contents))
            .ifPresent(folder -> found.put(target.path(), folder));
      }
    }
    return new SourceLocator(sourceRoot, workspace, found);
  }

  /**
   * The folder beside a package that is named as the package without its extension and holds a file
   * with the same content for each file in the package (its entries' digests, taken when the
   * package was read); empty if there is none, or if a file cannot be read. Content, not names:
   * pointing at a stale or unrelated copy would be worse than pointing inside the package.
   * Packaging metadata ({@code [Content_Types].xml} and {@code _rels/} of packages built as Open
   * Packaging Conventions archives) is not source and is not looked for.
   */
  static Optional<Path> sourceFolderBeside(
      Path packageFile, Map<String, ContentDigest> packageContents) {
    Path folder = folderBeside(packageFile);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<Map.Entry<String, ContentDigest>> sources =
        packageContents.entrySet().stream()
            .filter(entry -> !isPackagingMetadata(entry.getKey()))
            .toList();
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    SourceFolder source = new SourceFolder(folder);
    for (Map.Entry<String, ContentDigest> entry : sources) {
      Optional<Path> file = source.find(entry.getKey());
      if (file.isEmpty() || !sameContent(file.get(), entry.getValue())) {
        return Optional.empty();
      }
    }
    return Optional.of(folder);
  }

  /**
   * Where a package's source folder is looked for: {@code dist/Contoso} for {@code
   * dist/Contoso.mez}.
   */
  public static Path folderBeside(Path packageFile) {
    String name = String.valueOf(packageFile.getFileName());
    int dot = name.lastIndexOf('.');
    return packageFile.resolveSibling(dot > 0 ? name.substring(0, dot) : name);
  }

  private static boolean isPackagingMetadata(String entryName) {
    String lower = entryName.toLowerCase(Locale.ROOT);
    return lower.equals("[content_types].xml") || lower.startsWith("_rels/");
  }

  private static boolean sameContent(Path file, ContentDigest expected) {
    try {
      // The size first: a file of another size is never read (nor one larger than the entry).
      if (!Files.isRegularFile(file) || Files.size(file) != expected.size()) {
        return false;
      }
      try (InputStream in = Files.newInputStream(file)) {
        return expected.matches(in.readNBytes((int) expected.size() + 1));
      }
    } catch (IOException unreadable) {
      return false;
    }
  }

  private SourceFolder sourceFolder(Path root) {
    return sourceFolders.computeIfAbsent(root, SourceFolder::new);
  }

  /**
   * The package targets none of whose files the {@code --source-root} folder holds (by their names
   * in the package, as its build names them): the option then changes nothing for them. Empty
   * without {@code --source-root}.
   */
  public List<String> packagesNotInSourceRoot(
      List<TargetResult> targets,
      Function<String, Optional<Map<String, ContentDigest>>> packageContents) {
    List<String> unmatched = new ArrayList<>();
    if (sourceRoot.isEmpty()) {
      return unmatched;
    }
    SourceFolder root = sourceFolder(sourceRoot.get());
    for (TargetResult target : targets) {
      if (!isPackage(target)) {
        continue;
      }
      Optional<Map<String, ContentDigest>> contents = packageContents.apply(target.path());
      if (contents.isPresent()
          && contents.get().keySet().stream()
              .filter(name -> !isPackagingMetadata(name))
              .noneMatch(name -> root.find(name).isPresent())) {
        unmatched.add(target.path());
      }
    }
    return unmatched;
  }

  /**
   * The package targets with a finding (reported, suppressed or baselined) in a file this locator
   * cannot find on disk, so that a report points inside the package for it.
   */
  public List<String> packagesWithoutSourceFiles(List<TargetResult> targets) {
    List<String> packages = new ArrayList<>();
    for (TargetResult target : targets) {
      if (isPackage(target)
          && locations(target)
              .anyMatch(location -> sourcePath(target, location.file()).isEmpty())) {
        packages.add(target.path());
      }
    }
    return packages;
  }

  private static Stream<Location> locations(TargetResult target) {
    Stream<Location> suppressions =
        target.suppressed().stream()
            .flatMap(s -> Stream.concat(s.finding().location().stream(), Stream.of(s.directive())));
    return Stream.of(
            target.findings().stream().flatMap(f -> f.location().stream()),
            target.baselined().stream().flatMap(f -> f.location().stream()),
            suppressions)
        .flatMap(s -> s);
  }

  private static boolean isPackage(TargetResult target) {
    return target.error().isEmpty() && target.kind().map(BundleKind::isPackage).orElse(false);
  }

  /**
   * The on-disk path, with {@code /} separators, of a file inside a target; empty when the file is
   * only inside a package.
   */
  public Optional<String> sourcePath(TargetResult target, String file) {
    return sourceFile(target, file).map(this::display);
  }

  /**
   * The file on disk, as a path relative to the working directory or absolute, that a file inside a
   * target is; empty when the file is only inside a package.
   */
  public Optional<Path> sourceFile(TargetResult target, String file) {
    BundleKind kind = target.kind().orElse(null);
    Optional<Path> root =
        sourceRoot.or(() -> Optional.ofNullable(sourcesBeside.get(target.path())));
    Path path;
    if (kind == BundleKind.FOLDER) {
      path = Path.of(target.path()).resolve(file);
    } else if (kind == BundleKind.FILE) {
      path = Path.of(target.path());
    } else if (root.isPresent()) {
      Optional<Path> found = sourceFolder(root.get()).find(file);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      path = found.get();
    } else {
      return Optional.empty();
    }
    return Optional.of(path);
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
