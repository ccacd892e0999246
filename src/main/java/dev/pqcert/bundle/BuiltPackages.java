package dev.pqcert.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the packages built from a source folder where the SDKs put them: the folder itself (an
 * older package left beside the sources) and its {@code bin} folder ({@code bin/AnyCPU/Debug},
 * {@code bin/Release}). A package counts when it holds a section document of the folder's name
 * ({@code X.pq}, or {@code X.m} as the Visual Studio SDK renames it). Only the names of its files
 * are read; a package that cannot be read is passed over, as it is not the target.
 */
final class BuiltPackages {
  /** Deep enough for {@code bin/AnyCPU/Debug/X.mez}; the walk stays small. */
  private static final int MAX_DEPTH = 4;

  /** How many packages are opened at most: a folder with more builds is not worth reading all. */
  private static final int MAX_READ = 16;

  /** How many of them are kept. */
  private static final int MAX_PACKAGES = 8;

  private BuiltPackages() {}

  static List<SourceLayout.BuiltPackage> in(
      Path folder, List<BundleEntry> entries, BundleReader reader) {
    Set<String> sectionDocuments =
        entries.stream()
            .filter(e -> e.kind() == EntryKind.SECTION_DOCUMENT)
            .map(e -> stem(e.name()))
            .collect(Collectors.toSet());
    if (sectionDocuments.isEmpty()) {
      return List.of();
    }
    List<SourceLayout.BuiltPackage> packages = new ArrayList<>();
    List<Path> candidates = candidates(folder);
    for (Path candidate : candidates.subList(0, Math.min(MAX_READ, candidates.size()))) {
      if (packages.size() == MAX_PACKAGES) {
        break;
      }
      Optional<List<String>> names = reader.entryNames(candidate);
      if (names.isPresent()
          && names.get().stream()
              .filter(n -> EntryKind.classify(n) == EntryKind.SECTION_DOCUMENT)
              .anyMatch(n -> sectionDocuments.contains(stem(n)))) {
        packages.add(new SourceLayout.BuiltPackage(relative(folder, candidate), names.get()));
      }
    }
    return packages;
  }

  /** The {@code .mez} files at the folder's top level and below its {@code bin}, in path order. */
  private static List<Path> candidates(Path folder) {
    List<Path> found = new ArrayList<>();
    collect(folder, 1, found);
    Path bin = folder.resolve("bin");
    if (Files.isDirectory(bin)) {
      collect(bin, MAX_DEPTH, found);
    }
    found.sort((a, b) -> relative(folder, a).compareTo(relative(folder, b)));
    return found;
  }

  private static void collect(Path start, int depth, List<Path> found) {
    try (Stream<Path> walk = Files.walk(start, depth)) {
      walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mez"))
          .filter(Files::isRegularFile)
          .forEach(found::add);
    } catch (IOException | UncheckedIOException e) {
      // An unreadable build folder only means no built package to compare with.
    }
  }

  private static String stem(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot < 0 ? lower : lower.substring(0, dot);
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }
}
