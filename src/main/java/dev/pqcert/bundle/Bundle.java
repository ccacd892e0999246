package dev.pqcert.bundle;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A check target read into memory: its files, sorted by name. */
public final class Bundle {
  private final Path origin;
  private final String displayName;
  private final BundleKind kind;
  private final List<BundleEntry> entries;
  private final List<BundleEntry> unpackagedModules;
  private final SourceLayout layout;

  /** Public so that rule tests can build bundles without files; {@link BundleReader} reads them. */
  public Bundle(Path origin, String displayName, BundleKind kind, List<BundleEntry> entries) {
    this(origin, displayName, kind, entries, SourceLayout.NONE, List.of());
  }

  /**
   * @param layout how a folder's files relate to the package its build makes
   * @param unpackagedModules the {@code .pqm} modules a folder holds that its project file leaves
   *     out of the package: read so that the connector's code is analysed whole (a build that
   *     ignores the project file packs them), never counted as package contents
   */
  public Bundle(
      Path origin,
      String displayName,
      BundleKind kind,
      List<BundleEntry> entries,
      SourceLayout layout,
      List<BundleEntry> unpackagedModules) {
    this.unpackagedModules = List.copyOf(unpackagedModules);
    this.origin = Objects.requireNonNull(origin, "origin");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.entries = entries.stream().sorted(Comparator.comparing(BundleEntry::name)).toList();
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  /** The path the user gave. */
  public Path origin() {
    return origin;
  }

  /** The path as the user gave it, for messages. */
  public String displayName() {
    return displayName;
  }

  public BundleKind kind() {
    return kind;
  }

  /** All files, sorted by name (ordinal); immutable. */
  public List<BundleEntry> entries() {
    return entries;
  }

  /** Modules in the folder that the project file leaves out of the package: code, not contents. */
  public List<BundleEntry> unpackagedModules() {
    return unpackagedModules;
  }

  /**
   * Where a file of the package is in the folder read, relative to it with {@code /} separators:
   * its name, unless the build packages it from elsewhere (a subfolder).
   */
  public String sourcePath(String entryName) {
    return layout.sourcePaths().getOrDefault(entryName, entryName);
  }

  /** How a folder's files relate to the package its build makes. */
  public SourceLayout layout() {
    return layout;
  }

  /** What reading the target noticed (how a project file was read), one sentence each. */
  public List<String> notes() {
    return layout.notes();
  }

  /**
   * The file with this name; failing an exact match, one whose name differs only in case, as
   * Windows (which loads connectors) would find it.
   */
  public Optional<BundleEntry> find(String name) {
    Optional<BundleEntry> exact = entries.stream().filter(e -> e.name().equals(name)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    String key = EntryNames.caseInsensitiveKey(name);
    return entries.stream()
        .filter(e -> EntryNames.caseInsensitiveKey(e.name()).equals(key))
        .findFirst();
  }

  @Override
  public String toString() {
    return "Bundle[" + kind + " " + displayName + ", " + entries.size() + " entries]";
  }
}
