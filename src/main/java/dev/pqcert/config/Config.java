package dev.pqcert.config;

import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.Level;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the user configured for a run: from a configuration file, the command line, or both (the
 * command line wins). Absent values mean the built-in defaults.
 *
 * @param file the configuration file, when one was read (for messages)
 * @param rules per rule id: switched off, or moved to another level
 * @param ignores rules ignored in files whose path inside the package matches a glob
 * @param functionNames extra function names PQ015 accepts (the part after {@code Kind.})
 * @param docsUrl where the rule documents are published, for the reports' links to them
 */
public record Config(
    Optional<Path> file,
    Optional<CheckSettings.Release> release,
    Optional<FailOn> failOn,
    Map<String, RuleSetting> rules,
    Map<String, Set<String>> ignores,
    Set<String> functionNames,
    Optional<DocsUrl> docsUrl) {

  /** No configuration: every rule on at its own level. */
  public static final Config DEFAULTS = empty(Optional.empty());

  /** Every id in an ignore list that stands for all rules. */
  public static final String ALL_RULES = "*";

  /** A configuration that sets nothing, read from {@code file} (an empty file) or from none. */
  public static Config empty(Optional<Path> file) {
    return new Config(
        file, Optional.empty(), Optional.empty(), Map.of(), Map.of(), Set.of(), Optional.empty());
  }

  public Config {
    rules = Map.copyOf(rules);
    ignores = Map.copyOf(ignores);
    functionNames = Set.copyOf(functionNames);
  }

  /** A rule's setting: off, or on at its own level or another. */
  public record RuleSetting(boolean enabled, Optional<Level> level) {
    public static final RuleSetting OFF = new RuleSetting(false, Optional.empty());
    public static final RuleSetting ON = new RuleSetting(true, Optional.empty());

    public static RuleSetting at(Level level) {
      return new RuleSetting(true, Optional.of(level));
    }

    @Override
    public boolean equals(Object other) { // written out, as Config's
      return other instanceof RuleSetting setting
          && enabled == setting.enabled
          && Objects.equals(level, setting.level);
    }

    @Override
    public int hashCode() {
      return 31 * Boolean.hashCode(enabled) + Objects.hashCode(level);
    }
  }

  // Written out: a record's own equals and hashCode are built from method handles on first use,
  // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof Config config
        && Objects.equals(file, config.file)
        && Objects.equals(release, config.release)
        && Objects.equals(failOn, config.failOn)
        && Objects.equals(rules, config.rules)
        && Objects.equals(ignores, config.ignores)
        && Objects.equals(functionNames, config.functionNames)
        && Objects.equals(docsUrl, config.docsUrl);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(file);
    hash = 31 * hash + Objects.hashCode(release);
    hash = 31 * hash + Objects.hashCode(failOn);
    hash = 31 * hash + Objects.hashCode(rules);
    hash = 31 * hash + Objects.hashCode(ignores);
    hash = 31 * hash + Objects.hashCode(functionNames);
    return 31 * hash + Objects.hashCode(docsUrl);
  }

  public boolean enabled(String ruleId) {
    RuleSetting setting = rules.get(ruleId);
    return setting == null || setting.enabled();
  }

  /** The level the user moved a rule to, if any. */
  public Optional<Level> level(String ruleId) {
    RuleSetting setting = rules.get(ruleId);
    return setting == null ? Optional.empty() : setting.level();
  }

  /**
   * Whether the rule is ignored in this file (its path inside the package). A glob without a {@code
   * /} matches the file name wherever the file is; one with a {@code /} the whole path.
   */
  public boolean ignored(String file, String ruleId) {
    for (Map.Entry<String, Set<String>> ignore : ignores.entrySet()) {
      Set<String> ids = ignore.getValue();
      if ((ids.contains(ruleId) || ids.contains(ALL_RULES)) && matches(ignore.getKey(), file)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(String glob, String file) {
    Path path = Path.of(file);
    if (!glob.contains("/")) {
      Path name = path.getFileName();
      return name != null && matcher(glob).matches(name);
    }
    // "**/x" also matches x at the top, as in .gitignore (Java's glob wants a "/" there).
    return matcher(glob).matches(path)
        || (glob.startsWith("**/") && matcher(glob.substring(3)).matches(path));
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  /** The settings the rules see. */
  public CheckSettings settings() {
    return new CheckSettings(release.orElse(CheckSettings.Release.INITIAL), functionNames);
  }

  public FailOn effectiveFailOn() {
    return failOn.orElse(FailOn.MUST);
  }

  /** This configuration with values given on the command line taking precedence. */
  public Config override(Optional<CheckSettings.Release> release, Optional<FailOn> failOn) {
    return new Config(
        file,
        release.or(this::release),
        failOn.or(this::failOn),
        rules,
        ignores,
        functionNames,
        docsUrl);
  }
}
