package dev.pqcert.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds and reads {@code pqcert.json} / {@code pqcert.yaml}. The file is read into a small tree
 * that keeps each key's and value's position, so every mistake (an unknown key, an unknown rule id,
 * a level that does not exist) is reported at its line and column.
 */
public final class ConfigLoader {
  /** The names a configuration file may have, in the order they are looked for. */
  public static final List<String> FILE_NAMES = List.of("pqcert.json", "pqcert.yaml", "pqcert.yml");

  /** Configuration files are small; anything larger is a mistake, not a configuration. */
  static final int MAX_BYTES = 1 << 20;

  private static final Pattern RULE_ID = Pattern.compile("PQ\\d{3}");
  private static final List<String> KEYS =
      List.of("release", "failOn", "rules", "ignore", "functionNames", "docsUrl");

  /** How a rule is switched off or on, or moved to a level. */
  private static final Spellings<Config.RuleSetting> RULE_SETTINGS =
      Spellings.of(
          Map.of(
              "off", Config.RuleSetting.OFF,
              "on", Config.RuleSetting.ON,
              "must", Config.RuleSetting.at(Level.MUST),
              "should", Config.RuleSetting.at(Level.SHOULD),
              "review", Config.RuleSetting.at(Level.REVIEW)));

  private final Set<String> knownRuleIds;

  public ConfigLoader(Set<String> knownRuleIds) {
    this.knownRuleIds = Set.copyOf(knownRuleIds);
  }

  /**
   * The configuration file that applies to a target: in the target's folder (or the folder holding
   * the target file), else in the nearest parent folder, stopping at a repository root (a folder
   * with {@code .git}) and at the user's home folder: without a repository (an unpacked tarball, a
   * container) the walk would otherwise reach {@code /} and could pick up an unrelated file.
   */
  public static Optional<Path> discover(Path target) throws ConfigException {
    return discover(target, userHomeFolders());
  }

  /**
   * As {@link #discover(Path)}, with the home folders to stop at (looked in, never above); a home
   * given through a symbolic link stops the walk both as given and as resolved.
   */
  static Optional<Path> discover(Path target, Set<Path> homes) throws ConfigException {
    Path folder = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
    for (Path dir = folder == null ? null : folder.toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      List<Path> found = new ArrayList<>();
      for (String name : FILE_NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          found.add(candidate);
        }
      }
      if (found.size() > 1) {
        throw new ConfigException(
            found.get(0).toString(),
            "both "
                + found.get(0).getFileName()
                + " and "
                + found.get(1).getFileName()
                + " exist;"
                + " keep one");
      }
      if (found.size() == 1) {
        return Optional.of(relativeIfInside(found.get(0)));
      }
      if (Files.exists(dir.resolve(".git")) || homes.contains(dir)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The user's home folder, as given and as resolved; empty when Java does not know it. */
  private static Set<Path> userHomeFolders() {
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank()) {
      return Set.of();
    }
    try {
      Path given = Path.of(home).toAbsolutePath().normalize();
      Set<Path> homes = new HashSet<>();
      homes.add(given);
      if (Files.isDirectory(given)) {
        homes.add(given.toRealPath());
      }
      return Set.copyOf(homes);
    } catch (InvalidPathException | IOException unusable) {
      return Set.of();
    }
  }

  private static Path relativeIfInside(Path file) {
    Path here = Path.of("").toAbsolutePath();
    return file.startsWith(here) ? here.relativize(file) : file;
  }

  /** Reads one configuration file. */
  public Config load(Path file) throws ConfigException {
    String display = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ConfigException(display, "cannot read the configuration: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new ConfigException(display, "larger than 1 MiB; this is not a pqcert configuration");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    boolean yaml =
        name.toLowerCase(Locale.ROOT).endsWith(".yaml")
            || name.toLowerCase(Locale.ROOT).endsWith(".yml");
    return parse(display, text, yaml, Optional.of(file));
  }

  /** Reads configuration text; {@code display} names it in messages. */
  public Config parse(String display, String text, boolean yaml, Optional<Path> file)
      throws ConfigException {
    Node root;
    JsonFactory factory = yaml ? new YAMLFactory() : new JsonFactory();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Config.empty(file); // an empty file
      }
      root = Node.read(parser, display);
      if (parser.nextToken() != null) {
        throw error(display, parser.currentLocation(), "unexpected content after the settings");
      }
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      throw error(
          display,
          e.getLocation(),
          "not valid "
              + (yaml ? "YAML" : "JSON")
              + ": "
              + (cut < 0 ? message : message.substring(0, cut)));
    } catch (IOException e) {
      throw new ConfigException(display, "cannot read the configuration: " + e.getMessage());
    }
    return interpret(display, root, file);
  }

