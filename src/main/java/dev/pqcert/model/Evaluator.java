package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Constant folding over M: computes what is static (literals, records, lists, {@code &}, names
 * bound to constants, {@code if} on constant conditions, metadata, types, resource strings, bundled
 * modules) and calls connector-defined functions on what it knows. It never runs M against the
 * outside world: library functions other than a few pure ones give {@link Value.Unknown}. A step
 * budget bounds the work on recursive or huge code; past it, values are unknown.
 */
public final class Evaluator {
  private static final int MAX_CALL_DEPTH = 48;
  private static final int MAX_RECURSION = 2;
  private static final long MAX_STEPS = 2_000_000;

  /** What evaluation needs from the connector around it. */
  public interface Environment {
    /** The string for {@code Extension.LoadString(key)}, when {@code resources.resx} has it. */
    Optional<String> resource(String key);

    /** The parsed module for {@code Extension.Contents(name)}, when the package has one. */
    Optional<SourceFile> module(String name);

    /** The scope {@code #shared} stands for: the section's shared members. */
    Scope sharedScope();

    /** The section's own scope, for {@code Section!Member}. */
    Scope sectionScope();
  }

  private final Environment environment;
  private final Map<String, Value> moduleValues = new LinkedHashMap<>();
  private final Map<String, ModuleLoad> moduleLoads = new LinkedHashMap<>();
  private final java.util.IdentityHashMap<Expr.Function, Integer> activeCalls =
      new java.util.IdentityHashMap<>();
  private long steps;
  private boolean exhausted;
  private int depth;

  public Evaluator(Environment environment) {
    this.environment = environment;
  }

  /**
   * Runs one top-level task (forcing a member, exploring a function) with a budget of its own, so
   * that one heavy function cannot starve the facts computed after it.
   */
  public <T> T task(java.util.function.Supplier<T> work) {
    long saved = steps;
    steps = 0;
    try {
      return work.get();
    } finally {
      steps = saved;
    }
  }

  /** Whether some evaluation ran out of budget (its values are unknown, not guessed). */
  public boolean exhausted() {
    return exhausted;
  }

  /** How deep evaluation is on error paths (a try's handler, the branch of a failure). */
  private int errorPath;

  /** How deep evaluation is inside functions explored on their own, with no caller. */
  private int withoutCaller;

  /**
   * Calls a function nothing in the connector is known to call with real values, with unknown
   * parameters, for the facts inside it; its calls are marked {@link CallSite#withoutCaller}.
   */
  public Value callWithoutCaller(Value function, List<Thunk> arguments, Span span, String file) {
    withoutCaller++;
    try {
      return call(function, arguments, span, file);
    } finally {
      withoutCaller--;
    }
  }

  /** Whether evaluation is inside a function explored on its own. */
  boolean withoutCaller() {
    return withoutCaller > 0;
  }

