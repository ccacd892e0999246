package dev.pqcert.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A development harness, not a test: for every connector of the development corpus whose repository
 * holds a built {@code .mez}, compares the files pqcert reads for the connector's folder with the
 * files inside that {@code .mez} (a {@code X.m} in the package stands for {@code X.pq}). Run from
 * the checkout's root:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *   dev.pqcert.bundle.PackageLayoutHarness /tmp/devcorpus ../shared/corpus/DEV-REPOS.tsv
 * </pre>
 *
 * <p>Each connector's folder is the folder of its section document (column 3 of the list); its
 * packages are the {@code .mez} files built from it: under its {@code bin/}, beside it, or, when
 * the repository has one connector, anywhere in the repository. Prints one block per package:
 * {@code equal}, or the files only pqcert reads ({@code +}) and only the package holds ({@code -}),
 * with pqcert's notes on the folder.
 */
public final class PackageLayoutHarness {
  private PackageLayoutHarness() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PackageLayoutHarness CORPUS_DIR DEV-REPOS.tsv");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    List<String> rows = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    int packages = 0;
    int equal = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] columns = row.split("\t", -1);
      if (columns.length < 7 || Integer.parseInt(columns[6].strip()) == 0) {
        continue;
      }
      Path repo = corpus.resolve(columns[0].replace('/', '+'));
      List<Path> mezFiles = mezFiles(repo);
      List<String> mains = List.of(columns[2].split(";"));
      for (String main : mains) {
        Path folder = repo.resolve(main).getParent();
        List<Path> built = builtFrom(folder, mezFiles, mains.size() == 1);
        if (built.isEmpty()) {
          System.out.println(columns[0] + " " + main + ": no .mez built from this folder");
          continue;
        }
        for (Path mez : built) {
          packages++;
          if (compare(repo, folder, mez)) {
            equal++;
          }
        }
      }
    }
    System.out.println();
    System.out.println(equal + " of " + packages + " packages: equal");
  }

  private static boolean compare(Path repo, Path folder, Path mez) throws IOException {
    String source = repo.relativize(folder).toString();
    String title =
        repo.getFileName()
            + ": "
            + repo.relativize(mez)
            + " <- "
            + (source.isEmpty() ? "." : source);
    Set<String> packaged = new TreeSet<>();
    try {
      new BundleReader().read(mez).entries().forEach(entry -> packaged.add(entry.name()));
    } catch (InputException e) {
      System.out.println(title + "\n  the package cannot be read: " + e.getMessage());
      return false;
    }
    Set<String> read = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    try {
      Bundle bundle = new BundleReader().read(folder);
      bundle.entries().forEach(e -> read.add(e.name()));
      notes.addAll(bundle.notes());
    } catch (InputException e) {
      System.out.println(title + "\n  unreadable: " + e.getMessage());
      return false;
    }
    Set<String> normalized = new TreeSet<>();
    for (String name : packaged) {
      String lower = name.toLowerCase(Locale.ROOT);
      String pq = name.substring(0, name.length() - 2) + ".pq";
      normalized.add(lower.endsWith(".m") && read.contains(pq) ? pq : name);
    }
    Set<String> onlyRead = new TreeSet<>(read);
    onlyRead.removeAll(normalized);
    Set<String> onlyPackaged = new TreeSet<>(normalized);
    onlyPackaged.removeAll(read);
    boolean same = onlyRead.isEmpty() && onlyPackaged.isEmpty();
    System.out.println(title + (same ? "\n  equal" : ""));
    onlyRead.forEach(name -> System.out.println("  + " + name));
    onlyPackaged.forEach(name -> System.out.println("  - " + name));
    notes.forEach(note -> System.out.println("  note: " + note));
    return same;
  }

  /**
   * The packages built from a folder: under its {@code bin/}, or beside it; with one connector in
   * the repository, any package in it.
   */
  private static List<Path> builtFrom(Path folder, List<Path> mezFiles, boolean onlyConnector) {
    List<Path> built = new ArrayList<>();
    for (Path mez : mezFiles) {
      if (projectFolderOf(mez).equals(folder)) {
        built.add(mez);
      }
    }
    if (built.isEmpty() && onlyConnector) {
      built.addAll(mezFiles);
    }
    if (built.isEmpty()) {
      for (Path mez : mezFiles) {
        if (folder.startsWith(mez.getParent())
            && folder.toString().contains(stem(mez.getFileName().toString()))) {
          built.add(mez);
        }
      }
    }
    return built;
  }

  /** The folder above {@code bin/}, or the package's own folder. */
  private static Path projectFolderOf(Path mez) {
    for (Path dir = mez.getParent(); dir != null; dir = dir.getParent()) {
      if (dir.getFileName() != null
          && dir.getFileName().toString().equalsIgnoreCase("bin")
          && dir.getParent() != null) {
        return dir.getParent();
      }
    }
    return mez.getParent();
  }

  private static List<Path> mezFiles(Path repo) throws IOException {
    try (Stream<Path> files = Files.walk(repo)) {
      return files
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mez"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
