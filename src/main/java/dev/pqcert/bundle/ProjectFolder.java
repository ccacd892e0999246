package dev.pqcert.bundle;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The files of a connector project folder in the Power Query SDK layout: only the top level
 * matters; {@code bin/}, {@code obj/}, {@code .vscode/} and the MSBuild project are tooling.
 */
final class ProjectFolder {
  private static final List<String> BUILD_FILE_EXTENSIONS = List.of(".mproj", ".proj", ".sln");

  /**
   * pqcert's own files (configuration, baseline) live beside the sources but are not part of them.
   */
  private static final Pattern PQCERT_FILE =
      Pattern.compile("pqcert[^/]*\\.(json|ya?ml)", Pattern.CASE_INSENSITIVE);

  private ProjectFolder() {}

  /**
   * The folder's top-level regular files that {@code include} accepts, sorted by name. Hidden
   * files, symbolic links, subfolders and build project files are never listed.
   *
   * @param budget enforces the limit on the number of files, before any is read
   */
  static List<Path> files(
      Path folder, String displayName, Predicate<String> include, ReadBudget budget)
      throws InputException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (isSourceFile(child, name) && include.test(name)) {
          files.add(child);
          budget.requireCountWithinLimit(files.size());
        }
      }
    } catch (NoSuchFileException e) {
      throw new InputException(displayName, "no such folder", e);
    } catch (NotDirectoryException e) {
      throw new InputException(displayName, "not a folder", e);
    } catch (AccessDeniedException e) {
      throw new InputException(displayName, "permission denied", e);
    } catch (IOException | DirectoryIteratorException e) {
      throw new InputException(displayName, "cannot list the folder", e);
    }
    // Directory order varies between file systems; sorting makes reads and limit errors repeatable.
    files.sort(Comparator.comparing(file -> file.getFileName().toString()));
    return files;
  }

  /**
   * A Visual Studio user options file of a project or solution ({@code Contoso.mproj.user}); a
   * connector's own file that merely ends in {@code .user} ({@code client_id.user}) is a source.
   */
  private static boolean isUserOptions(String lower) {
    return lower.endsWith(".user")
        && BUILD_FILE_EXTENSIONS.stream()
            .anyMatch(e -> lower.substring(0, lower.length() - ".user".length()).endsWith(e));
  }

  private static boolean isSourceFile(Path path, String name) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith(".")
        || BUILD_FILE_EXTENSIONS.stream().anyMatch(lower::endsWith)
        || isUserOptions(lower)
        || PQCERT_FILE.matcher(name).matches()) {
      return false;
    }
    BasicFileAttributes attributes =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    // Not following links keeps reads inside the folder; isHidden adds Windows' hidden attribute.
    return attributes.isRegularFile() && !Files.isHidden(path);
  }
}
