package dev.pqcert.cli;

import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pqcert explain PQ013}: a rule's document. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Prints a rule's document: what it checks, why, examples and how to fix.")
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE", description = "A rule id, such as PQ013.")
  String id;

  @Override
  public Integer call() {
    Optional<RuleDoc> doc = RuleRegistry.builtIn().doc(id.toUpperCase(Locale.ROOT));
    if (doc.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("pqcert: no rule " + id + " (see pqcert rules for the list)");
      return ExitCodes.INPUT_ERROR;
    }
    spec.commandLine().getOut().print(doc.get().markdown());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