  /** Evaluates {@code expression}, written in {@code file}, in {@code scope}. */
  public Value eval(Expr expression, Scope scope, String file) {
    if (++steps > MAX_STEPS) {
      exhausted = true;
      return unknown(expression);
    }
    if (expression instanceof Expr.Literal literal) {
      return literal(literal, file);
    }
    if (expression instanceof Expr.Identifier identifier) {
      return identifier(identifier.name(), identifier.inclusive(), identifier.span(), scope);
    }
    if (expression instanceof Expr.HashKeyword hash) {
      return hash.keyword().equals("#shared")
              || hash.keyword().equals("#sections")
              || hash.keyword().equals("#table")
          ? new Value.Library(hash.span(), hash.keyword())
          : unknown(hash);
    }
    if (expression instanceof Expr.SectionAccess access) {
      return environment
          .sectionScope()
          .lookup(access.member())
          .map(b -> b.value().force())
          .orElse(unknown(access));
    }
    if (expression instanceof Expr.ListExpr list) {
      List<Value> items = new ArrayList<>();
      for (Expr item : list.items()) {
        items.add(item instanceof Expr.Range ? unknown(item) : eval(item, scope, file));
      }
      return new Value.ListValue(list.span(), items, file);
    }
    if (expression instanceof Expr.RecordExpr record) {
      return record(record, scope, file);
    }
    if (expression instanceof Expr.FieldAccess access) {
      return fieldAccess(access, scope, file);
    }
    if (expression instanceof Expr.ItemAccess access) {
      return itemAccess(access, scope, file);
    }
    if (expression instanceof Expr.Invoke invoke) {
      Value function = eval(invoke.function(), scope, file);
      List<Thunk> arguments = new ArrayList<>();
      for (Expr argument : invoke.arguments()) {
        arguments.add(Thunk.lazy(argument, () -> eval(argument, scope, file)));
      }
      String callee =
          invoke.function() instanceof Expr.Identifier identifier
              ? identifier.name()
              : "a function";
      return call(function, arguments, invoke.span(), file, callee);
    }
    if (expression instanceof Expr.Unary unary) {
      return unary(unary, eval(unary.operand(), scope, file), file);
    }
    if (expression instanceof Expr.Binary binary) {
      return binary(binary, scope, file);
    }
    if (expression instanceof Expr.TypeValue typeValue) {
      return type(typeValue.type(), scope, file);
    }
    if (expression instanceof Expr.Function function) {
      return new Value.FunctionValue(function.span(), function, scope, Optional.empty(), file);
    }
    if (expression instanceof Expr.Each each) {
      return new Value.FunctionValue(
          each.span(), eachAsFunction(each), scope, Optional.empty(), file);
    }
    if (expression instanceof Expr.Let let) {
      return eval(let.body(), letScope(let, scope, file), file);
    }
    if (expression instanceof Expr.If when) {
      Optional<Boolean> condition = Values.logical(eval(when.condition(), scope, file));
      if (condition.isEmpty()) {
        return eitherBranch(when, scope, file);
      }
      return eval(condition.get() ? when.whenTrue() : when.whenFalse(), scope, file);
    }
    if (expression instanceof Expr.Try attempt) {
      // The value when nothing fails: the loader's `try Expression.Evaluate(...) catch ...`.
      // The handler is followed too, for the flows and sinks in it.
      Value body = eval(attempt.body(), scope, file);
      errorPath++;
      try {
        attempt.otherwise().ifPresent(fallback -> eval(fallback, scope, file));
        attempt
            .catchHandler()
            .ifPresent(
                handler ->
                    call(
                        new Value.FunctionValue(
                            handler.span(), handler, scope, Optional.empty(), file),
                        List.of(Thunk.of(new Value.Unknown(handler.span()))),
                        handler.span(),
                        file,
                        "the catch handler"));
      } finally {
        errorPath--;
      }
      return body;
    }
    if (expression instanceof Expr.TypeTest test && test.assertion()) {
      return asserted(eval(test.value(), scope, file), test.type().name());
    }
    return unknown(expression);
  }

  /** The scope of a {@code let}'s body: its variables, each evaluated lazily in that scope. */
  Scope letScope(Expr.Let let, Scope scope, String file) {
    Scope inner = scope.child();
    for (Expr.Binding binding : let.bindings()) {
      inner.bind(
          new Definition.LetVariable(binding.name().name(), binding.name().span(), file),
          Thunk.lazy(
              binding.value(),
              () -> eval(binding.value(), inner.excluding(binding.name().name()), file)));
    }
    return inner;
  }

  /**
   * An {@code if} whose condition is not known: either branch may run, so both are followed and
   * their flows and sinks seen. When the condition is an HTTPS check on a value, the branch where
   * it holds sees that value's flows as HTTPS: the value it returns (a {@code ValidateUrl} helper)
   * and the requests made while it is evaluated (M is lazy: they run only after the check). The
   * value is unknown, with the flows of both branches and what both agree on ({@link Urls#either}).
   */
  private Value eitherBranch(Expr.If when, Scope scope, String file) {
    Optional<SchemeChecks.Check> check = SchemeChecks.of(this, when.condition(), scope, file);
    Optional<Boolean> failed = failureTest(when.condition());
    Value whenTrue =
        onPath(
            failed.orElse(false),
            () -> branch(when.whenTrue(), scope, file, check.filter(c -> c.httpsWhenTrue())));
    Value whenFalse =
        onPath(
            !failed.orElse(true),
            () -> branch(when.whenFalse(), scope, file, check.filter(c -> !c.httpsWhenTrue())));
    boolean trueFails = when.whenTrue() instanceof Expr.ErrorRaise;
    boolean falseFails = when.whenFalse() instanceof Expr.ErrorRaise;
    // `if ok then x else error ...` is x whenever it returns a value.
    if (falseFails && !trueFails) {
      return whenTrue;
    }
    if (trueFails && !falseFails) {
      return whenFalse;
    }
    return Urls.either(when.span(), whenTrue, whenFalse);
  }

