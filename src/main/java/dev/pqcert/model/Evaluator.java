package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Constant folding over M: computes what is static (literals, records, lists, {@code &}, names
 * bound to constants, {@code if} on constant conditions, metadata, types, resource strings, bundled
 * modules) and calls connector-defined functions on what it knows. It never runs M against the
 * outside world: library functions other than a few pure ones give {@link Value.Unknown}. A step
 * budget bounds the work on recursive or huge code; past it, values are unknown.
 *
 * <p>Evaluation is expression in, value out; the facts met on the way (library calls, sinks, module
 * loads) go to the {@link FactRecorder}. Operators, types and function calls are computed by {@link
 * Operators}, {@link TypeValues} and {@link FunctionCalls}.
 */
public final class Evaluator {
  /** Evaluation steps one task may take; past them its values are unknown. */
  static final long MAX_STEPS = 2_000_000;

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
  private final FactRecorder recorder = new FactRecorder();
  private final FunctionCalls calls = new FunctionCalls(this);
  private final Map<String, Value> moduleValues = new LinkedHashMap<>();
  private long steps;
  private AnalysisLimit.Task task = new AnalysisLimit.Task("the connector", "", Span.NONE);

  public Evaluator(Environment environment) {
    this.environment = environment;
  }

  /**
   * Runs one top-level task (forcing a member, exploring a function) with a budget of its own, so
   * that one heavy function cannot starve the facts computed after it. {@code what} is named where
   * a limit cuts it short.
   */
  public <T> T task(AnalysisLimit.Task what, Supplier<T> work) {
    long savedSteps = steps;
    AnalysisLimit.Task savedTask = task;
    steps = 0;
    task = what;
    try {
      return work.get();
    } finally {
      steps = savedSteps;
      task = savedTask;
    }
  }

  /** Evaluates {@code expression}, written in {@code file}, in {@code scope}. */
  public Value eval(Expr expression, Scope scope, String file) {
    if (++steps > MAX_STEPS) {
      if (steps == MAX_STEPS + 1) {
        recorder.recordLimit(
            new AnalysisLimit(AnalysisLimit.Kind.STEP_BUDGET, task, file, expression.span()));
      }
      return unknown(expression);
    }
    return expression.accept(new Evaluation(scope, file));
  }

  /** Calls a function value on arguments; unknown unless the result is static. */
  public Value call(Value function, List<Thunk> arguments, Span span, String file) {
    return calls.call(function, arguments, span, file, "a function", true);
  }

  Value call(Value function, List<Thunk> arguments, Span span, String file, String callee) {
    return calls.call(function, arguments, span, file, callee, true);
  }

  /**
   * Calls an exported function the way a user does: its arguments are the sources themselves (the
   * parameters the user fills in), so they gain no "passed to" step.
   */
  public Value callExport(Value function, List<Thunk> arguments, Span span, String file) {
    return calls.call(function, arguments, span, file, "", false);
  }

  /**
   * Calls a function nothing in the connector is known to call with real values, with unknown
   * parameters, for the facts inside it; its calls are marked {@link CallSite#withoutCaller}.
   */
  public Value callWithoutCaller(Value function, List<Thunk> arguments, Span span, String file) {
    return recorder.withoutCaller(() -> call(function, arguments, span, file));
  }

  /** Calls a handler the library calls later, once, for the facts in it. */
  void probeHandler(Value.FunctionValue handler, Span span, String file, String library) {
    calls.probeHandler(handler, span, file, library);
  }

  /** Records that calls nested too deep at {@code span}; the call's result is unknown. */
  void callDepthExceeded(String file, Span span) {
    recorder.recordLimit(new AnalysisLimit(AnalysisLimit.Kind.CALL_DEPTH, task, file, span));
  }

  /** Where the facts met while evaluating go. */
  FactRecorder recorder() {
    return recorder;
  }

