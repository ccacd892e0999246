package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.FunctionSignature;
import dev.pqcert.model.Member;
import dev.pqcert.model.ParameterInfo;
import dev.pqcert.model.TestConnection;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.ast.Expr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PQ013: each data source kind has a TestConnection handler that the gateway can call: one
 * parameter, returning a list whose first item names a shared function of the same kind, followed
 * by the arguments that function requires.
 */
final class TestConnectionRule implements Rule {
  @Override
  public String id() {
    return "PQ013";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (DataSourceKind kind : model.kinds()) {
      if (kind.definition().isEmpty() || kind.recordValue().isEmpty()) {
        continue; // PQ019 reports a missing kind record; an unknown one cannot be checked
      }
      Member definition = kind.definition().get();
      Optional<TestConnection> handler = kind.testConnection();
      if (handler.isEmpty()) {
        findings.report(
            definition.file(),
            definition.nameSpan(),
            "data source kind '"
                + kind.name()
                + "' has no TestConnection handler, so the gateway cannot refresh it; add"
                + " TestConnection = (dataSourcePath) => "
                + suggestion(kind)
                + " to its record",
            addHandler(model, kind));
        continue;
      }
      check(model, kind, handler.get(), findings);
    }
  }

  private static void check(
      ConnectorModel model, DataSourceKind kind, TestConnection test, FindingSink findings) {
    if (test.parameterCount() < 0) {
      if (Values.isKnown(test.handler())) {
        findings.report(
            test.file(),
            test.span(),
            "TestConnection of kind '"
                + kind.name()
                + "' must be a function of one parameter, not "
                + Value.describe(test.handler()));
      }
      return;
    }
    if (test.parameterCount() != 1) {
      findings.report(
          test.file(),
          test.span(),
          "TestConnection of kind '"
              + kind.name()
              + "' takes "
              + test.parameterCount()
              + " parameters; the gateway calls it with one, the data source path");
      return;
    }
    Value returned = Values.plain(test.returned());
    if (!Values.isKnown(returned)) {
      return; // built at run time (e.g. from Json.Document(dataSourcePath)): cannot be checked
    }
    if (!(returned instanceof Value.ListValue list) || list.items().isEmpty()) {
      findings.report(
          test.file(),
          test.span(),
          "TestConnection of kind '"
              + kind.name()
              + "' must return a list whose first item is the name of a function to call, such as "
              + suggestion(kind));
      return;
    }
    if (test.functionName().isEmpty()) {
      if (Values.isKnown(list.items().get(0))) {
        findings.report(
            test.file(),
            test.span(),
            "the first item of the list TestConnection returns must be the name of a function, as"
                + " text, such as "
                + suggestion(kind));
      }
      return;
    }
    String name = test.functionName().get();
    Optional<ExportedFunction> target =
        model.exports().stream().filter(e -> e.name().equals(name)).findFirst();
    if (target.isEmpty()) {
      Optional<Member> member = model.section().flatMap(s -> s.member(name));
      if (member.filter(Member::shared).isPresent()) {
        return; // a shared wrapper (around the data source function) is what the gateway needs
      }
      boolean defined = member.isPresent();
      findings.report(
          test.file(),
          test.span(),
          "TestConnection of kind '"
              + kind.name()
              + "' names '"
              + name
              + "', which is "
              + (defined ? "not shared, so the gateway cannot call it" : "not defined")
              + "; name one of: "
              + kind.functions().stream()
                  .map(ExportedFunction::name)
                  .collect(Collectors.joining(", ")));
      return;
    }
    if (!target.get().kind().equals(kind.name())) {
      findings.report(
          test.file(),
          test.span(),
          "TestConnection of kind '"
              + kind.name()
              + "' names '"
              + name
              + "', a function of kind '"
              + target.get().kind()
              + "'; name a function of this kind");
      return;
    }
    Optional<FunctionSignature> signature = target.get().signature();
    if (signature.isEmpty() || !Values.isKnown(test.returned())) {
      return;
    }
    List<ParameterInfo> required = signature.get().required();
    int passed = test.arguments().size();
    if (passed < required.size()) {
      findings.report(
          test.file(),
          test.span(),
          "TestConnection of kind '"
              + kind.name()
              + "' calls '"
              + name
              + "' with "
              + passed
              + " argument"
              + (passed == 1 ? "" : "s")
              + ", but it requires "
              + required.size()
              + " ("
              + names(required)
              + "); pass them from dataSourcePath");
    } else if (passed > signature.get().parameters().size()) {
      findings.report(
          test.file(),
          test.span(),
          "TestConnection of kind '"
              + kind.name()
              + "' calls '"
              + name
              + "' with "
              + passed
              + " arguments, but it takes only "
              + signature.get().parameters().size());
    }
  }

  /**
   * {@code TestConnection} as the last field of a kind record written as a record expression in its
   * member, for a kind with one exported function that needs no argument ({@code { "X.Contents" }})
   * or one text parameter that is the data source path ({@code { "X.Contents", dataSourcePath }}).
   * Any other kind needs the user to say how its arguments are found.
   */
  private static Optional<Fix> addHandler(ConnectorModel model, DataSourceKind kind) {
    Member definition = kind.definition().orElseThrow();
    Optional<SourceText> source = Editable.source(model, definition.file());
    if (source.isEmpty()
        || kind.functions().size() != 1
        || !(definition.value() instanceof Expr.RecordExpr record)
        || record.fields().stream().anyMatch(f -> f.name().name().equals("TestConnection"))) {
      return Optional.empty();
    }
    ExportedFunction function = kind.functions().get(0);
    Optional<FunctionSignature> signature = function.knownSignature();
    if (signature.isEmpty()) {
      return Optional.empty();
    }
    List<ParameterInfo> required = signature.get().required();
    String list;
    if (required.isEmpty()) {
      list = "{ " + RecordEdits.textLiteral(function.name()) + " }";
    } else if (required.size() == 1
        && !kind.definesOwnPath()
        && DataSourceKind.pathParameters(signature.get()).equals(required)
        && PATH_TYPES.contains(required.get(0).primitiveType())) {
      list = "{ " + RecordEdits.textLiteral(function.name()) + ", dataSourcePath }";
    } else {
      return Optional.empty();
    }
    return RecordEdits.addLast(
        source.get(),
        definition.file(),
        record,
        "TestConnection = (dataSourcePath) => " + list,
        "add TestConnection to " + kind.name());
  }

  /** A parameter the data source path is passed to as it is: the path is text. */
  private static final Set<String> PATH_TYPES = Set.of("text", "any", "Uri.Type");

  /** A few parameter names: {@code a, b, c and 9 more}. */
  private static String names(List<ParameterInfo> parameters) {
    String shown =
        parameters.stream().limit(3).map(ParameterInfo::name).collect(Collectors.joining(", "));
    return parameters.size() > 3 ? shown + " and " + (parameters.size() - 3) + " more" : shown;
  }

  /** The handler's list for the kind's first function: its name, then dataSourcePath if needed. */
  private static String suggestion(DataSourceKind kind) {
    if (kind.functions().isEmpty()) {
      return "{ \"" + kind.name() + ".Contents\" }";
    }
    ExportedFunction first = kind.functions().get(0);
    int required = first.signature().map(s -> s.required().size()).orElse(0);
    if (required == 0) {
      return "{ \"" + first.name() + "\" }";
    }
    if (required == 1) {
      return "{ \"" + first.name() + "\", dataSourcePath }";
    }
    return "{ \""
        + first.name()
        + "\" } & Record.FieldValues(Json.Document(dataSourcePath)) (the "
        + required
        + " required arguments)";
  }
}
