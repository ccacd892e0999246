package dev.pqcert.check;

import dev.pqcert.rules.Level;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the configuration in force for a target changed about the rules, for reports that state it.
 *
 * @param configFile the configuration file, as found or given; empty when none was read
 * @param disabled rules it switched off, sorted
 * @param levels rules it moved to a level other than their own, with that level, sorted by id
 */
public record RuleOverrides(
    Optional<String> configFile, List<String> disabled, SortedMap<String, Level> levels) {

  /** No configuration: every rule on at its own level. */
  public static final RuleOverrides NONE =
      new RuleOverrides(Optional.empty(), List.of(), new TreeMap<>());

  public RuleOverrides {
    disabled = disabled.stream().sorted().toList();
    levels = Collections.unmodifiableSortedMap(new TreeMap<>(levels));
  }
}
