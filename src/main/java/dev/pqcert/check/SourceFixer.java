package dev.pqcert.check;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.EntryKind;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Fix;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
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
   * @param created whether the fixes create the file
   * @param applied the fixes applied to it, in the order the findings came
   * @param skipped the fixes of it left for a later run, as they overlapped an applied one
   */
  record Change(
      Path file,
      String shownAs,
      boolean created,
      FileEdits.Edited edited,
      List<Fix> applied,
      List<Fix> skipped) {
    Change {
      applied = List.copyOf(applied);
      skipped = List.copyOf(skipped);
    }

    /** The rules whose findings the applied fixes remedy, sorted, each once. */
    List<String> rules(Map<Fix, String> ruleOfFix) {
      return applied.stream().map(ruleOfFix::get).distinct().sorted().toList();
    }
  }

  /**
   * What the fixes of one target come to.
   *
   * @param changes the files that change: files that are not M documents (resources.resx) first, so
   *     that an M file reading a new string is written after it; each group in path order
   * @param leftAlone a sentence for each file with fixes that is not changed, and why
   * @param ruleOfFix the rule of each fix's finding
   */
  record Plan(List<Change> changes, List<String> leftAlone, Map<Fix, String> ruleOfFix) {
    Plan {
      changes = List.copyOf(changes);
      leftAlone = List.copyOf(leftAlone);
    }

    /** The fixes applied, each once though it may edit several files. */
    int fixes() {
      return (int) changes.stream().flatMap(c -> c.applied().stream()).distinct().count();
    }
  }

  /**
   * Which fixes to apply together: in the order given, each unless one of its edits overlaps an
   * edit of a fix already taken (in the same file), or its own edits overlap; the same edits
   * offered twice (one directive, two rules) count once.
   */
  record Selection(List<Fix> applied, List<Fix> skipped) {}

  private SourceFixer() {}

  static Selection select(List<Fix> fixes) {
    List<Fix> applied = new ArrayList<>();
    List<Fix> skipped = new ArrayList<>();
    List<Fix.Edit> taken = new ArrayList<>();
    for (Fix fix : fixes) {
      if (applied.stream().anyMatch(a -> a.edits().equals(fix.edits()))) {
        continue;
      }
      boolean clashes =
          fix.edits().stream().anyMatch(e -> taken.stream().anyMatch(t -> FileEdits.overlap(e, t)))
              || FileEdits.selfOverlapping(fix);
      if (clashes) {
        skipped.add(fix);
      } else {
        applied.add(fix);
        taken.addAll(fix.edits());
      }
    }
    return new Selection(applied, skipped);
  }

  /** Where a file the fixes edit is, and what it holds. */
  private record Target(
      Path file, String shownAs, Optional<byte[]> bytes, FileEdits.Syntax syntax) {}

  /**
   * The fixes of a source target's reported findings, with their edits applied to each file. A fix
   * is applied to all its files or to none: when one of them cannot be edited, the fix is dropped
   * from the others.
   */
  static Plan plan(Path target, TargetResult result) {
    Map<Fix, String> ruleOfFix = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      finding.fix().ifPresent(fix -> ruleOfFix.putIfAbsent(fix, finding.ruleId()));
    }
    BundleKind kind = result.kind().orElseThrow();
    Map<String, Target> files = new TreeMap<>();
    Map<String, String> leftAlone = new TreeMap<>();
    List<Fix> candidates = new ArrayList<>();
    for (Fix fix : ruleOfFix.keySet()) {
      boolean reachable = true;
      for (String name : fix.files()) {
        if (!files.containsKey(name) && !leftAlone.containsKey(name)) {
          try {
            files.put(name, resolve(target, kind, name, fix.creates().contains(name)));
          } catch (NotFixable e) {
            leftAlone.put(name, e.getMessage());
          }
        }
        reachable &=
            files.containsKey(name)
                && files.get(name).bytes().isEmpty() == fix.creates().contains(name);
      }
      if (reachable) {
        candidates.add(fix);
      }
    }
    Selection selection = select(candidates);
    List<Fix> applied = new ArrayList<>(selection.applied());
    Map<String, FileEdits.Edited> edited = new TreeMap<>();
    boolean settled = false;
    while (!settled) {
      settled = true;
      edited.clear();
      for (Map.Entry<String, Target> entry : files.entrySet()) {
        String name = entry.getKey();
        List<Fix> ofFile = applied.stream().filter(f -> f.files().contains(name)).toList();
        if (ofFile.isEmpty() || leftAlone.containsKey(name)) {
          continue;
        }
        Target file = entry.getValue();
        FileEdits.Outcome outcome =
            FileEdits.apply(name, file.shownAs(), file.bytes(), file.syntax(), ofFile);
        if (outcome instanceof FileEdits.Edited done) {
          edited.put(name, done);
        } else if (outcome instanceof FileEdits.LeftAlone alone) {
          leftAlone.put(name, file.shownAs() + ": not fixed: " + alone.reason());
          // All or nothing: the fixes that also edit other files are taken out of them too.
          applied.removeAll(ofFile);
          settled = false;
          break;
        }
      }
    }
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, FileEdits.Edited> entry : edited.entrySet()) {
      String name = entry.getKey();
      Target file = files.get(name);
      changes.add(
          new Change(
              file.file(),
              file.shownAs(),
              file.bytes().isEmpty(),
              entry.getValue(),
              applied.stream().filter(f -> f.files().contains(name)).toList(),
              selection.skipped().stream().filter(f -> f.files().contains(name)).toList()));
    }
    changes.sort(
        Comparator.comparing((Change c) -> isM(c.file().getFileName().toString()))
            .thenComparing(Change::shownAs));
    return new Plan(changes, List.copyOf(leftAlone.values()), ruleOfFix);
  }

  private static boolean isM(String name) {
    return EntryKind.classify(name) != EntryKind.RESOURCES;
  }

  private static String shown(Path target, String name) {
    return (target + "/" + name).replace('\\', '/');
  }

  /** Why a file the fixes edit cannot be edited: the sentence for standard error. */
  private static final class NotFixable extends Exception {
    private static final long serialVersionUID = 1L;

    NotFixable(String sentence) {
      super(sentence);
    }
  }

  /** A file the fixes edit: one inside the target, or a new one they create there. */
  private static Target resolve(Path target, BundleKind kind, String name, boolean create)
      throws NotFixable {
    FileEdits.Syntax syntax =
        switch (EntryKind.classify(name)) {
          case RESOURCES -> FileEdits.XML;
          case MODULE -> FileEdits.m(DocumentKind.EXPRESSION);
          default -> FileEdits.m(DocumentKind.AUTO);
        };
    if (create) {
      Optional<Path> file = newFileInTarget(target, kind, name);
      if (file.isEmpty()) {
        throw new NotFixable(
            shown(target, name)
                + ": not created: a file is there already, or it is not inside "
                + target);
      }
      return new Target(file.get(), shown(file.get()), Optional.empty(), syntax);
    }
    Optional<Path> file = fileInTarget(target, kind, name);
    if (file.isEmpty()) {
      throw new NotFixable(shown(target, name) + ": not fixed: the file is not inside " + target);
    }
    try {
      return new Target(
          file.get(), shown(file.get()), Optional.of(Files.readAllBytes(file.get())), syntax);
    } catch (IOException e) {
      throw new NotFixable(shown(file.get()) + ": not fixed: cannot be read: " + IoProblem.of(e));
    }
  }

  private static String shown(Path file) {
    return file.toString().replace('\\', '/');
  }

  /**
   * Where a file the fixes create goes: in a folder target, in a folder inside it, where no file
   * (or link) is yet.
   */
  private static Optional<Path> newFileInTarget(Path target, BundleKind kind, String name) {
    if (kind != BundleKind.FOLDER) {
      return Optional.empty();
    }
    Path file = target.resolve(name);
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent == null
          || !parent.toRealPath().startsWith(target.toRealPath())
          || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(file);
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
  static void write(Change change, Optional<Path> permissionsOf) throws IOException {
    Path file = change.file();
    Path folder = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".pqcert-fix");
    try {
      Files.write(temp, change.edited().bytes());
      PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      // A new file takes the permissions of a file the same fixes edit (the temporary file's
      // are the owner's only).
      Optional<Path> model = change.created() ? permissionsOf : Optional.of(file);
      if (posix != null && model.isPresent()) {
        posix.setPermissions(
            Files.readAttributes(model.get(), PosixFileAttributes.class).permissions());
      }
      if (change.created() && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(file.toString());
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
