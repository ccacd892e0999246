package dev.pqcert.cli;

import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pqcert explain PQ013}: a rule's document, for a person to read. */
@Command(
    addMethodSubcommands = false,
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Prints a rule's document: what it checks, why, examples and how to fix.")
final class ExplainCommand implements Callable<Integer> {
  private static final Pattern RULE_ID = Pattern.compile("PQ0*(\\d+)");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE", description = "A rule id, such as PQ013.")
  String id;

  @Override
  public Integer call() {
    RuleRegistry registry = RuleRegistry.builtIn();
    String wanted = id.strip().toUpperCase(Locale.ROOT);
    Optional<RuleDoc> doc = registry.doc(wanted);
    if (doc.isEmpty()) {
      List<String> ids = registry.docs().stream().map(RuleDoc::id).toList();
      String hint =
          nearest(wanted, ids)
              .map(near -> "; did you mean " + near + "?")
              .orElse(" (see 'pqcert rules' for the list)");
      spec.commandLine().getErr().println("pqcert: no rule '" + id + "'" + hint);
      return ExitCodes.INPUT_ERROR;
    }
    spec.commandLine().getOut().print(doc.get().forPeople());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /**
   * The rule id nearest to a mistyped one: the same number ({@code PQ11}, {@code PQ0011}), else the
   * fewest edits, at most two ({@code PQ0111} is PQ011); ties go to the first id.
   */
  static Optional<String> nearest(String typed, List<String> ids) {
    Matcher number = RULE_ID.matcher(typed);
    if (number.matches()) {
      String same = String.format(Locale.ROOT, "PQ%03d", Integer.parseInt(number.group(1)));
      if (number.group(1).length() <= 3 && ids.contains(same)) {
        return Optional.of(same);
      }
    }
    return ids.stream()
        .filter(candidate -> distance(typed, candidate) <= 2)
        .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
  }

  /** Levenshtein distance: the fewest insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