  Environment environment() {
    return environment;
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

  /** The value of a bundled module evaluated against {@code #shared}, computed once. */
  Value module(String name, Span span) {
    Value cached = moduleValues.get(name);
    if (cached != null) {
      return cached;
    }
    Optional<SourceFile> module = environment.module(name);
    recorder.recordModuleLoad(new ModuleLoad(name, module.isPresent(), span));
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

  private Value identifier(String name, boolean inclusive, Span span, Scope scope) {
    Optional<Scope.Binding> binding = scope.lookup(name, inclusive);
    if (binding.isPresent()) {
      return binding.get().value().force();
    }
    return LibraryNames.isLibrary(name) ? new Value.Library(span, name) : new Value.Unknown(span);
  }

  private static Value unknown(Expr expression) {
    return new Value.Unknown(expression.span());
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

  /** One expression's evaluation, in its scope and file: a method per kind of node. */
  private final class Evaluation implements Expr.Visitor<Value> {
    private final Scope scope;
    private final String file;

    Evaluation(Scope scope, String file) {
      this.scope = scope;
      this.file = file;
    }

    private Value eval(Expr expression) {
      return Evaluator.this.eval(expression, scope, file);
    }

    @Override
    public Value literal(Expr.Literal node) {
      return switch (node.kind()) {
        case NUMBER -> new Value.NumberValue(node.span(), (Double) node.value(), node.raw(), file);
        case TEXT -> new Value.Text(node.span(), (String) node.value(), file);
        case LOGICAL -> new Value.Logical(node.span(), (Boolean) node.value(), file);
        case NULL -> new Value.Null(node.span(), file);
        case VERBATIM -> new Value.Unknown(node.span());
      };
    }

    @Override
    public Value identifier(Expr.Identifier node) {
      return Evaluator.this.identifier(node.name(), node.inclusive(), node.span(), scope);
    }

    @Override
    public Value hashKeyword(Expr.HashKeyword node) {
      return node.keyword().equals("#shared")
              || node.keyword().equals("#sections")
              || node.keyword().equals("#table")
          ? new Value.Library(node.span(), node.keyword())
          : unknown(node);
    }

    @Override
    public Value sectionAccess(Expr.SectionAccess node) {
      return environment
          .sectionScope()
          .lookup(node.member())
          .map(b -> b.value().force())
          .orElse(unknown(node));
    }

    @Override
    public Value list(Expr.ListExpr node) {
      List<Value> items = new ArrayList<>();
      for (Expr item : node.items()) {
        items.add(item instanceof Expr.Range ? unknown(item) : eval(item));
      }
      return new Value.ListValue(node.span(), items, file);
    }

    @Override
    public Value range(Expr.Range node) {
      return unknown(node);
    }

    @Override
    public Value record(Expr.RecordExpr node) {
      // Fields see each other, as in M (but not themselves).
      Scope fields = scope.child();
      for (Expr.Field field : node.fields()) {
        fields.bind(
            new Definition.RecordFieldName(field.name().name(), field.name().span(), file),
            Thunk.lazy(
                field.value(),
                () ->
                    Evaluator.this.eval(
                        field.value(), fields.excluding(field.name().name()), file)));
      }
      Map<String, Value.RecordField> values = new LinkedHashMap<>();
      for (Expr.Field field : node.fields()) {
        Value value = fields.own().get(field.name().name()).value().force();
        values.putIfAbsent(
            field.name().name(),
            new Value.RecordField(field.name().span(), field.name().name(), value));
      }
      return new Value.RecordValue(node.span(), values, file);
    }

    @Override
    public Value fieldAccess(Expr.FieldAccess node) {
      Value target =
          node.target().isPresent()
              ? eval(node.target().get())
              : Evaluator.this.identifier("_", false, node.span(), scope);
      String field = node.field().name();
      if (Values.plain(target) instanceof Value.Library library
          && (library.name().equals("#shared") || library.name().equals("#sections"))) {
        return Evaluator.this.identifier(field, false, node.span(), environment.sharedScope());
      }
      return selectField(target, field, node.optional(), node.span(), file);
    }

    @Override
    public Value projection(Expr.Projection node) {
      return unknown(node);
    }

    @Override
    public Value itemAccess(Expr.ItemAccess node) {
      Value target = Values.plain(eval(node.target()));
      Value index = Values.plain(eval(node.index()));
      if (target instanceof Value.ListValue list && index instanceof Value.NumberValue number) {
        int i = (int) number.value();
        if (i == number.value() && i >= 0 && i < list.items().size()) {
          return list.items().get(i);
        }
        return node.optional() ? new Value.Null(node.span(), file) : unknown(node);
      }
      return new Value.Unknown(node.span(), Taint.of(target).union(Taint.of(index)));
    }

    @Override
    public Value invoke(Expr.Invoke node) {
      Value function = eval(node.function());
      List<Thunk> arguments = new ArrayList<>();
      for (Expr argument : node.arguments()) {
        arguments.add(Thunk.lazy(argument, () -> eval(argument)));
      }
      String callee =
          node.function() instanceof Expr.Identifier identifier ? identifier.name() : "a function";
      return call(function, arguments, node.span(), file, callee);
    }

    @Override
    public Value unary(Expr.Unary node) {
      return Operators.unary(node, eval(node.operand()), file);
    }

    @Override
    public Value binary(Expr.Binary node) {
      Span span = node.span();
      Value left = eval(node.left());
      if (node.operator() == Expr.BinaryOperator.COALESCE) {
        Value plainLeft = Values.plain(left);
        if (plainLeft instanceof Value.Null) {
          return eval(node.right());
        }
        // Unknown on the left: either side may be the value, so only what both agree on holds.
        return Values.isKnown(plainLeft) ? left : Urls.either(span, left, eval(node.right()));
      }
      if (node.operator() == Expr.BinaryOperator.AND || node.operator() == Expr.BinaryOperator.OR) {
        Optional<Boolean> l = Values.logical(left);
        boolean isAnd = node.operator() == Expr.BinaryOperator.AND;
        if (l.isPresent() && l.get() != isAnd) {
          return new Value.Logical(span, l.get(), file); // short circuit, as M does
        }
        Value right = eval(node.right());
        Optional<Boolean> r = Values.logical(right);
        return l.isPresent() && r.isPresent()
            ? new Value.Logical(span, isAnd ? l.get() && r.get() : l.get() || r.get(), file)
            : new Value.Unknown(span, Taint.of(left).union(Taint.of(right)));
      }
      return Operators.binary(node, left, eval(node.right()), file);
    }

    @Override
    public Value typeTest(Expr.TypeTest node) {
      return node.assertion()
          ? TypeValues.asserted(eval(node.value()), node.type().name())
          : unknown(node);
    }

    @Override
    public Value typeValue(Expr.TypeValue node) {
      return TypeValues.of(node.type(), scope, file, Evaluator.this);
    }

    @Override
    public Value function(Expr.Function node) {
      return new Value.FunctionValue(node.span(), node, scope, Optional.empty(), file);
    }

    @Override
    public Value each(Expr.Each node) {
      return new Value.FunctionValue(
          node.span(), eachAsFunction(node), scope, Optional.empty(), file);
    }

    @Override
    public Value let(Expr.Let node) {
      return Evaluator.this.eval(node.body(), letScope(node, scope, file), file);
    }

    @Override
    public Value ifThenElse(Expr.If node) {
      Optional<Boolean> condition = Values.logical(eval(node.condition()));
      if (condition.isEmpty()) {
        return eitherBranch(node);
      }
      return eval(condition.get() ? node.whenTrue() : node.whenFalse());
    }

    @Override
    public Value errorRaise(Expr.ErrorRaise node) {
      return unknown(node);
    }

    @Override
    public Value tryCatch(Expr.Try node) {
      // The value when nothing fails: the loader's `try Expression.Evaluate(...) catch ...`.
      // The handlers are followed too, on the error path, for the flows and sinks in them.
      Value body = eval(node.body());
      recorder.onErrorPath(
          true,
          () -> {
            node.otherwise().ifPresent(this::eval);
            node.catchHandler()
                .ifPresent(
                    handler ->
                        call(
                            new Value.FunctionValue(
                                handler.span(), handler, scope, Optional.empty(), file),
                            List.of(Thunk.of(new Value.Unknown(handler.span()))),
                            handler.span(),
                            file,
                            "the catch handler"));
            return body;
          });
      return body;
    }

    @Override
    public Value notImplemented(Expr.NotImplemented node) {
      return unknown(node);
    }

    @Override
    public Value invalid(Expr.Invalid node) {
      return unknown(node);
    }

    /**
     * An {@code if} whose condition is not known: either branch may run, so both are followed and
     * their flows and sinks seen. When the condition is an HTTPS check on a value, the branch where
     * it holds sees that value's flows as HTTPS: the value it returns (a {@code ValidateUrl}
     * helper) and the requests made while it is evaluated (M is lazy: they run only after the
     * check). The value is unknown, with the flows of both branches and what both agree on ({@link
     * Urls#either}). The branch of a failure ({@code result[HasError]}) is an error path.
     */
    private Value eitherBranch(Expr.If node) {
      Optional<SchemeChecks.Check> check =
          SchemeChecks.of(Evaluator.this, node.condition(), scope, file);
      Optional<Boolean> failed = failureTest(node.condition());
      Value whenTrue =
          recorder.onErrorPath(
              failed.orElse(false),
              () -> branch(node.whenTrue(), check.filter(c -> c.httpsWhenTrue())));
      Value whenFalse =
          recorder.onErrorPath(
              !failed.orElse(true),
              () -> branch(node.whenFalse(), check.filter(c -> !c.httpsWhenTrue())));
      boolean trueFails = node.whenTrue() instanceof Expr.ErrorRaise;
      boolean falseFails = node.whenFalse() instanceof Expr.ErrorRaise;
      // `if ok then x else error ...` is x whenever it returns a value.
      if (falseFails && !trueFails) {
        return whenTrue;
      }
      if (trueFails && !falseFails) {
        return whenFalse;
      }
      return Urls.either(node.span(), whenTrue, whenFalse);
    }

    private Value branch(Expr branch, Optional<SchemeChecks.Check> check) {
      if (check.isEmpty()) {
        return eval(branch);
      }
      Taint.Scheme https = check.get().scheme();
      Set<Taint.Source> sources = check.get().sources();
      return recorder.checked(
          new FactRecorder.Guard(sources, https),
          () -> {
            Value value = eval(branch);
            if (Values.plain(value) instanceof Value.Unknown unknown) {
              return unknown.withTaint(unknown.taint().checked(sources, https));
            }
            return value;
          });
    }
  }
}
