package dev.pqcert.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which files of a connector project folder end up in its package, and under which names: what the
 * Power Query SDK's build puts into the {@code .mez} (see {@code docs/sdk-packaging.md}).
 *
 * <ul>
 *   <li>A folder with a Visual Studio Code SDK project ({@code *.proj} with {@code MezContent}
 *       items): the files those items name, wildcards and subfolders included, each under its file
 *       name (the build copies them into one folder before zipping it).
 *   <li>A folder with a Visual Studio SDK project ({@code *.mproj} with {@code Compile} items): the
 *       files its {@code Compile} items name, each under its file name ({@code Content} items are
 *       not packaged). The build renames {@code X.pq} to {@code X.m}; the file keeps its name here,
 *       which changes nothing the rules judge. A {@code .pq} that a {@code **} wildcard finds in a
 *       subfolder is copied into a subfolder and left out of the package.
 *   <li>A folder without a project file: its top-level files, as before (hidden files, build
 *       project files and pqcert's own files aside).
 * </ul>
 *
 * Where the project file and the build disagree (a file it names that does not exist, two files
 * flattened to one name, a build target that is not the SDK's), the build wins and a note says so.
 */
public final class FolderLayout {
  /** The Visual Studio Code SDK's project: {@code MezContent} items, packaged flat. */
  static final String MEZ_CONTENT = "MezContent";

  /** The Visual Studio SDK's project: {@code Compile} items, packaged flat. */
  static final String COMPILE = "Compile";

  /**
   * One file of the package.
   *
   * @param packageName its name inside the package
   * @param source where it is read from
   * @param sourcePath where it is, relative to the folder, with {@code /} separators ({@code ..}
   *     for a file a project names outside its folder)
   */
  public record File(String packageName, Path source, String sourcePath) {}

  /**
   * What the build packages, and what pqcert noticed on the way.
   *
   * @param projectFile the project file read, by its name in the folder; empty without one
   * @param notes one sentence each, for standard error
   */
  public record Plan(
      List<File> files, Optional<String> projectFile, List<String> leftOut, List<String> notes) {
    public Plan {
      files = List.copyOf(files);
      leftOut = List.copyOf(leftOut);
      notes = List.copyOf(notes);
    }

    /** The layout a bundle read by this plan keeps. */
    public SourceLayout layout() {
      Map<String, String> sourcePaths = new LinkedHashMap<>();
      for (File file : files) {
        if (!file.sourcePath().equals(file.packageName())) {
          sourcePaths.put(file.packageName(), file.sourcePath());
        }
      }
      return new SourceLayout(projectFile, sourcePaths, leftOut, notes, List.of());
    }
  }

  private FolderLayout() {}

  /** The package plan of a folder, within the default limits. */
  public static Plan plan(Path folder) throws InputException {
    String displayName = folder.toString();
    return plan(
        folder, displayName, new ReadBudget(Limits.defaults(), displayName, ReadBudget.Item.FILE));
  }

  static Plan plan(Path folder, String displayName, ReadBudget budget) throws InputException {
    List<Path> projects = projectFiles(folder, displayName);
    List<String> notes = new ArrayList<>();
    List<MsBuildProject> connectorProjects = new ArrayList<>();
    for (Path project : projects) {
      String projectDisplay = inside(displayName, project.getFileName().toString());
      byte[] bytes = budget.readFile(project, project.getFileName().toString());
      MsBuildProject parsed = MsBuildProject.read(project, projectDisplay, bytes);
      if (parsed.declares(itemTypeOf(project))) {
        connectorProjects.add(parsed);
      } else {
        notes.add(
            project.getFileName()
                + " has no "
                + itemTypeOf(project)
                + " items, so it does not say what the package holds; read the folder's top-level"
                + " files instead");
      }
    }
    if (connectorProjects.isEmpty()) {
      return topLevel(folder, displayName, budget, notes);
    }
    MsBuildProject chosen = choose(connectorProjects, displayName, notes);
    Optional<Plan> built = fromProject(chosen, folder, displayName, budget, notes);
    return built.isPresent() ? built.get() : topLevel(folder, displayName, budget, notes);
  }

  /** Today's rule: the folder's top-level files. */
  private static Plan topLevel(
      Path folder, String displayName, ReadBudget budget, List<String> notes)
      throws InputException {
    List<File> files = new ArrayList<>();
    for (Path file : ProjectFolder.files(folder, displayName, name -> true, budget)) {
      String name = file.getFileName().toString();
      files.add(new File(name, file, name));
    }
    EntryNames.requireUnique(displayName, files.stream().map(File::packageName).toList());
    return new Plan(files, Optional.empty(), List.of(), notes);
  }

  /**
   * With a Visual Studio Code SDK project beside a Visual Studio SDK one (the Visual Studio Code
   * SDK writes one when it opens an older project), the newer one; two of one kind are as ambiguous
   * to pqcert as to MSBuild, which refuses to choose (MSB1011).
   */
  private static MsBuildProject choose(
      List<MsBuildProject> projects, String displayName, List<String> notes) throws InputException {
    List<MsBuildProject> newer =
        projects.stream().filter(p -> itemTypeOf(p.file()).equals(MEZ_CONTENT)).toList();
    List<MsBuildProject> candidates = newer.isEmpty() ? projects : newer;
    if (candidates.size() > 1) {
      throw new InputException(
          displayName,
          "holds several connector project files ("
              + candidates.stream()
                  .map(p -> p.file().getFileName().toString())
                  .collect(Collectors.joining(", "))
              + "), and MSBuild would not choose between them; keep one, or check the .mez it"
              + " builds");
    }
    MsBuildProject chosen = candidates.get(0);
    if (projects.size() > 1) {
      notes.add(
          "read as "
              + chosen.file().getFileName()
              + " packages it (the Visual Studio Code SDK's project); "
              + projects.stream()
                  .filter(p -> p != chosen)
                  .map(p -> p.file().getFileName().toString())
                  .collect(Collectors.joining(", "))
              + " (the older Visual Studio SDK's) is not read");
    }
    return chosen;
  }

  /**
   * The files the project's items name, as the SDK's build packages them; empty when the project
   * names a file that does not exist, which stops MSBuild's build (error MSB3030): the package of
   * such a folder comes from MakePQX compile, the Visual Studio Code SDK's other build, which
   * ignores the project file, so the folder is read as one without a project file.
   */
  private static Optional<Plan> fromProject(
      MsBuildProject project,
      Path folder,
      String displayName,
      ReadBudget budget,
      List<String> notes)
      throws InputException {
    String projectName = project.file().getFileName().toString();
    boolean compile = itemTypeOf(project.file()).equals(COMPILE);
    List<MsBuildProject.Item> items = project.items(compile ? COMPILE : MEZ_CONTENT);
    List<String> missing =
        items.stream()
            .filter(item -> !Files.isRegularFile(item.path()))
            .map(item -> item.spec().replace('\\', '/'))
            .distinct()
            .toList();
    if (!missing.isEmpty()) {
      notes.add(
          projectName
              + " names "
              + describe(missing)
              + ", which "
              + (missing.size() == 1 ? "is" : "are")
              + " not in the folder, so MSBuild cannot build it (error MSB3030); read the folder as"
              + " one without a project file, as MakePQX compile, which ignores project files,"
              + " would build it");
      return Optional.empty();
    }
    checkTarget(project, compile, notes);
    Map<String, File> byName = new LinkedHashMap<>();
    Map<String, String> replaced = new LinkedHashMap<>();
    Path base = folder.toAbsolutePath().normalize();
    for (MsBuildProject.Item item : items) {
      String sourcePath = relative(base, item.path());
      if (compile && isPq(item.nameAsWritten()) && !item.recursiveDir().isEmpty()) {
        notes.add(
            projectName
                + " compiles "
                + sourcePath
                + " through '"
                + item.spec()
                + "': the build copies it as "
                + item.recursiveDir()
                + stem(item.nameAsWritten())
                + ".m, into a subfolder it does not package; read without it");
        continue;
      }
      String key = EntryNames.caseInsensitiveKey(item.nameAsWritten());
      File previous = byName.remove(key);
      if (previous != null && !previous.sourcePath().equals(sourcePath)) {
        replaced.put(previous.sourcePath(), sourcePath);
      }
      byName.put(key, new File(item.nameAsWritten(), item.path(), sourcePath));
      budget.requireCountWithinLimit(byName.size());
    }
    replaced.forEach(
        (earlier, later) ->
            notes.add(
                earlier
                    + " and "
                    + later
                    + " have the same name in the package, where the build keeps the last one, "
                    + later));
    notes.addAll(project.notes().stream().map(note -> projectName + ": " + note).toList());
    Set<String> packaged = new java.util.HashSet<>();
    byName.values().forEach(f -> packaged.add(EntryNames.caseInsensitiveKey(f.sourcePath())));
    List<String> leftOut = new ArrayList<>();
    for (Path file : ProjectFolder.files(folder, displayName, name -> true, budget)) {
      String name = file.getFileName().toString();
      if (!packaged.contains(EntryNames.caseInsensitiveKey(name))) {
        leftOut.add(name);
      }
    }
    return Optional.of(
        new Plan(List.copyOf(byName.values()), Optional.of(projectName), leftOut, notes));
  }

  private static String describe(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    if (names.size() == 2) {
      return names.get(0) + " and " + names.get(1);
    }
    return names.get(0) + " and " + (names.size() - 1) + " other files";
  }

  /**
   * Whether the project's build target is the SDK's: it copies the connector's items and nothing
   * else into the folder it zips. A custom target may package more, or rewrite files; pqcert reads
   * the items as the SDK's target packages them and says so.
   */
  private static void checkTarget(MsBuildProject project, boolean compile, List<String> notes) {
    Set<String> expected =
        compile ? Set.of("@(NonPQFiles)", "@(PQFiles)") : Set.of("@(" + MEZ_CONTENT + ")");
    Set<String> copied = new LinkedHashSet<>();
    for (String source : project.copiedItems()) {
      // Copies of files named by properties (the built .mez, to Power BI's folder) package nothing.
      if (source.contains("@(")) {
        copied.add(source);
      }
    }
    if (!copied.equals(expected)) {
      notes.add(
          project.file().getFileName()
              + "'s build target is not the SDK's (it copies "
              + (copied.isEmpty() ? "nothing" : String.join(", ", copied))
              + " where the SDK's copies "
              + String.join(", ", new java.util.TreeSet<>(expected))
              + "); read as the SDK's target packages its "
              + (compile ? COMPILE : MEZ_CONTENT)
              + " items");
    }
  }

  /** The project files at the top of the folder: {@code *.proj} and {@code *.mproj}. */
  static List<Path> projectFiles(Path folder, String displayName) throws InputException {
    List<Path> projects = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        if (isProjectFileName(child.getFileName().toString())
            && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
          projects.add(child);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(displayName, "cannot list the folder", e);
    }
    projects.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    return projects;
  }

  static boolean isProjectFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && (lower.endsWith(".proj") || lower.endsWith(".mproj"));
  }

  private static String itemTypeOf(Path projectFile) {
    return projectFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mproj")
        ? COMPILE
        : MEZ_CONTENT;
  }

  private static boolean isPq(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".pq");
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String relative(Path base, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        java.util.Objects.equals(absolute.getRoot(), base.getRoot())
            ? base.relativize(absolute)
            : absolute;
    return shown.toString().replace('\\', '/');
  }

  /** How messages name a file of the folder: {@code folder/name}. */
  private static String inside(String folderDisplayName, String name) {
    String folder = folderDisplayName;
    while (folder.length() > 1 && (folder.endsWith("/") || folder.endsWith("\\"))) {
      folder = folder.substring(0, folder.length() - 1);
    }
    return folder + "/" + name;
  }
}