  /** Evaluates {@code work} on the error path when {@code error} says so. */
  private Value onPath(boolean error, java.util.function.Supplier<Value> work) {
    if (!error) {
      return work.get();
    }
    errorPath++;
    try {
      return work.get();
    } finally {
      errorPath--;
    }
  }

  /**
   * Whether a condition tests that something failed ({@code result[HasError]}, as a {@code try}
   * result says): empty when it is no such test; true when the failure is the then-branch, false
   * when it is the else-branch ({@code not result[HasError]}).
   */
  private static Optional<Boolean> failureTest(Expr condition) {
    if (condition instanceof Expr.FieldAccess access && access.field().name().equals("HasError")) {
      return Optional.of(true);
    }
    if (condition instanceof Expr.Unary unary && unary.operator() == Expr.UnaryOperator.NOT) {
      return failureTest(unary.operand()).map(failed -> !failed);
    }
    return Optional.empty();
  }

  /** Whether evaluation is on an error path: a {@code try}'s handler, a failure's branch. */
  boolean onErrorPath() {
    return errorPath > 0;
  }

  private Value branch(Expr branch, Scope scope, String file, Optional<SchemeChecks.Check> check) {
    if (check.isEmpty()) {
      return eval(branch, scope, file);
    }
    Taint.Scheme https = check.get().scheme();
    Set<Taint.Source> sources = check.get().sources();
    guards.push(new Guard(sources, https));
    try {
      Value value = eval(branch, scope, file);
      if (Values.plain(value) instanceof Value.Unknown unknown) {
        return unknown.withTaint(unknown.taint().checked(sources, https));
      }
      return value;
    } finally {
      guards.pop();
    }
  }

  /** An HTTPS check in force while its branch is evaluated: the sources it checked. */
  private record Guard(Set<Taint.Source> sources, Taint.Scheme scheme) {}

  private final java.util.Deque<Guard> guards = new java.util.ArrayDeque<>();

  /**
   * A value known to be of a primitive type ({@code x as table}, the result of a function declared
   * {@code as table}): an unknown value learns the type; {@code any} says nothing.
   */
  static Value typed(Value value, String type) {
    if (type.isEmpty() || type.equals("any") || type.equals("anynonnull")) {
      return value;
    }
    return value instanceof Value.Unknown unknown && unknown.type().isEmpty()
        ? unknown.withType(type)
        : value;
  }

  /**
   * A value that passed {@code as type} (or a function's own declared return type, which the engine
   * checks): whatever was inferred, it is of that type when it is a value at all.
   */
  static Value asserted(Value value, String type) {
    if (type.isEmpty() || type.equals("any") || type.equals("anynonnull")) {
      return value;
    }
    return value instanceof Value.Unknown unknown ? unknown.withType(type) : value;
  }

  /** The primitive return type a function declares, by its own syntax or its replaced type. */
  private static String declared(Value.FunctionValue function) {
    if (function.replacedType().isPresent()
        && Values.plain(function.replacedType().get()) instanceof Value.TypeValue type
        && type.shape() instanceof TypeShape.FunctionType shape) {
      return TypeShape.primitiveName(shape.returnType());
    }
    return function.function().returnType().map(TypeNode.Primitive::name).orElse("");
  }

  /** {@code each body} is {@code (_) => body}. */
  public static Expr.Function eachAsFunction(Expr.Each each) {
    Span at = each.span();
    return new Expr.Function(
        at,
        List.of(new Expr.Parameter(at, new Expr.Name(at, "_"), false, Optional.empty())),
        Optional.empty(),
        each.body());
  }

  private Value identifier(String name, Span span, Scope scope) {
    return identifier(name, false, span, scope);
  }

  private Value identifier(String name, boolean inclusive, Span span, Scope scope) {
    Optional<Scope.Binding> binding = scope.lookup(name, inclusive);
    if (binding.isPresent()) {
      return binding.get().value().force();
    }
    return LibraryNames.isLibrary(name) ? new Value.Library(span, name) : new Value.Unknown(span);
  }

  private static Value literal(Expr.Literal literal, String file) {
    return switch (literal.kind()) {
      case NUMBER ->
          new Value.NumberValue(literal.span(), (Double) literal.value(), literal.raw(), file);
      case TEXT -> new Value.Text(literal.span(), (String) literal.value(), file);
      case LOGICAL -> new Value.Logical(literal.span(), (Boolean) literal.value(), file);
      case NULL -> new Value.Null(literal.span(), file);
      case VERBATIM -> new Value.Unknown(literal.span());
    };
  }

