package dev.pqcert.check;

import dev.pqcert.model.SuppressionDirective;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Editable;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Fix;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
   * @param editable the text of each file a fix may edit (see {@link Editable}), to remove a
   *     suppression that suppresses nothing
   */
  static Outcome apply(
      List<Finding> findings,
      List<SuppressionDirective> directives,
      Predicate<String> ran,
      String unusedRuleId,
      Level unusedLevel,
      Function<String, Optional<SourceText>> editable) {
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
        int index = i;
        List<String> unused =
            directive.ruleIds().stream()
                .filter(id -> !id.equals(unusedRuleId) && ran.test(id))
                .filter(id -> !used.contains(index + " " + id))
                .toList();
        // A directive none of whose rules has a finding goes whole; one that still suppresses
        // something is for its author to trim.
        Optional<Fix> removal =
            unused.equals(directive.ruleIds())
                ? editable.apply(directive.file()).flatMap(source -> removal(directive, source))
                : Optional.empty();
        for (String id : unused) {
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
                  Optional.of(new Location(directive.file(), directive.span())),
                  List.of(),
                  List.of(),
                  removal));
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

  private static final String LINE_ENDS = "\r\n\u0085\u2028\u2029";

  /**
   * Removes a suppression comment: with its line when it stands alone on it, with the blanks before
   * it when it ends a line of code; a comment with code after it on its line is left in place.
   */
  private static Optional<Fix> removal(SuppressionDirective directive, SourceText source) {
    Span span = directive.span();
    int lineStart = source.lineStart(span.start().line());
    int endLine = span.end().line();
    int nextLine =
        endLine < source.lineCount() ? source.lineStart(endLine + 1) : source.codePointCount();
    String before = source.slice(lineStart, span.startOffset());
    String after = source.slice(span.endOffset(), nextLine);
    int lineEnd = after.length();
    while (lineEnd > 0 && LINE_ENDS.indexOf(after.charAt(lineEnd - 1)) >= 0) {
      lineEnd--;
    }
    if (!after.substring(0, lineEnd).isBlank()) {
      return Optional.empty();
    }
    int from;
    int to;
    if (before.isBlank()) {
      from = lineStart;
      to = nextLine;
    } else {
      int blanks = before.length() - before.stripTrailing().length();
      from = span.startOffset() - blanks;
      to = span.endOffset() + after.substring(0, lineEnd).codePointCount(0, lineEnd);
    }
    return Optional.of(
        Fix.of(
            "remove the unused suppression",
            new Location(directive.file(), source.span(from, to)),
            ""));
  }
}