  private Config interpret(String display, Node root, Optional<Path> file) throws ConfigException {
    Node.Obj settings = root.object(display, "the configuration");
    Optional<CheckSettings.Release> release = Optional.empty();
    Optional<FailOn> failOn = Optional.empty();
    Map<String, Config.RuleSetting> rules = new LinkedHashMap<>();
    Map<String, Set<String>> ignores = new LinkedHashMap<>();
    Set<String> functionNames = new TreeSet<>();
    Optional<DocsUrl> docsUrl = Optional.empty();
    for (Map.Entry<String, Node.Field> entry : settings.fields().entrySet()) {
      Node.Field field = entry.getValue();
      switch (entry.getKey()) {
        case "release" ->
            release = Optional.of(choice(display, field.value(), "release", Spellings.RELEASE));
        case "failOn" ->
            failOn = Optional.of(choice(display, field.value(), "failOn", Spellings.FAIL_ON));
        case "rules" -> {
          for (Map.Entry<String, Node.Field> rule :
              field.value().object(display, "\"rules\"").fields().entrySet()) {
            ruleId(display, rule.getKey(), rule.getValue().keyAt());
            rules.put(rule.getKey(), ruleSetting(display, rule.getKey(), rule.getValue().value()));
          }
        }
        case "ignore" -> {
          for (Map.Entry<String, Node.Field> ignore :
              field.value().object(display, "\"ignore\"").fields().entrySet()) {
            glob(display, ignore.getKey(), ignore.getValue().keyAt());
            Set<String> ids = new TreeSet<>();
            for (Node id :
                ignore
                    .getValue()
                    .value()
                    .array(display, "the rules ignored in " + ignore.getKey())) {
              String text = id.text(display, "a rule id");
              if (!text.equals(Config.ALL_RULES)) {
                ruleId(display, text, id.at());
              }
              ids.add(text);
            }
            ignores.put(ignore.getKey(), ids);
          }
        }
        case "functionNames" -> {
          for (Node name : field.value().array(display, "\"functionNames\"")) {
            functionNames.add(name.text(display, "a function name"));
          }
        }
        case "docsUrl" -> {
          String text = field.value().text(display, "\"docsUrl\"");
          try {
            docsUrl = Optional.of(DocsUrl.parse(text));
          } catch (DocsUrl.Invalid invalid) {
            throw error(
                display,
                field.value().at(),
                "'" + text + "' is not a valid docsUrl: " + invalid.getMessage());
          }
        }
        default ->
            throw error(
                display,
                field.keyAt(),
                "unknown key '" + entry.getKey() + "'; known keys: " + String.join(", ", KEYS));
      }
    }
    return new Config(file, release, failOn, rules, ignores, functionNames, docsUrl);
  }

  /** "off", "on", or a level; YAML's bare {@code off}/{@code on} arrive as booleans. */
  private static Config.RuleSetting ruleSetting(String display, String id, Node node)
      throws ConfigException {
    if (node instanceof Node.Scalar scalar) {
      if (scalar.token() == JsonToken.VALUE_FALSE) {
        return Config.RuleSetting.OFF;
      }
      if (scalar.token() == JsonToken.VALUE_TRUE) {
        return Config.RuleSetting.ON;
      }
    }
    return choice(display, node, "setting for " + id, RULE_SETTINGS);
  }

  private void ruleId(String display, String id, JsonLocation at) throws ConfigException {
    if (!knownRuleIds.contains(id)) {
      throw error(
          display,
          at,
          "unknown rule id '"
              + id
              + "'"
              + (RULE_ID.matcher(id).matches() ? "" : " (ids look like PQ013)")
              + "; 'pqcert rules' lists them");
    }
  }

  private static void glob(String display, String glob, JsonLocation at) throws ConfigException {
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) { // includes PatternSyntaxException
      throw error(display, at, "'" + glob + "' is not a valid file pattern");
    }
  }

  private static <T> T choice(String display, Node node, String what, Spellings<T> spellings)
      throws ConfigException {
    String text = node.text(display, what);
    try {
      return spellings.parse(text);
    } catch (Spellings.Unknown unknown) {
      throw error(
          display,
          node.at(),
          "'" + text + "' is not a valid " + what + "; " + unknown.getMessage());
    }
  }

  static ConfigException error(String display, JsonLocation at, String problem) {
    if (at == null || at.getLineNr() < 1) {
      return new ConfigException(display, problem);
    }
    return new ConfigException(
        display + ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr()), problem);
  }

  /** A parsed configuration value with the position it was written at. */
  sealed interface Node {
    JsonLocation at();

    record Field(JsonLocation keyAt, Node value) {}

    record Obj(JsonLocation at, Map<String, Field> fields) implements Node {}

    record Arr(JsonLocation at, List<Node> items) implements Node {}

    record Scalar(JsonLocation at, JsonToken token, String text) implements Node {}

    /** Reads the value at the parser's current token (Jackson bounds the nesting depth). */
    static Node read(JsonParser parser, String display) throws IOException, ConfigException {
      JsonLocation at = parser.currentTokenLocation();
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonLocation keyAt = parser.currentTokenLocation();
          parser.nextToken();
          Node value = read(parser, display);
          if (fields.containsKey(name)) {
            throw error(display, keyAt, "'" + name + "' is given twice");
          }
          fields.put(name, new Field(keyAt, value));
        }
        return new Obj(at, fields);
      }
      if (token == JsonToken.START_ARRAY) {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser, display));
        }
        return new Arr(at, items);
      }
      return new Scalar(at, token, parser.getText());
    }

    default Obj object(String display, String what) throws ConfigException {
      if (this instanceof Obj obj) {
        return obj;
      }
      throw error(display, at(), what + " must be an object of settings");
    }

    default List<Node> array(String display, String what) throws ConfigException {
      if (this instanceof Arr arr) {
        return arr.items();
      }
      throw error(display, at(), what + " must be a list");
    }

    default String text(String display, String what) throws ConfigException {
      if (this instanceof Scalar scalar && scalar.token() == JsonToken.VALUE_STRING) {
        return scalar.text();
      }
      throw error(display, at(), what + " must be text");
    }
  }
}