  private Value record(Expr.RecordExpr record, Scope scope, String file) {
    // Fields see each other, as in M.
    Scope fields = scope.child();
    for (Expr.Field field : record.fields()) {
      fields.bind(
          new Definition.RecordFieldName(field.name().name(), field.name().span(), file),
          Thunk.lazy(
              field.value(),
              () -> eval(field.value(), fields.excluding(field.name().name()), file)));
    }
    Map<String, Value.RecordField> values = new LinkedHashMap<>();
    for (Expr.Field field : record.fields()) {
      Value value = fields.own().get(field.name().name()).value().force();
      values.putIfAbsent(
          field.name().name(),
          new Value.RecordField(field.name().span(), field.name().name(), value));
    }
    return new Value.RecordValue(record.span(), values, file);
  }

  private Value fieldAccess(Expr.FieldAccess access, Scope scope, String file) {
    Value target =
        access.target().isPresent()
            ? eval(access.target().get(), scope, file)
            : identifier("_", access.span(), scope);
    String field = access.field().name();
    if (Values.plain(target) instanceof Value.Library library
        && (library.name().equals("#shared") || library.name().equals("#sections"))) {
      return identifier(field, access.span(), environment.sharedScope());
    }
    return selectField(target, field, access.optional(), access.span(), file);
  }

  /**
   * {@code target[field]} (or {@code Record.Field(target, field)}): the field of a known record; of
   * an unknown value, what that field carries of its flows ({@link Taint#field}).
   */
  Value selectField(Value target, String field, boolean optional, Span span, String file) {
    Optional<Value.RecordValue> record = Values.record(target);
    if (record.isEmpty()) {
      return new Value.Unknown(span, Taint.of(target).field(field, file, span));
    }
    Optional<Value> value = record.get().get(field);
    if (value.isPresent()) {
      return value.get();
    }
    return optional ? new Value.Null(span, file) : new Value.Unknown(span);
  }

  private Value itemAccess(Expr.ItemAccess access, Scope scope, String file) {
    Value target = Values.plain(eval(access.target(), scope, file));
    Value index = Values.plain(eval(access.index(), scope, file));
    if (target instanceof Value.ListValue list && index instanceof Value.NumberValue number) {
      int i = (int) number.value();
      if (i == number.value() && i >= 0 && i < list.items().size()) {
        return list.items().get(i);
      }
      return access.optional() ? new Value.Null(access.span(), file) : unknown(access);
    }
    return new Value.Unknown(access.span(), Taint.of(target).union(Taint.of(index)));
  }

  private static Value unary(Expr.Unary unary, Value operand, String file) {
    Value plain = Values.plain(operand);
    if (unary.operator() == Expr.UnaryOperator.NOT && plain instanceof Value.Logical logical) {
      return new Value.Logical(unary.span(), !logical.value(), file);
    }
    if (plain instanceof Value.NumberValue number) {
      return switch (unary.operator()) {
        case MINUS ->
            new Value.NumberValue(unary.span(), -number.value(), "-" + number.raw(), file);
        case PLUS -> number;
        case NOT -> new Value.Unknown(unary.span());
      };
    }
    return new Value.Unknown(unary.span(), Taint.of(operand));
  }

