package dev.pqcert.check;

import dev.pqcert.model.SuppressionDirective;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies the well-formed inline suppressions of a connector to its findings, and reports each rule
 * a suppression names that suppressed nothing (a stale suppression hides the next real finding on
 * that line).
 */
final class InlineSuppressions {
  record Outcome(List<Finding> kept, List<SuppressedFinding> suppressed) {}

  private InlineSuppressions() {}

  /**
   * @param ran whether a rule ran (a suppression of a rule that was switched off is not unused)
   * @param unusedRuleId the rule unused suppressions are reported under, at {@code unusedLevel}
   */
  static Outcome apply(
      List<Finding> findings,
      List<SuppressionDirective> directives,
      Predicate<String> ran,
      String unusedRuleId,
      Level unusedLevel) {
    List<SuppressionDirective> usable =
        directives.stream().filter(SuppressionDirective::wellFormed).toList();
    Set<String> used = new HashSet<>(); // directive index + rule id
    List<Finding> kept = new ArrayList<>();
    List<SuppressedFinding> suppressed = new ArrayList<>();
    for (Finding finding : findings) {
      Optional<Integer> by = coveringDirective(usable, finding, unusedRuleId);
      if (by.isPresent()) {
        used.add(by.get() + " " + finding.ruleId());
        SuppressionDirective directive = usable.get(by.get());
        suppressed.add(
            new SuppressedFinding(
                finding,
                directive.reason().orElse(""), // a usable directive always has one
                new Location(directive.file(), directive.span())));
      } else {
        kept.add(finding);
      }
    }
    if (ran.test(unusedRuleId)) {
      for (int i = 0; i < usable.size(); i++) {
        SuppressionDirective directive = usable.get(i);
        for (String id : directive.ruleIds()) {
          if (!id.equals(unusedRuleId) && ran.test(id) && !used.contains(i + " " + id)) {
            kept.add(
                new Finding(
                    unusedRuleId,
                    unusedLevel,
                    "unused suppression: no "
                        + id
                        + " finding "
                        + where(directive)
                        + "; remove "
                        + id
                        + " from it",
                    Optional.of(new Location(directive.file(), directive.span()))));
          }
        }
      }
    }
    kept.sort(Finding.ORDER);
    return new Outcome(List.copyOf(kept), List.copyOf(suppressed));
  }

  private static Optional<Integer> coveringDirective(
      List<SuppressionDirective> directives, Finding finding, String unusedRuleId) {
    if (finding.location().isEmpty() || finding.ruleId().equals(unusedRuleId)) {
      return Optional.empty(); // package-level findings and PQ002 itself are not suppressible
    }
    Location location = finding.location().get();
    for (int i = 0; i < directives.size(); i++) {
      SuppressionDirective directive = directives.get(i);
      if (directive.file().equals(location.file())
          && directive.ruleIds().contains(finding.ruleId())
          && (directive.coveredLine() == 0
              || directive.coveredLine() == location.span().start().line())) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String where(SuppressionDirective directive) {
    return switch (directive.scope()) {
      case NEXT_LINE, LINE -> "on line " + directive.coveredLine();
      case FILE -> "in " + directive.file();
    };
  }
}
