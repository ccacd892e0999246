package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/**
 * A kind's {@code TestConnection} handler as the engine would use it: the function, how many
 * parameters it takes, and the list it returns for an unknown data source path (the first item
 * names the function to call, the rest are its arguments).
 */
public record TestConnection(
    Value handler,
    int parameterCount,
    Value returned,
    Optional<String> functionName,
    List<Value> arguments,
    Span span,
    String file) {

  /** Reads the handler of a kind record's {@code TestConnection} field. */
  static Optional<TestConnection> of(Value.RecordValue kindRecord, Evaluator evaluator) {
    Optional<Value.RecordField> field = kindRecord.field("TestConnection");
    if (field.isEmpty()) {
      return Optional.empty();
    }
    Value handler = field.get().value();
    Span span = field.get().nameSpan();
    String file = kindRecord.file();
    if (!(Values.plain(handler) instanceof Value.FunctionValue function)) {
      return Optional.of(
          new TestConnection(
              handler, -1, new Value.Unknown(span), Optional.empty(), List.of(), span, file));
    }
    int parameters = function.function().parameters().size();
    Value returned =
        evaluator.call(
            function,
            java.util.Collections.nCopies(parameters, Thunk.of(new Value.Unknown(span))),
            span,
            file);
    Optional<String> name = Optional.empty();
    List<Value> arguments = List.of();
    if (Values.plain(returned) instanceof Value.ListValue list && !list.items().isEmpty()) {
      name = Values.text(list.items().get(0));
      arguments = list.items().subList(1, list.items().size());
    }
    return Optional.of(
        new TestConnection(handler, parameters, returned, name, arguments, span, file));
  }
}