  private Value binary(Expr.Binary binary, Scope scope, String file) {
    Span span = binary.span();
    Value left = eval(binary.left(), scope, file);
    if (binary.operator() == Expr.BinaryOperator.COALESCE) {
      Value plainLeft = Values.plain(left);
      if (plainLeft instanceof Value.Null) {
        return eval(binary.right(), scope, file);
      }
      // Unknown on the left: either side may be the value, so only what both agree on holds.
      return Values.isKnown(plainLeft)
          ? left
          : Urls.either(span, left, eval(binary.right(), scope, file));
    }
    if (binary.operator() == Expr.BinaryOperator.AND
        || binary.operator() == Expr.BinaryOperator.OR) {
      Optional<Boolean> l = Values.logical(left);
      boolean isAnd = binary.operator() == Expr.BinaryOperator.AND;
      if (l.isPresent() && l.get() != isAnd) {
        return new Value.Logical(span, l.get(), file); // short circuit, as M does
      }
      Value rightValue = eval(binary.right(), scope, file);
      Optional<Boolean> r = Values.logical(rightValue);
      return l.isPresent() && r.isPresent()
          ? new Value.Logical(span, isAnd ? l.get() && r.get() : l.get() || r.get(), file)
          : new Value.Unknown(span, Taint.of(left).union(Taint.of(rightValue)));
    }
    Value right = eval(binary.right(), scope, file);
    if (binary.operator() == Expr.BinaryOperator.CONCATENATE && Urls.mayBeText(left, right)) {
      return Urls.join(span, left, right, file, "joined with &");
    }
    Taint taint = Taint.of(left).union(Taint.of(right));
    if (!taint.isEmpty()
        && binary.operator() != Expr.BinaryOperator.META
        && !(binary.operator() == Expr.BinaryOperator.CONCATENATE
            && Values.plain(left) instanceof Value.RecordValue
            && Values.plain(right) instanceof Value.RecordValue)
        && !(binary.operator() == Expr.BinaryOperator.CONCATENATE
            && Values.plain(left) instanceof Value.ListValue
            && Values.plain(right) instanceof Value.ListValue)) {
      return new Value.Unknown(span, taint); // a value built from a tainted one is never static
    }
    if (binary.operator() == Expr.BinaryOperator.META) {
      Optional<Value.RecordValue> meta = Values.record(right);
      return meta.isPresent() ? withMeta(span, left, meta.get()) : left;
    }
    Value l = Values.plain(left);
    Value r = Values.plain(right);
    switch (binary.operator()) {
      case CONCATENATE:
        return concatenate(span, l, r, file);
      case EQUAL:
      case NOT_EQUAL:
        Optional<Boolean> equal = Equality.of(l, r);
        return equal
            .<Value>map(
                e ->
                    new Value.Logical(
                        span, binary.operator() == Expr.BinaryOperator.EQUAL ? e : !e, file))
            .orElse(new Value.Unknown(span));
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
        if (l instanceof Value.NumberValue a && r instanceof Value.NumberValue b) {
          double result =
              switch (binary.operator()) {
                case ADD -> a.value() + b.value();
                case SUBTRACT -> a.value() - b.value();
                case MULTIPLY -> a.value() * b.value();
                default -> a.value() / b.value();
              };
          return new Value.NumberValue(span, result, Double.toString(result), file);
        }
        return new Value.Unknown(span);
      default:
        return new Value.Unknown(span);
    }
  }

  /** Records or lists joined with {@code &}; text is joined by {@link Urls#join}. */
  private static Value concatenate(Span span, Value l, Value r, String file) {
    if (l instanceof Value.RecordValue a && r instanceof Value.RecordValue b) {
      Map<String, Value.RecordField> merged = new LinkedHashMap<>(a.fields());
      merged.putAll(b.fields()); // the right record's fields win, as in M
      return new Value.RecordValue(span, merged, file);
    }
    if (l instanceof Value.ListValue a && r instanceof Value.ListValue b) {
      List<Value> items = new ArrayList<>(a.items());
      items.addAll(b.items());
      return new Value.ListValue(span, items, file);
    }
    return new Value.Unknown(span);
  }

  private static Value withMeta(Span span, Value value, Value.RecordValue meta) {
    if (value instanceof Value.WithMeta existing) {
      Map<String, Value.RecordField> merged = new LinkedHashMap<>(existing.meta().fields());
      merged.putAll(meta.fields());
      return new Value.WithMeta(
          span, existing.value(), new Value.RecordValue(meta.span(), merged, meta.file()));
    }
    return new Value.WithMeta(span, value, meta);
  }

  // ---- Types ----------------------------------------------------------------------------------

  private Value type(TypeNode type, Scope scope, String file) {
    if (type instanceof TypeNode.ExpressionType expression) {
      return eval(expression.expression(), scope, file);
    }
    TypeShape shape;
    if (type instanceof TypeNode.Primitive primitive) {
      shape = new TypeShape.Primitive(primitive.name(), primitive.nullable());
    } else if (type instanceof TypeNode.FunctionType function) {
      List<TypeShape.ParameterType> parameters = new ArrayList<>();
      for (TypeNode.ParameterSpec parameter : function.parameters()) {
        parameters.add(
            new TypeShape.ParameterType(
                parameter.name().name(),
                parameter.optional(),
                type(parameter.type(), scope, file),
                parameter.span()));
      }
      shape = new TypeShape.FunctionType(parameters, type(function.returnType(), scope, file));
    } else if (type instanceof TypeNode.RecordType record) {
      shape = recordShape(record);
    } else if (type instanceof TypeNode.TableType table) {
      shape = new TypeShape.TableType(table.rowType().map(Evaluator::recordShape));
    } else if (type instanceof TypeNode.ListType list) {
      shape = new TypeShape.ListType(type(list.item(), scope, file));
    } else {
      shape = new TypeShape.Nullable(type(((TypeNode.NullableType) type).inner(), scope, file));
    }
    return new Value.TypeValue(type.span(), shape, file);
  }

