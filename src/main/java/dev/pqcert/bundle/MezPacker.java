package dev.pqcert.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a deterministic {@code .mez} (a plain zip) from a connector project folder: the same
 * sources give byte-identical packages on every run and machine, so a package can be rebuilt and
 * compared. Returns the bytes; writing them is the caller's business.
 */
public final class MezPacker {
  /**
   * The time of every entry, as Gradle also uses. Set with {@code setTimeLocal}, it goes into the
   * DOS time fields as is, whatever the time zone. Not 1980-01-01 00:00: java.util.zip takes that
   * value for "before 1980" and then adds a zone-dependent extended-timestamp field.
   */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  /** Packages lying in the folder are build output, not sources. */
  private static final List<String> PACKAGE_SUFFIXES = List.of(".mez", ".pqx");

  private MezPacker() {}

  /**
   * The names of the files of {@code sourceFolder} that go into the package, sorted. With a
   * connector project file, what its build packages ({@link FolderLayout}); without one, the
   * top-level files but tests ({@code *.query.pq} and its kin), packages, hidden files, build
   * project files and subfolders (such as {@code bin/} and {@code obj/}).
   */
  public static List<String> packageableFiles(Path sourceFolder) throws InputException {
    return packageable(sourceFolder, newBudget(sourceFolder)).stream()
        .map(FolderLayout.File::packageName)
        .sorted()
        .toList();
  }

  /** Packs the {@link #packageableFiles} of {@code sourceFolder}, in that order. */
  public static byte[] pack(Path sourceFolder) throws InputException {
    ReadBudget budget = newBudget(sourceFolder);
    List<FolderLayout.File> files =
        packageable(sourceFolder, budget).stream()
            .sorted(java.util.Comparator.comparing(FolderLayout.File::packageName))
            .toList();
    ByteArrayOutputStream packageBytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(packageBytes)) {
      for (FolderLayout.File file : files) {
        String name = file.packageName();
        byte[] content = budget.readFile(file.source(), name);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
    } catch (IOException e) {
      // The zip is written to memory: this would be a bug, not a problem with the input.
      throw new UncheckedIOException(e);
    }
    return packageBytes.toByteArray();
  }

  private static ReadBudget newBudget(Path sourceFolder) {
    // Bounded like any target, so that a wrong folder (a home directory, say) fails fast.
    return new ReadBudget(Limits.defaults(), sourceFolder.toString(), ReadBudget.Item.FILE);
  }

  private static List<FolderLayout.File> packageable(Path sourceFolder, ReadBudget budget)
      throws InputException {
    String displayName = sourceFolder.toString();
    if (java.nio.file.Files.isDirectory(sourceFolder)
        && !FolderLayout.projectFiles(sourceFolder, displayName).isEmpty()) {
      FolderLayout.Plan plan = FolderLayout.plan(sourceFolder, displayName, budget);
      if (plan.projectFile().isPresent()) {
        return plan.files();
      }
    }
    return packageablePaths(sourceFolder, budget).stream()
        .map(p -> new FolderLayout.File(p.getFileName().toString(), p, p.getFileName().toString()))
        .toList();
  }

  private static List<Path> packageablePaths(Path sourceFolder, ReadBudget budget)
      throws InputException {
    String displayName = sourceFolder.toString();
    List<Path> files =
        ProjectFolder.files(sourceFolder, displayName, MezPacker::belongsInPackage, budget);
    // Names differing only in case would make a package that Windows, and BundleReader, reject.
    EntryNames.requireUnique(displayName, names(files));
    return files;
  }

  private static boolean belongsInPackage(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !EntryKind.isTestFile(lower) && PACKAGE_SUFFIXES.stream().noneMatch(lower::endsWith);
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(file -> file.getFileName().toString()).toList();
  }
}
