package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Function application: a connector function is called on its arguments (lazily, each flow gaining
 * a step that names the call), a library function is folded by {@link LibraryCalls}, and anything
 * else gives an unknown value carrying what the arguments carry. Recursion is cut after a few
 * rounds, its result approximated by what the arguments carry.
 */
final class FunctionCalls {
  /** Calls nested deeper than this are not followed (their result is unknown). */
  static final int MAX_CALL_DEPTH = 48;

  /** How many rounds a recursive function is unrolled before its result is approximated. */
  static final int MAX_RECURSION = 2;

  private final Evaluator evaluator;
  private final IdentityHashMap<Expr.Function, Integer> activeCalls = new IdentityHashMap<>();
  private final Set<Value.FunctionValue> probedHandlers =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private int depth;

  FunctionCalls(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /**
   * Calls {@code function}; {@code stepIntoArguments} adds a "passed to" step to each argument's
   * flows (not for an export called the way a user does, whose arguments are the sources).
   */
  Value call(
      Value function,
      List<Thunk> arguments,
      Span span,
      String file,
      String callee,
      boolean stepIntoArguments) {
    Value plain = Values.plain(function);
    if (plain instanceof Value.FunctionValue closure) {
      int active = activeCalls.getOrDefault(closure.function(), 0);
      if (depth >= MAX_CALL_DEPTH && active < MAX_RECURSION) {
        evaluator.callDepthExceeded(file, span);
      }
      if (depth >= MAX_CALL_DEPTH || active >= MAX_RECURSION) {
        // Recursion: the result is what the arguments may carry, without unrolling further (an
        // approximation of the fixed point that keeps the flows and stays linear in code size).
        return new Value.Unknown(
            span, carried(arguments).transformed("through " + callee, file, span));
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
        Value result = evaluator.eval(closure.function().body(), inner, closure.file());
        // A return type written in the function is checked by the engine; one given by
        // Value.ReplaceType is not, so it only fills in what nothing else says.
        return closure.function().returnType().isPresent()
            ? TypeValues.asserted(result, closure.function().returnType().get().name())
            : TypeValues.typed(result, TypeValues.declared(closure));
      } finally {
        depth--;
        activeCalls.merge(closure.function(), -1, Integer::sum);
      }
    }
    if (plain instanceof Value.Library library) {
      return LibraryCalls.call(evaluator, library.name(), arguments, span, file);
    }
    return new Value.Unknown(span, carried(arguments).transformed("through " + callee, file, span));
  }

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
    call(handler, arguments, span, file, "a handler given to " + library, true);
  }

  private static Taint carried(List<Thunk> arguments) {
    Taint carried = Taint.NONE;
    for (Thunk argument : arguments) {
      carried = carried.union(Taint.of(argument.force()));
    }
    return carried;
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
}