  private static TypeShape.RecordType recordShape(TypeNode.RecordType record) {
    return new TypeShape.RecordType(
        record.fields().stream().map(f -> f.name().name()).toList(), record.open());
  }

  // ---- Calls ----------------------------------------------------------------------------------

  /** Calls a function value on arguments; unknown unless the result is static. */
  public Value call(Value function, List<Thunk> arguments, Span span, String file) {
    return call(function, arguments, span, file, "a function");
  }

  Value call(Value function, List<Thunk> arguments, Span span, String file, String callee) {
    return call(function, arguments, span, file, callee, true);
  }

  /**
   * Calls an exported function the way a user does: its arguments are the sources themselves (the
   * parameters the user fills in), so they gain no "passed to" step.
   */
  public Value callExport(Value function, List<Thunk> arguments, Span span, String file) {
    return call(function, arguments, span, file, "", false);
  }

  private Value call(
      Value function,
      List<Thunk> arguments,
      Span span,
      String file,
      String callee,
      boolean stepIntoArguments) {
    Value plain = Values.plain(function);
    if (plain instanceof Value.FunctionValue closure) {
      int active = activeCalls.getOrDefault(closure.function(), 0);
      if (depth >= MAX_CALL_DEPTH || active >= MAX_RECURSION) {
        // Recursion: the result is what the arguments may carry, without unrolling further (an
        // approximation of the fixed point that keeps the flows and stays linear in code size).
        Taint carried = Taint.NONE;
        for (Thunk argument : arguments) {
          carried = carried.union(Taint.of(argument.force()));
        }
        return new Value.Unknown(span, carried.transformed("through " + callee, file, span));
      }
      Scope inner = closure.closure().child();
      List<Expr.Parameter> parameters = closure.function().parameters();
      for (int i = 0; i < parameters.size(); i++) {
        Expr.Parameter parameter = parameters.get(i);
        Thunk argument =
            i >= arguments.size()
                ? Thunk.of(new Value.Null(span, file))
                : stepIntoArguments
                    ? passed(arguments.get(i), callee, parameter.name().name(), span, file)
                    : arguments.get(i);
        inner.bind(
            new Definition.Parameter(
                parameter.name().name(), parameter.span(), closure.file(), closure.function(), i),
            argument);
      }
      depth++;
      activeCalls.merge(closure.function(), 1, Integer::sum);
      try {
        Value result = eval(closure.function().body(), inner, closure.file());
        // A return type written in the function is checked by the engine; one given by
        // Value.ReplaceType is not, so it only fills in what nothing else says.
        return closure.function().returnType().isPresent()
            ? asserted(result, closure.function().returnType().get().name())
            : typed(result, declared(closure));
      } finally {
        depth--;
        activeCalls.merge(closure.function(), -1, Integer::sum);
      }
    }
    if (plain instanceof Value.Library library) {
      return LibraryCalls.call(this, library.name(), arguments, span, file);
    }
    Taint taint = Taint.NONE;
    for (Thunk argument : arguments) {
      taint = taint.union(Taint.of(argument.force()));
    }
    return new Value.Unknown(span, taint.transformed("through " + callee, file, span));
  }

