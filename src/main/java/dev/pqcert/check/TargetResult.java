package dev.pqcert.check;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.model.Submission;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one target: its findings, or the reason it could not be read (then there
 * are no findings and {@code kind} may be unknown).
 *
 * @param suppressed findings an inline suppression removed, with its reason
 * @param baselined findings the baseline accepted (not reported, but not fixed either)
 * @param overrides what the configuration in force for this target changed about the rules
 * @param notes what reading the target noticed (how a project file was read), one sentence each,
 *     for standard error
 * @param submission the test reports paired with the connector and what they test; empty when the
 *     run named none
 */
public record TargetResult(
    String path,
    Optional<BundleKind> kind,
    List<Finding> findings,
    Optional<String> error,
    List<SuppressedFinding> suppressed,
    List<Finding> baselined,
    RuleOverrides overrides,
    List<String> notes,
    Optional<Submission> submission) {

  public TargetResult {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
    baselined = List.copyOf(baselined);
    notes = List.copyOf(notes);
  }

  /** A result without test reports. */
  public TargetResult(
      String path,
      Optional<BundleKind> kind,
      List<Finding> findings,
      Optional<String> error,
      List<SuppressedFinding> suppressed,
      List<Finding> baselined,
      RuleOverrides overrides,
      List<String> notes) {
    this(path, kind, findings, error, suppressed, baselined, overrides, notes, Optional.empty());
  }

  /** A result with nothing suppressed, baselined, overridden or noted. */
  public TargetResult(
      String path, Optional<BundleKind> kind, List<Finding> findings, Optional<String> error) {
    this(path, kind, findings, error, List.of(), List.of(), RuleOverrides.NONE, List.of());
  }

  public static TargetResult unreadable(String path, String problem) {
    return new TargetResult(path, Optional.empty(), List.of(), Optional.of(problem));
  }

  /** The same result with only the findings a baseline did not accept. */
  public TargetResult withBaselined(List<Finding> kept, List<Finding> accepted) {
    return new TargetResult(
        path, kind, kept, error, suppressed, accepted, overrides, notes, submission);
  }

  /** The same result reporting only these of its findings (the others are not counted anywhere). */
  public TargetResult withFindings(List<Finding> shown) {
    return new TargetResult(
        path, kind, shown, error, suppressed, baselined, overrides, notes, submission);
  }

  public long count(Level level) {
    return findings.stream().filter(f -> f.level() == level).count();
  }
}
