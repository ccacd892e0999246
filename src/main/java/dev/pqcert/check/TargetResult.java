package dev.pqcert.check;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one target: its findings, or the reason it could not be read (then there
 * are no findings and {@code kind} may be unknown).
 */
public record TargetResult(
    String path, Optional<BundleKind> kind, List<Finding> findings, Optional<String> error) {

  public static TargetResult unreadable(String path, String problem) {
    return new TargetResult(path, Optional.empty(), List.of(), Optional.of(problem));
  }

  public long count(Level level) {
    return findings.stream().filter(f -> f.level() == level).count();
  }
}
