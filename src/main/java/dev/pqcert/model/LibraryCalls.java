package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library functions whose results are static and matter to certification: resource strings,
 * bundled files and modules, types and metadata, record and text combination. Every other library
 * call is unknown.
 */
final class LibraryCalls {
  private LibraryCalls() {}

  static Value call(
      Evaluator evaluator, String name, List<Thunk> arguments, Span span, String file) {
    if (Sinks.isInteresting(name)) {
      List<Value> values = new ArrayList<>();
      for (Thunk argument : arguments) {
        values.add(argument.force());
      }
      CallSite call = new CallSite(name, file, span, values);
      evaluator.recordCall(call);
      Sinks.record(evaluator, call);
    }
    Value result = fold(evaluator, name, arguments, span, file);
    if (result instanceof Value.Unknown unknown && unknown.taint().isEmpty()) {
      return new Value.Unknown(span, flowsThrough(evaluator, name, arguments, span, file));
    }
    return result;
  }

  /**
   * What a library call's unknown result may carry: a source it is ({@code
   * Extension.CurrentCredential()}, a web response), or whatever its arguments carry. Function
   * arguments ({@code each ...} given to {@code List.Transform}) are called once with the other
   * arguments' flows, so that what happens inside them is seen.
   */
  private static Taint flowsThrough(
      Evaluator evaluator, String name, List<Thunk> arguments, Span span, String file) {
    if (name.equals("Extension.CurrentCredential") || name.equals("Extension.CurrentCredentials")) {
      return Taint.of(new Taint.Source(Taint.SourceKind.CREDENTIAL, name + "()", file, span));
    }
    Taint carried = Taint.NONE;
    List<Value> functions = new ArrayList<>();
    for (Thunk argument : arguments) {
      Value value = argument.force();
      if (Values.plain(value) instanceof Value.FunctionValue) {
        functions.add(value);
      } else {
        carried = carried.union(Taint.of(value));
      }
    }
    for (Value function : functions) {
      Value.FunctionValue closure = (Value.FunctionValue) Values.plain(function);
      List<Thunk> probes = new ArrayList<>();
      for (int i = 0; i < closure.function().parameters().size(); i++) {
        probes.add(Thunk.of(new Value.Unknown(span, carried)));
      }
      carried =
          carried.union(
              Taint.of(
                  evaluator.call(function, probes, span, file, name + "'s function argument")));
    }
    if (Sinks.isRequest(name)) {
      // A response is web data: it does not carry the credentials or input that requested it.
      return Taint.of(new Taint.Source(Taint.SourceKind.WEB_RESPONSE, name + "(...)", file, span));
    }
    return carried.through("through " + name, file, span);
  }

  private static Value fold(
      Evaluator evaluator, String name, List<Thunk> arguments, Span span, String file) {
    switch (name) {
      case "Extension.LoadString":
        return argument(arguments, 0)
            .flatMap(Values::text)
            .flatMap(key -> evaluator.environment().resource(key))
            .<Value>map(text -> new Value.Text(span, text, file))
            .orElse(new Value.Unknown(span));
      case "Extension.Contents":
        return argument(arguments, 0)
            .flatMap(Values::text)
            .<Value>map(fileName -> new Value.BundledFile(span, fileName, file))
            .orElse(new Value.Unknown(span));
      case "Text.FromBinary":
        return argument(arguments, 0)
            .map(Values::plain)
            .filter(Value.BundledFile.class::isInstance)
            .<Value>map(b -> new Value.BundledText(span, ((Value.BundledFile) b).name(), file))
            .orElse(new Value.Unknown(span));
      case "Expression.Evaluate":
        return argument(arguments, 0)
            .map(Values::plain)
            .filter(Value.BundledText.class::isInstance)
            .map(t -> evaluator.module(((Value.BundledText) t).name(), span))
            .orElse(new Value.Unknown(span));
      case "Value.ReplaceType":
        return replaceType(arguments, span);
      case "Value.ReplaceMetadata":
        return replaceMetadata(arguments, span);
      case "Value.Metadata":
        return argument(arguments, 0)
            .flatMap(Values::meta)
            .<Value>map(m -> m)
            .orElse(new Value.RecordValue(span, Map.of(), file));
      case "Record.Combine":
        return combineRecords(arguments, span, file);
      case "Text.Combine":
        return combineTexts(arguments, span, file);
      default:
        return new Value.Unknown(span);
    }
  }

  private static Optional<Value> argument(List<Thunk> arguments, int index) {
    return index < arguments.size() ? Optional.of(arguments.get(index).force()) : Optional.empty();
  }

  private static Value replaceType(List<Thunk> arguments, Span span) {
    Optional<Value> function = argument(arguments, 0);
    Optional<Value> type = argument(arguments, 1);
    if (function.isEmpty() || type.isEmpty()) {
      return new Value.Unknown(span);
    }
    if (Values.plain(function.get()) instanceof Value.FunctionValue closure) {
      return new Value.FunctionValue(
          closure.span(), closure.function(), closure.closure(), type, closure.file());
    }
    return new Value.Unknown(span);
  }

  private static Value replaceMetadata(List<Thunk> arguments, Span span) {
    Optional<Value> value = argument(arguments, 0);
    Optional<Value.RecordValue> meta = argument(arguments, 1).flatMap(Values::record);
    if (value.isEmpty() || meta.isEmpty()) {
      return new Value.Unknown(span);
    }
    return new Value.WithMeta(span, Values.plain(value.get()), meta.get());
  }

  private static Value combineRecords(List<Thunk> arguments, Span span, String file) {
    Optional<Value> list = argument(arguments, 0).map(Values::plain);
    if (list.isEmpty() || !(list.get() instanceof Value.ListValue records)) {
      return new Value.Unknown(span);
    }
    Map<String, Value.RecordField> merged = new LinkedHashMap<>();
    for (Value item : records.items()) {
      Optional<Value.RecordValue> record = Values.record(item);
      if (record.isEmpty()) {
        return new Value.Unknown(span);
      }
      merged.putAll(record.get().fields());
    }
    return new Value.RecordValue(span, merged, file);
  }

  private static Value combineTexts(List<Thunk> arguments, Span span, String file) {
    Optional<Value> list = argument(arguments, 0).map(Values::plain);
    String separator = argument(arguments, 1).flatMap(Values::text).orElse("");
    if (arguments.size() > 1 && argument(arguments, 1).flatMap(Values::text).isEmpty()) {
      return new Value.Unknown(span);
    }
    if (list.isEmpty() || !(list.get() instanceof Value.ListValue texts)) {
      return new Value.Unknown(span);
    }
    List<String> parts = new ArrayList<>();
    for (Value item : texts.items()) {
      Optional<String> text = Values.text(item);
      if (text.isEmpty()) {
        return new Value.Unknown(span);
      }
      parts.add(text.get());
    }
    return new Value.Text(span, String.join(separator, parts), file);
  }
}
