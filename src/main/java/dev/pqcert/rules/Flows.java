package dev.pqcert.rules;

import dev.pqcert.model.Sink;
import dev.pqcert.model.Taint;
import java.util.stream.Collectors;

/** Words a flow finding in messages: where from, by which path, where to. */
final class Flows {
  private Flows() {}

  static String describe(Sink sink) {
    Taint.Source source = sink.flow().source();
    String path =
        sink.flow().steps().stream()
            .map(
                step ->
                    step.description()
                        + " ("
                        + step.file()
                        + ":"
                        + step.span().start().line()
                        + ")")
            .collect(Collectors.joining(", "));
    return source.kind().description()
        + " from "
        + source.description()
        + " ("
        + source.file()
        + ":"
        + source.span().start().line()
        + ")"
        + (path.isEmpty() ? "" : " via " + path)
        + " reaches "
        + where(sink)
        + " ("
        + sink.file()
        + ":"
        + sink.span().start().line()
        + ")";
  }

  static String where(Sink sink) {
    return switch (sink.role()) {
      case "URL" -> "the URL of " + sink.function();
      case "trace" -> "the trace " + sink.function();
      case "expression" -> "the expression of " + sink.function();
      case "connection string", "connection options", "options" ->
          "the " + sink.role() + " of " + sink.function();
      default -> "the " + sink.role() + " option of " + sink.function();
    };
  }
}
