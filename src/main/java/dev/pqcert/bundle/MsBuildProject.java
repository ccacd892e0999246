package dev.pqcert.bundle;

import dev.pqcert.bundle.XmlInput.Element;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of MSBuild's evaluation that decides which files a connector project's items name:
 * properties (with the simple conditions project files use), then items with their {@code Include},
 * {@code Exclude} and {@code Remove} lists, wildcards ({@code *}, {@code ?}, {@code **}) and {@code
 * %(RecursiveDir)}. Targets are not run; {@link FolderLayout} applies what the SDK's targets do
 * with the items. Names are compared without regard to case, as on Windows.
 *
 * <p>What is left out, each said in a note when a project uses it: property functions, item
 * transforms, {@code Choose}, imports (the SDK templates import nothing that adds these items).
 */
final class MsBuildProject {
  /** A file an item names. */
  record Item(Path path, String nameAsWritten, String recursiveDir, String spec) {}

  /** Folders a wildcard never descends into: build output and hidden folders. */
  private static final Set<String> SKIPPED_FOLDERS = Set.of("bin", "obj");

  /** More folders than any connector project has: a wildcard over a whole disk stops here. */
  private static final int MAX_FOLDERS_SEARCHED = 10_000;

  private static final Pattern PROPERTY = Pattern.compile("\\$\\(([^()]*)\\)");

  private final Path file;
  private final Path folder;
  private final Element document;
  private final Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Set<String> notes = new LinkedHashSet<>();
  private int foldersSearched;

  private MsBuildProject(Path file, Element document) {
    this.file = file;
    this.folder = file.toAbsolutePath().normalize().getParent();
    this.document = document;
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String name = dot > 0 ? fileName.substring(0, dot) : fileName;
    String directory = folder.toString();
    properties.put("MSBuildProjectName", name);
    properties.put("MSBuildProjectFile", fileName);
    properties.put("MSBuildProjectExtension", dot > 0 ? fileName.substring(dot) : "");
    properties.put("MSBuildProjectDirectory", directory);
    properties.put("MSBuildProjectFullPath", folder.resolve(fileName).toString());
    properties.put("MSBuildThisFileName", name);
    properties.put("MSBuildThisFile", fileName);
    properties.put("MSBuildThisFileDirectory", directory + java.io.File.separator);
    properties.put("MSBuildThisFileFullPath", folder.resolve(fileName).toString());
    // Microsoft.Common.targets, which the Visual Studio SDK's .mproj imports, defines this one.
    properties.put("ProjectName", name);
    evaluateProperties();
  }

  /**
   * Parses a project file.
   *
   * @throws InputException if it is not well-formed XML or not an MSBuild project
   */
  static MsBuildProject read(Path file, String displayName, byte[] bytes) throws InputException {
    Element document;
    try {
      document = XmlInput.read(bytes);
    } catch (XmlInput.MalformedException e) {
      throw new InputException(
          displayName,
          "not a valid project file ("
              + (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "")
              + e.getMessage()
              + ")",
          e);
    }
    if (!"Project".equals(document.name())) {
      throw new InputException(displayName, "not an MSBuild project (its root is not <Project>)");
    }
    return new MsBuildProject(file, document);
  }

  Path file() {
    return file;
  }