  private final Set<Value.FunctionValue> probedHandlers =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * Calls a handler given to a library function inside a record or list ({@code Table.View}'s
   * {@code GetRows}, an ODBC callback) once, for the flows and sinks in it: the library calls it
   * later with values of its own, so its parameters are unknown and carry nothing; what it reaches
   * comes from what it closes over (a {@code state} record, the connector's base URL). Its result
   * is not the library call's, and is dropped.
   */
  void probeHandler(Value.FunctionValue handler, Span span, String file, String library) {
    if (!probedHandlers.add(handler)) {
      return;
    }
    List<Thunk> arguments = new ArrayList<>();
    for (Expr.Parameter parameter : handler.function().parameters()) {
      arguments.add(Thunk.of(new Value.Unknown(parameter.span())));
    }
    call(handler, arguments, span, file, "a handler given to " + library);
  }

  /** An argument as the parameter sees it: tainted flows gain a step naming the call. */
  private static Thunk passed(
      Thunk argument, String callee, String parameter, Span span, String file) {
    return Thunk.lazy(
        argument.expression().orElse(null),
        () -> {
          Value value = argument.force();
          if (value instanceof Value.Unknown unknown && !unknown.taint().isEmpty()) {
            return unknown.withTaint(unknown.taint().passed(callee, parameter, file, span));
          }
          return value;
        });
  }

  // ---- Facts recorded while evaluating --------------------------------------------------------

  private final Map<CallKey, CallSite> callSites = new LinkedHashMap<>();
  private final Map<SinkKey, Sink> sinks = new LinkedHashMap<>();

  /**
   * What tells two recorded calls apart: one record per call site and per set of known arguments,
   * so that a loader helper called for two modules is two facts.
   */
  private record CallKey(
      String function,
      Site site,
      List<String> arguments,
      boolean withoutCaller,
      boolean onErrorPath) {}

  /** One sink per place, role and source. */
  private record SinkKey(Site site, SinkRole role, Taint.SourceKind kind, Site source) {}

  void recordCall(CallSite call) {
    List<String> arguments = new ArrayList<>();
    for (Value argument : call.arguments()) {
      StringBuilder known = new StringBuilder(Value.describe(argument));
      // Joined onto different constants, one site is several facts (http here, https there).
      if (Values.plain(argument) instanceof Value.Unknown unknown && unknown.base().isPresent()) {
        known.append(" on ").append(unknown.base().get().value());
      }
      // Or with different resource strings joined in (each key is a fact for PQ035).
      List<String> resources = Urls.resources(argument);
      if (!resources.isEmpty()) {
        known.append(" with ").append(resources);
      }
      arguments.add(known.toString());
    }
    callSites.putIfAbsent(
        new CallKey(
            call.function(), call.site(), arguments, call.withoutCaller(), call.onErrorPath()),
        call);
  }

  void recordSink(Sink reached) {
    Sink sink = reached;
    Taint.Flow flow = sink.flow();
    if (flow.scheme().isEmpty()) {
      for (Guard guard : guards) {
        if (guard.sources().contains(flow.source())) {
          sink = sink.withFlow(flow.withScheme(Optional.of(guard.scheme())));
          break;
        }
      }
    }
    Taint.Source source = sink.flow().source();
    SinkKey key =
        new SinkKey(sink.site(), sink.role(), source.kind(), Site.of(source.file(), source.span()));
    // Of a path past an HTTPS check and one around it, the one around it is kept: the bypass
    // must show. Otherwise the first path found.
    sinks.merge(
        key,
        sink,
        (kept, other) -> Taint.Flow.firstIsWeaker(kept.flow(), other.flow()) ? kept : other);
  }

  /** The library calls evaluated so far, in the order first reached. */
  public List<CallSite> callSites() {
    return List.copyOf(callSites.values());
  }

  /** The sensitive or untrusted flows that reached a sink, one per (sink, role, source). */
  public List<Sink> sinks() {
    return List.copyOf(sinks.values());
  }

  Environment environment() {
    return environment;
  }

  /** The value of a bundled module evaluated against {@code #shared}, computed once. */
  Value module(String name, Span span) {
    Value cached = moduleValues.get(name);
    if (cached != null) {
      return cached;
    }
    Optional<SourceFile> module = environment.module(name);
    moduleLoads.putIfAbsent(name, new ModuleLoad(name, module.isPresent(), span));
    if (module.isEmpty() || module.get().parse().document().expression().isEmpty()) {
      return new Value.Unknown(span);
    }
    moduleValues.put(name, new Value.Unknown(span)); // a module that loads itself stays unknown
    Value value =
        eval(
            module.get().parse().document().expression().get(),
            environment.sharedScope(),
            module.get().name());
    moduleValues.put(name, value);
    return value;
  }

  /** The modules evaluated so far through {@code Expression.Evaluate}, found or not. */
  public List<ModuleLoad> moduleLoads() {
    return List.copyOf(moduleLoads.values());
  }

  private static Value unknown(Expr expression) {
    return new Value.Unknown(expression.span());
  }
}
