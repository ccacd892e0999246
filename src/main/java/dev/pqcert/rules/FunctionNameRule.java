package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.TestConnection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PQ015: the {@code FunctionName} of a published {@code Kind.FunctionName} names what the function
 * returns ({@code Contents}, {@code Tables}, {@code Database}, {@code Feed}...), not an action or a
 * placeholder. Read by whole words: a name that starts with a verb ({@code GetData}, {@code
 * FetchRows}) or is only a placeholder ({@code Run}, {@code Function1}, {@code Helper}) is
 * reported; a noun that merely starts like one ({@code Getty}, {@code FunctionCatalog}) is not, nor
 * is {@code Execute}, which Microsoft's own connectors use ({@code R.Execute}). Only the functions
 * users pick in Get Data count: a shared helper with no publish record, or the function
 * TestConnection calls, is not named for users.
 */
final class FunctionNameRule implements Rule {
  /** Verbs: a name that starts with one names an action. */
  private static final Set<String> VERBS =
      Set.of(
          "Get",
          "Fetch",
          "Run",
          "Execute",
          "Exec",
          "Call",
          "Invoke",
          "Do",
          "Load",
          "Retrieve",
          "Download",
          "Read",
          "Process",
          "Create",
          "Update",
          "Delete");

  /** Placeholders: a name that is only one of them (and maybe a number) names nothing. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(Test|Main|Func|Function|Method|Impl|Helper|Temp|Foo|Run|Do)\\d*");

  /**
   * A verb Microsoft's own connectors start names with ({@code R.Execute}, {@code Python.Execute}):
   * it and what follows it name the result.
   */
  private static final Set<String> KNOWN = Set.of("Execute");

  @Override
  public String id() {
    return "PQ015";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Set<String> testConnectionTargets = testConnectionTargets(model);
    for (ExportedFunction export : model.exports()) {
      String prefix = export.kind() + ".";
      if (!export.name().startsWith(prefix)) {
        continue; // PQ014 reports the shape of the name
      }
      if (export.publishName().isEmpty() || testConnectionTargets.contains(export.name())) {
        continue; // not a name users pick in Get Data
      }
      String function = export.name().substring(prefix.length());
      List<String> words = BannedWords.words(function);
      if (findings.settings().extraFunctionNames().contains(function)
          || (!words.isEmpty() && KNOWN.contains(words.get(0)))) {
        continue; // the user's configuration, or a product convention, accepts this name
      }
      boolean action = !words.isEmpty() && VERBS.contains(words.get(0));
      if (action || PLACEHOLDER.matcher(function).matches()) {
        findings.report(
            export.member().file(),
            export.member().nameSpan(),
            "'"
                + function
                + "' in '"
                + export.name()
                + "' names "
                + (action ? "an action" : "a placeholder")
                + "; name what the function returns, as certified connectors do: Contents,"
                + " Tables, Database, Feed, Files, Views, Query, Data (or allow the name with"
                + " \"functionNames\" in pqcert.json)");
      }
    }
  }

  /** The functions the kinds' TestConnection handlers call. */
  private static Set<String> testConnectionTargets(ConnectorModel model) {
    return Set.copyOf(
        model.kinds().stream()
            .map(DataSourceKind::testConnection)
            .flatMap(Optional::stream)
            .map(TestConnection::functionName)
            .flatMap(Optional::stream)
            .toList());
  }
}
