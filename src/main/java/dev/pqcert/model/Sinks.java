package dev.pqcert.model;

import java.util.Map;
import java.util.Optional;

/**
 * Which part of a library call each sensitive or untrusted value reached, by what the call does
 * ({@link LibraryFunction}): a request's URL and options, a connection string, a trace, an
 * evaluated expression.
 */
final class Sinks {
  private Sinks() {}

  /** Records each flow carried by each sensitive part of the call. */
  static void record(Evaluator evaluator, CallSite call) {
    String name = call.function();
    Optional<LibraryFunction> known = LibraryFunction.named(name);
    LibraryFunction.Effect effect =
        known.map(LibraryFunction::effect).orElse(LibraryFunction.Effect.NONE);
    if (effect == LibraryFunction.Effect.REQUEST) {
      call.argument(0).ifPresent(url -> flows(evaluator, call, SinkRole.URL, url));
      int optionsIndex = known.get().optionsIndex();
      if (known.get() == LibraryFunction.ODATA_FEED) {
        call.argument(1).ifPresent(headers -> flows(evaluator, call, SinkRole.HEADERS, headers));
      }
      Optional<Value.RecordValue> options = call.argument(optionsIndex).flatMap(Values::record);
      if (options.isPresent()) {
        for (Map.Entry<String, Value.RecordField> option : options.get().fields().entrySet()) {
          flows(evaluator, call, SinkRole.ofOption(option.getKey()), option.getValue().value());
        }
      } else {
        call.argument(optionsIndex)
            .ifPresent(unknown -> flows(evaluator, call, SinkRole.OPTIONS, unknown));
      }
    } else if (effect == LibraryFunction.Effect.CONNECTION) {
      call.argument(0).ifPresent(c -> flows(evaluator, call, SinkRole.CONNECTION_STRING, c));
      call.argument(1).ifPresent(o -> flows(evaluator, call, SinkRole.CONNECTION_OPTIONS, o));
    } else if (effect == LibraryFunction.Effect.TRACE) {
      // Diagnostics.Trace(level, message, value): the message is written, the value returned.
      call.argument(1).ifPresent(message -> flows(evaluator, call, SinkRole.TRACE, message));
    } else if (name.startsWith("Diagnostics.")) {
      // A tracing helper the connector did not define (Diagnostics.LogValue without its module):
      // what it writes is not known, so every argument counts.
      for (Value argument : call.arguments()) {
        flows(evaluator, call, SinkRole.TRACE, argument);
      }
    } else if (effect == LibraryFunction.Effect.EVALUATE) {
      call.argument(0).ifPresent(e -> flows(evaluator, call, SinkRole.EXPRESSION, e));
    }
  }

  private static void flows(Evaluator evaluator, CallSite call, SinkRole role, Value value) {
    for (Taint.Flow flow : Taint.of(value).flows()) {
      evaluator
          .recorder()
          .recordSink(new Sink(call.function(), role, call.file(), call.span(), flow, call));
    }
  }
}
