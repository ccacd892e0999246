package dev.pqcert.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One problem found in one target. Package-level findings have no location.
 *
 * @param related other places with the same root cause (the further places a flow reaches, the
 *     other uses of a missing resource key), each with a short label; the message counts them
 * @param path for a flow: the steps from its source to the place reported, each located, which
 *     SARIF shows as a code flow
 * @param fix the edits that remedy it, when a tool can make them safely
 */
public record Finding(
    String ruleId,
    Level level,
    String message,
    Optional<Location> location,
    List<Related> related,
    List<Related> path,
    Optional<Fix> fix) {

  /** A place that belongs to a finding without being where it is reported. */
  public record Related(String label, Location location) {
    public Related {
      label = Messages.oneLine(label);
    }
  }

  /** Report order: package-level first, then by file, position, rule and message. */
  public static final Comparator<Finding> ORDER =
      Comparator.<Finding, Boolean>comparing(f -> f.location().isPresent())
          .thenComparing(f -> f.location().map(Location::file).orElse(""))
          .thenComparing(f -> f.location().map(l -> l.span().start().offset()).orElse(0))
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  public Finding {
    related = List.copyOf(related);
    path = List.copyOf(path);
  }

  public Finding(
      String ruleId,
      Level level,
      String message,
      Optional<Location> location,
      List<Related> related,
      List<Related> path) {
    this(ruleId, level, message, location, related, path, Optional.empty());
  }

  public Finding(String ruleId, Level level, String message, Optional<Location> location) {
    this(ruleId, level, message, location, List.of(), List.of());
  }

  /** The same finding at another level (the user's configuration moved its rule). */
  public Finding withLevel(Level other) {
    return new Finding(ruleId, other, message, location, related, path, fix);
  }

  /** The same finding, remedied by {@code remedy}. */
  public Finding withFix(Fix remedy) {
    return new Finding(ruleId, level, message, location, related, path, Optional.of(remedy));
  }

  /** The file the finding is in; empty for a package-level finding. */
  public Optional<String> file() {
    return location.map(Location::file);
  }
}