  /** What evaluation could not follow, one sentence each, in the order met. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Whether the project has items of this type outside targets. */
  boolean declares(String itemType) {
    for (Element group : document.children("ItemGroup")) {
      if (!group.children(itemType).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The {@code Copy} tasks of every target: their {@code SourceFiles}, as written. */
  List<String> copiedItems() {
    List<String> copied = new ArrayList<>();
    for (Element target : document.children("Target")) {
      for (Element copy : target.descendants("Copy")) {
        copied.add(copy.attribute("SourceFiles").orElse("").strip());
      }
    }
    return copied;
  }

  /** The files the items of one type name, in MSBuild's order. */
  List<Item> items(String itemType) {
    List<Item> items = new ArrayList<>();
    for (Element group : document.children("ItemGroup")) {
      if (!condition(group)) {
        continue;
      }
      for (Element element : group.children(itemType)) {
        if (!condition(element)) {
          continue;
        }
        if (element.attributes().containsKey("Include")) {
          List<Item> included = expand(itemType, element.attributes().get("Include"));
          if (element.attributes().containsKey("Exclude")) {
            List<Item> excluded = expand(itemType, element.attributes().get("Exclude"));
            included.removeIf(item -> excluded.stream().anyMatch(e -> samePath(e, item)));
          }
          items.addAll(included);
        } else if (element.attributes().containsKey("Remove")) {
          List<Item> removed = expand(itemType, element.attributes().get("Remove"));
          items.removeIf(item -> removed.stream().anyMatch(r -> samePath(r, item)));
        }
      }
    }
    return items;
  }

  private static boolean samePath(Item a, Item b) {
    return key(a.path()).equals(key(b.path()));
  }

  private static String key(Path path) {
    return EntryNames.caseInsensitiveKey(path.toAbsolutePath().normalize().toString());
  }

  // --- properties -------------------------------------------------------------------------------

  private void evaluateProperties() {
    for (Element element : document.children()) {
      String name = element.name();
      if (name.equals("PropertyGroup")) {
        if (!condition(element)) {
          continue;
        }
        for (Element property : element.children()) {
          if (condition(property)) {
            properties.put(property.name(), expandProperties(property.text().strip()));
          }
        }
      } else if (name.equals("Choose")) {
        notes.add("its <Choose> is not evaluated: the items and properties inside it are left out");
      }
    }
  }

  private String expandProperties(String text) {
    return expandProperties(text, true);
  }

  /**
   * {@code $(Name)} replaced by the property's value; an undefined property is empty.
   *
   * @param noted whether a property function is worth a note: in items and their conditions, not in
   *     properties that may never be used for them
   */
  private String expandProperties(String text, boolean noted) {
    Matcher matcher = PROPERTY.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1).strip();
      String value;
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        if (noted) {
          notes.add(
              "'$("
                  + name
                  + ")' is a property function, which pqcert does not evaluate; read as empty");
        }
        value = "";
      } else {
        value = properties.getOrDefault(name, "");
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  // --- conditions -------------------------------------------------------------------------------

  private boolean condition(Element element) {
    String condition = element.attributes().get("Condition");
    if (condition == null) {
      return true;
    }
    try {
      return new ConditionParser(expandProperties(condition)).parse();
    } catch (IllegalArgumentException unknown) {
      notes.add(
          "the condition \""
              + condition.strip()
              + "\" is beyond what pqcert evaluates; taken as true");
      return true;
    }
  }

  /** {@code ==}, {@code !=}, {@code and}, {@code or}, {@code !}, parentheses, {@code Exists()}. */
  private final class ConditionParser {
    private final String text;
    private int at;

    ConditionParser(String text) {
      this.text = text;
    }

    boolean parse() {
      boolean value = or();
      skipSpaces();
      if (at != text.length()) {
        throw new IllegalArgumentException(text);
      }
      return value;
    }

    private boolean or() {
      boolean value = and();
      while (keyword("or")) {
        value |= and();
      }
      return value;
    }

    private boolean and() {
      boolean value = unary();
      while (keyword("and")) {
        value &= unary();
      }
      return value;
    }

    private boolean unary() {
      skipSpaces();
      if (peek('!') && !text.startsWith("!=", at)) {
        at++;
        return !unary();
      }
      if (peek('(')) {
        at++;
        boolean value = or();
        expect(')');
        return value;
      }
      if (text.regionMatches(true, at, "Exists", 0, 6)) {
        at += 6;
        skipSpaces();
        expect('(');
        String path = operand();
        expect(')');
        return !path.isBlank() && Files.exists(folder.resolve(path.replace('\\', '/')));
      }
      String left = operand();
      skipSpaces();
      if (text.startsWith("==", at) || text.startsWith("!=", at)) {
        boolean equal = text.startsWith("==", at);
        at += 2;
        String right = operand();
        return equal == left.equalsIgnoreCase(right);
      }
      if (left.equalsIgnoreCase("true")) {
        return true;
      }
      if (left.equalsIgnoreCase("false")) {
        return false;
      }
      throw new IllegalArgumentException(text);
    }

    private String operand() {
      skipSpaces();
      if (peek('\'')) {
        int end = text.indexOf('\'', at + 1);
        if (end < 0) {
          throw new IllegalArgumentException(text);
        }
        String value = text.substring(at + 1, end);
        at = end + 1;
        return value;
      }
      int start = at;
      while (at < text.length()
          && !Character.isWhitespace(text.charAt(at))
          && "()=!<>".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException(text);
      }
      return text.substring(start, at);
    }

    private boolean keyword(String word) {
      skipSpaces();
      if (text.regionMatches(true, at, word, 0, word.length())
          && (at + word.length() == text.length()
              || !Character.isLetterOrDigit(text.charAt(at + word.length())))) {
        at += word.length();
        return true;
      }
      return false;
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
      skipSpaces();
      if (!peek(c)) {
        throw new IllegalArgumentException(text);
      }
      at++;
    }

    private void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }

  // --- items ------------------------------------------------------------------------------------

  /** The files a semicolon-separated list of paths and wildcards names, in MSBuild's order. */
  private List<Item> expand(String itemType, String list) {
    List<Item> items = new ArrayList<>();
    for (String part : expandProperties(list).split(";", -1)) {
      String spec = part.strip();
      if (spec.isEmpty()) {
        continue;
      }
      if (spec.contains("@(") || spec.contains("%(")) {
        notes.add(
            "the "
                + itemType
                + " item '"
                + spec
                + "' refers to other items or metadata, which pqcert does not evaluate; left out");
        continue;
      }
      String path = spec.replace('\\', '/');
      try {
        if (path.contains("*") || path.contains("?")) {
          items.addAll(expandWildcard(spec, path));
        } else {
          Path resolved = resolveIgnoringCase(folder.resolve(path).normalize());
          String name = path.substring(path.lastIndexOf('/') + 1);
          items.add(new Item(resolved, name, "", spec));
        }
      } catch (InvalidPathException e) {
        // Characters no file name can hold (on this system): MSBuild would fail on it too.
        notes.add("the " + itemType + " item '" + spec + "' is not a valid path; left out");
      }
    }
    return items;
  }

  private List<Item> expandWildcard(String spec, String path) {
    List<String> segments = new ArrayList<>(List.of(path.split("/+", -1)));
    Path base;
    if (path.startsWith("/")) {
      base = Path.of("/");
      segments.remove(0);
    } else if (!segments.isEmpty() && segments.get(0).matches("[A-Za-z]:")) {
      base = Path.of(segments.remove(0) + "/");
    } else {
      base = folder;
    }
    // The fixed folders before the first wildcard, then the patterns.
    while (segments.size() > 1 && !isWildcard(segments.get(0))) {
      base = resolveIgnoringCase(base.resolve(segments.remove(0)).normalize());
    }
    List<Item> found = new ArrayList<>();
    match(base, segments, "", found, spec);
    found.sort(Comparator.comparing(item -> key(item.path())));
    return found;
  }

  private void match(
      Path dir, List<String> patterns, String recursiveDir, List<Item> found, String spec) {
    if (patterns.isEmpty()) {
      return;
    }
    if (foldersSearched++ > MAX_FOLDERS_SEARCHED) {
      notes.add(
          "the wildcards of its items searched more than "
              + MAX_FOLDERS_SEARCHED
              + " folders; the files further on are left out");
      return;
    }
    String pattern = patterns.get(0);
    List<String> rest = patterns.subList(1, patterns.size());
    List<Path> children = list(dir);
    if (pattern.equals("**")) {
      match(dir, rest, recursiveDir, found, spec);
      for (Path child : children) {
        if (isSearchedFolder(child)) {
          match(child, patterns, recursiveDir + child.getFileName() + "/", found, spec);
        }
      }
      return;
    }
    Pattern glob = glob(pattern);
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (!glob.matcher(name).matches()) {
        continue;
      }
      if (rest.isEmpty()) {
        if (Files.isRegularFile(child)) {
          found.add(new Item(child, name, recursiveDir, spec));
        }
      } else if (isSearchedFolder(child)) {
        String below =
            isWildcard(pattern) || !recursiveDir.isEmpty() ? recursiveDir + name + "/" : "";
        match(child, rest, below, found, spec);
      }
    }
  }

  private static boolean isSearchedFolder(Path path) {
    String name = path.getFileName().toString();
    return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
        && !name.startsWith(".")
        && !SKIPPED_FOLDERS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static boolean isWildcard(String segment) {
    return segment.contains("*") || segment.contains("?");
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static List<Path> list(Path dir) {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return children;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException | RuntimeException unreadable) {
      return children; // as MSBuild, a folder that cannot be listed matches nothing
    }
    children.sort(
        Comparator.comparing(p -> p.getFileName().toString(), String.CASE_INSENSITIVE_ORDER));
    return children;
  }

  /**
   * The path as Windows would find it: when it does not exist as written, a file or folder whose
   * name differs only in case, looked up segment by segment.
   */
  static Path resolveIgnoringCase(Path path) {
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) || path.getParent() == null) {
      return path;
    }
    Path parent = resolveIgnoringCase(path.getParent());
    String name = String.valueOf(path.getFileName());
    Path exact = parent.resolve(name);
    if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS)) {
      return exact;
    }
    String wanted = EntryNames.caseInsensitiveKey(name);
    for (Path child : list(parent)) {
      if (EntryNames.caseInsensitiveKey(child.getFileName().toString()).equals(wanted)) {
        return child;
      }
    }
    return exact;
  }
}
