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
    if (LibraryFunction.isRecorded(name)) {
      List<Value> values = new ArrayList<>();
      for (Thunk argument : arguments) {
        values.add(argument.force());
      }
      CallSite call =
          new CallSite(
              name,
              file,
              span,
              values,
              evaluator.recorder().withoutCaller(),
              evaluator.recorder().onErrorPath());
      evaluator.recorder().recordCall(call);
      Sinks.record(evaluator, call);
    }
    if (name.equals("Diagnostics.Trace") && arguments.size() >= 3) {
      // Diagnostics.Trace(level, message, value, delayed) returns value (or, delayed, its result).
      Value value = arguments.get(2).force();
      boolean delayed =
          argument(arguments, 3).flatMap(Values::logical).orElse(false)
              && Values.plain(value) instanceof Value.FunctionValue;
      return delayed ? evaluator.call(value, List.of(), span, file, "the traced function") : value;
    }
    if (name.equals(LibraryFunction.EXTENSION_INVOKE_WITH_CREDENTIALS.functionName())) {
      return invokeWithCredentials(evaluator, arguments, span, file);
    }
    if (name.equals("List.Generate")) {
      return generate(evaluator, arguments, span, file);
    }
    if (name.equals("List.Accumulate")) {
      return accumulate(evaluator, arguments, span, file);
    }
    if (name.equals("Record.Field") || name.equals("Record.FieldOrDefault")) {
      Optional<Value> field =
          recordField(evaluator, arguments, name.endsWith("OrDefault"), span, file);
      if (field.isPresent()) {
        return field.get();
      }
    }
    Value result = fold(evaluator, name, arguments, span, file);
    if (result instanceof Value.Unknown unknown
        && unknown.taint().isEmpty()
        && unknown.base().isEmpty()
        && unknown.resources().isEmpty()) {
      result = new Value.Unknown(span, flowsThrough(evaluator, name, arguments, span, file));
    }
    return TypeValues.typed(withRows(result, name, arguments), LibraryFunction.resultType(name));
  }

  /**
   * A table built from constants keeps its rows ({@link TableRows}): a navigation table's items.
   * Only the calls that build or shape such a table, whose arguments the fold or their flows have
   * forced already.
   */
  private static Value withRows(Value result, String name, List<Thunk> arguments) {
    if (!TableRows.shapes(name) || !(result instanceof Value.Unknown unknown)) {
      return result;
    }
    List<Value> values = new ArrayList<>();
    for (Thunk argument : arguments) {
      values.add(argument.force());
    }
    return TableRows.of(name, values).<Value>map(unknown::withRows).orElse(result);
  }

  /**
   * What a library call's unknown result may carry: a source it is ({@code
   * Extension.CurrentCredential()}, a web response), or whatever its arguments carry. Function
   * arguments ({@code each ...} given to {@code List.Transform}) are called once with the other
   * arguments' flows, so that what happens inside them is seen. Functions inside record or list
   * arguments are handlers the library may call later ({@code Table.View}'s {@code GetRows}, an
   * ODBC callback): each is called once for what it does with the values it closes over.
   */
  private static Taint flowsThrough(
      Evaluator evaluator, String name, List<Thunk> arguments, Span span, String file) {
    if (LibraryFunction.named(name)
        .filter(f -> f.effect() == LibraryFunction.Effect.CREDENTIAL)
        .isPresent()) {
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
        handlers(value, 0, handler -> evaluator.probeHandler(handler, span, file, name));
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
    if (name.equals("Crypto.CreateHash") || name.equals("Crypto.CreateHmac")) {
      // A one-way hash or signature of a secret does not give the secret away.
      return Taint.NONE;
    }
    if (LibraryFunction.readsData(name)) {
      // A response is data of its own: it does not carry the credential or input that asked for it.
      return Taint.of(new Taint.Source(Taint.SourceKind.RESPONSE, name + "(...)", file, span));
    }
    return carried.transformed("through " + name, file, span);
  }

  /** How deep in nested records and lists handlers are looked for. */
  private static final int HANDLER_DEPTH = 3;

  /** The functions held in a record or list value (not the value itself), nested a few deep. */
  private static void handlers(
      Value value, int depth, java.util.function.Consumer<Value.FunctionValue> found) {
    Value plain = Values.plain(value);
    List<Value> parts;
    if (plain instanceof Value.RecordValue record) {
      // A loop, not a stream: every argument of every library call comes here, mostly cold.
      parts = new ArrayList<>();
      for (Value.RecordField field : record.fields().values()) {
        parts.add(field.value());
      }
    } else if (plain instanceof Value.ListValue list) {
      parts = list.items();
    } else {
      return;
    }
    for (Value part : parts) {
      if (Values.plain(part) instanceof Value.FunctionValue function) {
        found.accept(function);
      } else if (depth + 1 < HANDLER_DEPTH) {
        handlers(part, depth + 1, found);
      }
    }
  }

  private static Value fold(
      Evaluator evaluator, String name, List<Thunk> arguments, Span span, String file) {
    switch (name) {
      case "Extension.LoadString":
        return argument(arguments, 0)
            .flatMap(Values::text)
            .flatMap(
                key ->
                    evaluator
                        .environment()
                        .resource(key)
                        .map(text -> Value.Text.loaded(span, text, file, key)))
            .<Value>map(text -> text)
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
      case "Text.Replace":
        return replaceText(arguments, span, file);
      case "Text.Lower":
      case "Text.Upper":
      case "Text.Trim":
        return argument(arguments, 0)
            .flatMap(Values::text)
            .filter(t -> arguments.size() == 1)
            .<Value>map(
                t ->
                    new Value.Text(
                        span,
                        switch (name) {
                          case "Text.Lower" -> t.toLowerCase(java.util.Locale.ROOT);
                          case "Text.Upper" -> t.toUpperCase(java.util.Locale.ROOT);
                          default -> t.strip();
                        },
                        file))
            .orElse(new Value.Unknown(span));
      case "Record.Combine":
        return combineRecords(arguments, span, file);
      case "Text.Combine":
        return combineTexts(arguments, span, file);
      case "Text.Format":
        return format(arguments, span, file);
      case "Uri.Combine":
        return combineUri(arguments, span, file);
      case "Uri.Parts":
        return argument(arguments, 0)
            .<Value>map(url -> uriParts(url, span, file))
            .orElse(new Value.Unknown(span));
      default:
        return new Value.Unknown(span);
    }
  }

  private static Optional<Value> argument(List<Thunk> arguments, int index) {
    return index < arguments.size() ? Optional.of(arguments.get(index).force()) : Optional.empty();
  }

  /**
   * {@code Text.Replace(text, old, new)} with every part known: the replaced text. Constants
   * substituted into a bundled module's text leave it the bundled module (placeholders filled in
   * before {@code Expression.Evaluate}).
   */
  private static Value replaceText(List<Thunk> arguments, Span span, String file) {
    Optional<String> old = argument(arguments, 1).flatMap(Values::text);
    Optional<String> replacement = argument(arguments, 2).flatMap(Values::text);
    Optional<Value> text = argument(arguments, 0).map(Values::plain);
    if (old.isEmpty() || replacement.isEmpty() || text.isEmpty() || old.get().isEmpty()) {
      return new Value.Unknown(span);
    }
    if (text.get() instanceof Value.Text known) {
      return new Value.Text(span, known.value().replace(old.get(), replacement.get()), file);
    }
    if (text.get() instanceof Value.BundledText bundled) {
      return new Value.BundledText(span, bundled.name(), file);
    }
    return new Value.Unknown(span);
  }

  /** How many rounds of a loop's state are followed: enough to see what the next round changes. */
  private static final int LOOP_ROUNDS = 2;

  /**
   * {@code List.Generate(initial, condition, next, selector)}: the state is followed as the engine
   * passes it, a record whose fields stay apart (a URL in one, a token in another), for the first
   * rounds; every function sees each state. The value is a list of what the selector gives.
   */
  private static Value generate(
      Evaluator evaluator, List<Thunk> arguments, Span span, String file) {
    Optional<Value> initial = argument(arguments, 0);
    if (initial.isEmpty() || !(Values.plain(initial.get()) instanceof Value.FunctionValue)) {
      return new Value.Unknown(
          span, flowsThrough(evaluator, "List.Generate", arguments, span, file));
    }
    List<Value> states = new ArrayList<>();
    states.add(evaluator.call(initial.get(), List.of(), span, file, "List.Generate's initial"));
    for (int round = 0; round < LOOP_ROUNDS; round++) {
      Value state = states.get(states.size() - 1);
      argument(arguments, 1).ifPresent(c -> callWith(evaluator, c, List.of(state), span, file));
      argument(arguments, 2)
          .filter(n -> Values.plain(n) instanceof Value.FunctionValue)
          .ifPresent(
              n ->
                  states.add(
                      evaluator.call(
                          n, List.of(Thunk.of(state)), span, file, "List.Generate's next")));
    }
    Taint items = Taint.NONE;
    for (Value state : states) {
      Value item =
          argument(arguments, 3)
              .filter(f -> Values.plain(f) instanceof Value.FunctionValue)
              .map(
                  f ->
                      evaluator.call(
                          f, List.of(Thunk.of(state)), span, file, "List.Generate's selector"))
              .orElse(state);
      items = items.union(Taint.of(item));
    }
    return new Value.Unknown(span, items).withType("list");
  }

  /**
   * {@code List.Accumulate(list, seed, accumulator)}: the state is followed as the engine passes
   * it, a record whose fields stay apart, for the first rounds; the value is what those rounds
   * agree on ({@link Values#join}).
   */
  private static Value accumulate(
      Evaluator evaluator, List<Thunk> arguments, Span span, String file) {
    Optional<Value> accumulator = argument(arguments, 2);
    if (accumulator.isEmpty()
        || !(Values.plain(accumulator.get()) instanceof Value.FunctionValue)) {
      return new Value.Unknown(
          span, flowsThrough(evaluator, "List.Accumulate", arguments, span, file));
    }
    Value items = argument(arguments, 0).orElse(new Value.Unknown(span));
    Value item = new Value.Unknown(span, Taint.of(items));
    if (Values.plain(items) instanceof Value.ListValue list && !list.items().isEmpty()) {
      item = Urls.oneOf(span, list.items());
    }
    Value state = argument(arguments, 1).orElse(new Value.Null(span, file));
    Value result = null;
    for (int round = 0; round < LOOP_ROUNDS; round++) {
      state =
          evaluator.call(
              accumulator.get(),
              List.of(Thunk.of(state), Thunk.of(item)),
              span,
              file,
              "List.Accumulate's accumulator");
      result = result == null ? state : Values.join(span, result, state);
    }
    return result;
  }

  private static void callWith(
      Evaluator evaluator, Value function, List<Value> values, Span span, String file) {
    if (Values.plain(function) instanceof Value.FunctionValue) {
      List<Thunk> thunks = new ArrayList<>();
      values.forEach(v -> thunks.add(Thunk.of(v)));
      evaluator.call(function, thunks, span, file, "a function argument");
    }
  }

  /**
   * {@code Uri.Parts(url)}: a record of the URL's parts. Of a constant, the parts themselves; of a
   * URL known to be HTTPS (checked, or built on a constant {@code https://} base), its scheme, and
   * the host its constant base names; every other part carries the URL's flows.
   */
  private static Value uriParts(Value url, Span span, String file) {
    Value plain = Values.plain(url);
    Map<String, Value.RecordField> fields = new LinkedHashMap<>();
    if (plain instanceof Value.Text text) {
      java.net.URI parsed;
      try {
        parsed = new java.net.URI(text.value().strip());
      } catch (java.net.URISyntaxException e) {
        return new Value.Unknown(span);
      }
      put(fields, "Scheme", text(parsed.getScheme(), span, file));
      put(fields, "Host", text(parsed.getHost(), span, file));
      put(fields, "Path", text(parsed.getPath(), span, file));
      put(fields, "Fragment", text(parsed.getFragment(), span, file));
      put(fields, "Query", new Value.Unknown(span));
      return new Value.RecordValue(span, fields, file);
    }
    if (!(plain instanceof Value.Unknown unknown)) {
      return new Value.Unknown(span);
    }
    Optional<String> scheme =
        unknown
            .base()
            .flatMap(b -> Urls.scheme(b.value()))
            .or(() -> unknown.taint().httpsScheme().map(s -> "https"));
    Optional<String> host = unknown.base().flatMap(b -> hostOf(b.value()));
    for (String part :
        List.of("Scheme", "Host", "Port", "Path", "Query", "Fragment", "UserName", "Password")) {
      Optional<String> known =
          part.equals("Scheme") ? scheme : part.equals("Host") ? host : Optional.empty();
      put(
          fields,
          part,
          known.isPresent()
              ? new Value.Text(span, known.get(), file)
              : new Value.Unknown(span, unknown.taint().field(part, file, span)));
    }
    return new Value.RecordValue(span, fields, file);
  }

  /** The host a constant URL start names in full ({@code https://api.contoso.example/...}). */
  private static Optional<String> hostOf(String base) {
    int start = base.indexOf("://");
    if (start < 0) {
      return Optional.empty();
    }
    int end = base.indexOf('/', start + 3);
    return end < 0 ? Optional.empty() : Optional.of(base.substring(start + 3, end));
  }

  private static Value text(String text, Span span, String file) {
    return text == null ? new Value.Null(span, file) : new Value.Text(span, text, file);
  }

  private static void put(Map<String, Value.RecordField> fields, String name, Value value) {
    fields.put(name, new Value.RecordField(value.span(), name, value));
  }

  /**
   * {@code Extension.InvokeWithCredentials(credentialFunction, action)}: the value is the action's.
   * The credential function is called once for what happens inside it; the credential it builds
   * goes to the engine, not into the value.
   */
  private static Value invokeWithCredentials(
      Evaluator evaluator, List<Thunk> arguments, Span span, String file) {
    Optional<Value> credentials = argument(arguments, 0);
    Optional<Value> action = argument(arguments, 1);
    if (credentials.isPresent()
        && Values.plain(credentials.get()) instanceof Value.FunctionValue function) {
      List<Thunk> probes = new ArrayList<>();
      for (int i = 0; i < function.function().parameters().size(); i++) {
        probes.add(Thunk.of(new Value.Unknown(span)));
      }
      evaluator.call(function, probes, span, file, "the credential function");
    }
    if (action.isPresent() && Values.plain(action.get()) instanceof Value.FunctionValue) {
      return evaluator.call(action.get(), List.of(), span, file, "the action");
    }
    return new Value.Unknown(span);
  }

  /**
   * {@code Record.Field(record, name)}: as {@code record[name]} when the name is known. When only
   * the record is known, the value is one of its fields: a key the user chose into a constant table
   * picks a constant, it does not make the value the user's.
   */
  private static Optional<Value> recordField(
      Evaluator evaluator, List<Thunk> arguments, boolean orDefault, Span span, String file) {
    Optional<Value> record = argument(arguments, 0);
    Optional<Value> name = argument(arguments, 1);
    if (record.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> field = Values.text(name.get());
    Optional<Value.RecordValue> known = Values.record(record.get());
    if (field.isPresent()) {
      if (orDefault && known.isPresent() && known.get().get(field.get()).isEmpty()) {
        return Optional.of(argument(arguments, 2).orElse(new Value.Null(span, file)));
      }
      return Optional.of(evaluator.selectField(record.get(), field.get(), orDefault, span, file));
    }
    if (known.isPresent() && !known.get().fields().isEmpty()) {
      List<Value> choices = new ArrayList<>();
      known.get().fields().values().forEach(f -> choices.add(f.value()));
      if (orDefault) {
        choices.add(argument(arguments, 2).orElse(new Value.Null(span, file)));
      }
      return Optional.of(Urls.oneOf(span, choices));
    }
    return Optional.empty();
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
    // The separator keeps the resource keys of the text it was given as.
    Value separatorText =
        new Value.Text(
            span,
            separator,
            file,
            false,
            argument(arguments, 1).map(v -> Urls.resources(v)).orElse(List.of()));
    List<String> parts = new ArrayList<>();
    for (Value item : texts.items()) {
      Optional<String> text = Values.text(item);
      if (text.isEmpty()) {
        return joinAll(texts.items(), separatorText, span, file, "Text.Combine");
      }
      parts.add(text.get());
    }
    List<Value> all = new ArrayList<>(texts.items());
    all.add(separatorText);
    return new Value.Text(
        span,
        String.join(separator, parts),
        file,
        false,
        Urls.resources(all.toArray(Value[]::new)));
  }

  /** Items joined with a separator, as {@code &} would: what is known of the start is kept. */
  private static Value joinAll(
      List<Value> items, Value separator, Span span, String file, String function) {
    if (items.isEmpty() || items.stream().anyMatch(i -> !Urls.mayBeText(i, separator))) {
      return new Value.Unknown(span);
    }
    Value joined = items.get(0);
    for (int i = 1; i < items.size(); i++) {
      String how = "joined by " + function;
      joined =
          Urls.join(span, Urls.join(span, joined, separator, file, how), items.get(i), file, how);
    }
    return joined;
  }

  /**
   * {@code Text.Format("https://#{0}.contoso.example/", {tenant})}: folded when every value is
   * known text; otherwise unknown, built on the format string's constant start.
   */
  private static Value format(List<Thunk> arguments, Span span, String file) {
    Optional<Value> format = argument(arguments, 0);
    Optional<Value> values = argument(arguments, 1);
    if (format.isEmpty() || values.isEmpty() || Values.text(format.get()).isEmpty()) {
      return new Value.Unknown(span);
    }
    String pattern = Values.text(format.get()).get();
    Value plainValues = Values.plain(values.get());
    if (plainValues instanceof Value.ListValue list) {
      List<Value> parts = new ArrayList<>();
      int at = 0;
      java.util.regex.Matcher placeholder =
          java.util.regex.Pattern.compile("#\\{(\\d+)\\}").matcher(pattern);
      while (placeholder.find()) {
        int index = Integer.parseInt(placeholder.group(1));
        if (index >= list.items().size()) {
          return new Value.Unknown(span);
        }
        parts.add(new Value.Text(span, pattern.substring(at, placeholder.start()), file));
        parts.add(list.items().get(index));
        at = placeholder.end();
      }
      parts.add(new Value.Text(span, pattern.substring(at), file));
      Value formatted = joinAll(parts, new Value.Text(span, "", file), span, file, "Text.Format");
      // A resource string formatted with values is still that resource string, translated.
      boolean resource = ((Value.Text) Values.plain(format.get())).wholeResource();
      List<String> resources = Urls.resources(format.get(), formatted);
      if (formatted instanceof Value.Text text) {
        return new Value.Text(text.span(), text.value(), text.file(), resource, resources);
      }
      return formatted instanceof Value.Unknown unknown
          ? new Value.Unknown(unknown.span(), unknown.taint(), unknown.base(), resources)
          : formatted;
    }
    // Values in a record: which flow goes where is not followed. One that starts the text
    // decides the scheme; otherwise the format's start does.
    Value.Text constant = (Value.Text) Values.plain(format.get());
    Taint.Step at = new Taint.Step("joined by Text.Format", file, span);
    Taint taint =
        pattern.startsWith("#[")
            ? Taint.of(values.get()).computed(at)
            : Taint.of(values.get()).joined(Urls.after(constant, file, span), at);
    List<Value> texts = new ArrayList<>(List.of(constant));
    Values.record(values.get())
        .ifPresent(r -> r.fields().values().forEach(f -> texts.add(f.value())));
    return new Value.Unknown(
        span,
        taint,
        constant.value().isEmpty() ? Optional.empty() : Optional.of(constant),
        Urls.resources(texts.toArray(Value[]::new)));
  }

  /**
   * {@code Uri.Combine(base, relative)}: the base's scheme, unless the relative part is itself an
   * absolute URL (then it is the result).
   */
  private static Value combineUri(List<Thunk> arguments, Span span, String file) {
    Optional<Value> base = argument(arguments, 0);
    Optional<Value> relative = argument(arguments, 1);
    if (base.isEmpty() || relative.isEmpty()) {
      return new Value.Unknown(span);
    }
    Optional<String> absolute = Values.text(relative.get()).flatMap(Urls::scheme);
    if (absolute.isPresent()) {
      return relative.get();
    }
    Taint.Step at = new Taint.Step("joined by Uri.Combine", file, span);
    Taint taint =
        Taint.of(base.get())
            .computed(at)
            .union(Taint.of(relative.get()).joined(Urls.after(base.get(), file, span), at));
    return new Value.Unknown(
        span, taint, Urls.base(base.get()), Urls.resources(base.get(), relative.get()));
  }
}
