package dev.pqcert.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the connector projects in and below a folder, as Ruff and ESLint find their files: a folder
 * that holds a section document or a connector project file is one connector (its subfolders belong
 * to it); any other folder is searched, in name order, skipping build output ({@code bin}, {@code
 * obj}), {@code node_modules} and hidden folders ({@code .git}, {@code .vs}, {@code .vscode}).
 * Symbolic links to folders are not followed.
 */
public final class ConnectorDiscovery {
  /** Folder names never searched, compared without case; hidden folders are skipped too. */
  private static final Set<String> SKIPPED = Set.of("bin", "obj", "node_modules");

  /** A folder deeper or wider than this is not a repository of connectors. */
  private static final int MAX_FOLDERS = 20_000;

  /** How much of an {@code .m} file is read to see whether it is a section document. */
  private static final int SNIFF_BYTES = 64 * 1024;

  private static final Pattern SECTION =
      Pattern.compile("(?:^|[\\s\\]])section(?:\\s+[\\w.#\"]|\\s*;)", Pattern.MULTILINE);

  private ConnectorDiscovery() {}

  /** Whether this folder is a connector project: it holds a section document or a project file. */
  public static boolean isConnector(Path folder) {
    for (Path child : children(folder)) {
      if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) && marksConnector(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The connector projects below a folder that is not one itself, in a stable order (by path, each
   * folder's children by name); empty when there is none.
   *
   * @throws InputException if the search would go on without end (a whole disk, say)
   */
  public static List<Path> below(Path folder, String displayName) throws InputException {
    List<Path> found = new ArrayList<>();
    Deque<Path> pending = new ArrayDeque<>();
    pending.push(folder);
    int searched = 0;
    while (!pending.isEmpty()) {
      Path current = pending.pop();
      if (++searched > MAX_FOLDERS) {
        throw new InputException(
            displayName,
            "more than "
                + MAX_FOLDERS
                + " folders to search for connectors; name the connector's folder");
      }
      List<Path> subfolders = new ArrayList<>();
      for (Path child : children(current)) {
        if (isSearched(child)) {
          subfolders.add(child);
        }
      }
      // Depth first, in name order: pushed in reverse so the first name is searched first.
      for (int i = subfolders.size() - 1; i >= 0; i--) {
        Path subfolder = subfolders.get(i);
        if (isConnector(subfolder)) {
          found.add(subfolder);
        } else {
          pending.push(subfolder);
        }
      }
    }
    found.sort(Comparator.comparing(ConnectorDiscovery::sortKey));
    return found;
  }

  private static String sortKey(Path path) {
    return path.toString().replace('\\', '/');
  }

  private static boolean isSearched(Path path) {
    String name = String.valueOf(path.getFileName());
    return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
        && !name.startsWith(".")
        && !SKIPPED.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A {@code .pq} file that is not a test, an {@code .m} file that reads as a section document (an
   * {@code .m} file may be MATLAB), a Visual Studio SDK project, or an MSBuild project with {@code
   * MezContent} items.
   */
  private static boolean marksConnector(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith(".")) {
      return false;
    }
    if (lower.endsWith(".pq")) {
      return !EntryKind.isTestFile(lower);
    }
    if (lower.endsWith(".m")) {
      return looksLikeSection(file);
    }
    if (lower.endsWith(".mproj")) {
      return true;
    }
    if (lower.endsWith(".proj")) {
      return contains(file, FolderLayout.MEZ_CONTENT);
    }
    return false;
  }

  private static boolean looksLikeSection(Path file) {
    String text = head(file);
    // Comments out, so that a 'section' in one does not count.
    String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\r\\n]*", " ");
    return SECTION.matcher(code).find();
  }

  private static boolean contains(Path file, String text) {
    return head(file).contains(text);
  }

  /** The start of a file, decoded as the reader decodes files (UTF-8, or UTF-16 with a mark). */
  private static String head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return TextDecoder.decode(file.toString(), in.readNBytes(SNIFF_BYTES)).text();
    } catch (IOException | InputException | RuntimeException unreadable) {
      return "";
    }
  }

  private static List<Path> children(Path folder) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(children::add);
    } catch (IOException | RuntimeException unreadable) {
      return children; // a folder that cannot be listed holds no connector found
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return children;
  }
}
