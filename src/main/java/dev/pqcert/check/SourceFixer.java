package dev.pqcert.check;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.EntryKind;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Fix;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code --fix} and {@code --diff} for one checked target: the fixes of the findings it reports, as
 * changes to the M files of a source folder (or of a single {@code .pq} target), never to a
 * package, and only to files inside the target.
 */
final class SourceFixer {
  /**
   * One file's change.
   *
   * @param file where the file is
   * @param shownAs how diffs and messages name it: the target's path joined with the file's path in
   *     it, with {@code /} separators
   */
  record Change(Path file, String shownAs, FileEdits.Edited edited) {
    /** The rules whose findings the applied fixes remedy, sorted, each once. */
    List<String> rules(Map<Fix, String> ruleOfFix) {
      return edited.applied().stream().map(ruleOfFix::get).distinct().sorted().toList();
    }
  }

  /**
   * What the fixes of one target come to.
   *
   * @param changes the files that change, in path order
   * @param leftAlone a sentence for each file with fixes that is not changed, and why
   * @param ruleOfFix the rule of each fix's finding
   */
  record Plan(List<Change> changes, List<String> leftAlone, Map<Fix, String> ruleOfFix) {
    Plan {
      changes = List.copyOf(changes);
      leftAlone = List.copyOf(leftAlone);
    }

    int fixes() {
      return changes.stream().mapToInt(c -> c.edited().applied().size()).sum();
    }
  }

  private SourceFixer() {}

  /** The fixes of a source target's reported findings, each file's, with their edits applied. */
  static Plan plan(Path target, TargetResult result) {
    Map<String, List<Fix>> byFile = new TreeMap<>();
    Map<Fix, String> ruleOfFix = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      finding
          .fix()
          .ifPresent(
              fix -> {
                byFile
                    .computeIfAbsent(fix.edits().get(0).location().file(), f -> new ArrayList<>())
                    .add(fix);
                ruleOfFix.putIfAbsent(fix, finding.ruleId());
              });
    }
    List<Change> changes = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    for (Map.Entry<String, List<Fix>> entry : byFile.entrySet()) {
      String name = entry.getKey();
      Optional<Path> file = fileInTarget(target, result.kind().orElseThrow(), name);
      String shownAs = file.map(Path::toString).orElse(target + "/" + name).replace('\\', '/');
      if (file.isEmpty()) {
        leftAlone.add(shownAs + ": not fixed: the file is not inside " + target);
        continue;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file.get());
      } catch (IOException e) {
        leftAlone.add(shownAs + ": not fixed: cannot be read: " + IoProblem.of(e));
        continue;
      }
      DocumentKind kind =
          EntryKind.classify(name) == EntryKind.MODULE
              ? DocumentKind.EXPRESSION
              : DocumentKind.AUTO;
      FileEdits.Outcome outcome = FileEdits.apply(shownAs, bytes, kind, entry.getValue());
      if (outcome instanceof FileEdits.Edited edited) {
        changes.add(new Change(file.get(), shownAs, edited));
      } else if (outcome instanceof FileEdits.LeftAlone alone) {
        leftAlone.add(shownAs + ": not fixed: " + alone.reason());
      }
    }
    return new Plan(changes, leftAlone, ruleOfFix);
  }

  /**
   * Where a file of the target is on disk: in a folder, by its path in it, provided it does not
   * lead outside the folder (through {@code ..} or a link); a single file target is its only file.
   */
  private static Optional<Path> fileInTarget(Path target, BundleKind kind, String name) {
    if (kind == BundleKind.FILE) {
      Path own = target.getFileName();
      return own != null && own.toString().equals(name) ? Optional.of(target) : Optional.empty();
    }
    if (kind != BundleKind.FOLDER) {
      return Optional.empty();
    }
    Path file = target.resolve(name);
    try {
      Path folder = target.toRealPath();
      Path real = file.toRealPath();
      if (!real.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /**
   * Replaces a file with its fixed bytes: written beside it under a temporary name, with its
   * permissions, then moved over it, so that a reader never sees half a file.
   */
  static void write(Change change) throws IOException {
    Path file = change.file();
    Path folder = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".pqcert-fix");
    try {
      Files.write(temp, change.edited().bytes());
      PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      if (posix != null) {
        posix.setPermissions(Files.readAttributes(file, PosixFileAttributes.class).permissions());
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
