package dev.pqcert.rules;

import java.util.Comparator;
import java.util.Optional;

/** One problem found in one target. Package-level findings have no location. */
public record Finding(String ruleId, Level level, String message, Optional<Location> location) {

  /** Report order: package-level first, then by file, position, rule and message. */
  public static final Comparator<Finding> ORDER =
      Comparator.<Finding, Boolean>comparing(f -> f.location().isPresent())
          .thenComparing(f -> f.location().map(Location::file).orElse(""))
          .thenComparing(f -> f.location().map(l -> l.span().start().offset()).orElse(0))
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  /** The same finding at another level (the user's configuration moved its rule). */
  public Finding withLevel(Level other) {
    return new Finding(ruleId, other, message, location);
  }

  /** The file the finding is in; empty for a package-level finding. */
  public Optional<String> file() {
    return location.map(Location::file);
  }
}
