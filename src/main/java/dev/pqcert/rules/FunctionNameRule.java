package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import java.util.regex.Pattern;

/**
 * PQ015: the {@code FunctionName} of {@code Kind.FunctionName} names what the function returns
 * ({@code Contents}, {@code Tables}, {@code Database}, {@code Feed}...), not an action or a
 * placeholder ({@code GetData}, {@code Run}, {@code Function1}).
 */
final class FunctionNameRule implements Rule {
  private static final Pattern VERB_OR_GENERIC =
      Pattern.compile(
          "(Get|Fetch|Run|Execute|Exec|Call|Invoke|Do|Load|Retrieve|Download|Read|Process|Create"
              + "|Update|Delete|Test|Main|Func|Function|Method|Impl|Helper|Temp|Foo)"
              + "([A-Z0-9_].*)?");

  @Override
  public String id() {
    return "PQ015";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (ExportedFunction export : model.exports()) {
      String prefix = export.kind() + ".";
      if (!export.name().startsWith(prefix)) {
        continue; // PQ014 reports the shape of the name
      }
      String function = export.name().substring(prefix.length());
      if (findings.settings().extraFunctionNames().contains(function)) {
        continue; // the user's configuration accepts this name
      }
      if (VERB_OR_GENERIC.matcher(function).matches()) {
        findings.report(
            export.member().file(),
            export.member().nameSpan(),
            "'"
                + function
                + "' in '"
                + export.name()
                + "' names an action or a placeholder; name"
                + " what the function returns, as certified connectors do: Contents, Tables,"
                + " Database, Databases, Feed, Files, Views, Query, Data (or allow the name with"
                + " \"functionNames\" in pqcert.json)");
      }
    }
  }
}
