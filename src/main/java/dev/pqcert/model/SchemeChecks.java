package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a condition that checks a URL's scheme is HTTPS, however it is written: {@code
 * Uri.Parts(url)[Scheme] = "https"} (or {@code <>}, {@code not}, {@code and}/{@code or} with other
 * conditions), {@code Text.StartsWith(url, "https://")}, through {@code let} variables and record
 * fields ({@code parts = Uri.Parts(url)}, {@code parts[Scheme]}), and through the connector's own
 * predicates ({@code IsHttps(url)}), whatever they are called.
 */
final class SchemeChecks {
  private static final int MAX_DEPTH = 8;
  private static final List<String> CASE_AND_SPACE =
      List.of("Text.Lower", "Text.Upper", "Text.Trim", "Text.Clean");

  /**
   * A recognised check: the sources of the value it checks, and on which branch the scheme is
   * HTTPS.
   */
  record Check(Set<Taint.Source> sources, boolean httpsWhenTrue, Taint.Scheme scheme) {}

  /** A condition found to test the scheme of {@code tested}. */
  private record Test(Expr tested, Scope scope, String file, boolean httpsWhenTrue) {}

  private final Evaluator evaluator;

  private SchemeChecks(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /**
   * The check {@code condition} makes, when it is an HTTPS check on a value that carries flows
   * (there is nothing to mark on a value that carries none).
   */
  static Optional<Check> of(Evaluator evaluator, Expr condition, Scope scope, String file) {
    Optional<Test> test = new SchemeChecks(evaluator).test(condition, scope, file, 0);
    if (test.isEmpty()) {
      return Optional.empty();
    }
    Value tested = evaluator.eval(test.get().tested(), test.get().scope(), test.get().file());
    Set<Taint.Source> sources = Taint.of(tested).sources();
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    Span at = condition.span();
    return Optional.of(
        new Check(
            sources,
            test.get().httpsWhenTrue(),
            new Taint.Scheme(Taint.SchemeKind.HTTPS, "the HTTPS check", file, at)));
  }

  private Optional<Test> test(Expr condition, Scope scope, String file, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (condition instanceof Expr.Unary unary && unary.operator() == Expr.UnaryOperator.NOT) {
      return test(unary.operand(), scope, file, depth + 1).map(SchemeChecks::negated);
    }
    if (condition instanceof Expr.Binary binary) {
      // With `and`, both sides hold on the true branch; with `or`, neither on the false one.
      return switch (binary.operator()) {
        case AND -> either(binary, scope, file, depth, true);
        case OR -> either(binary, scope, file, depth, false);
        case EQUAL, NOT_EQUAL -> comparison(binary, scope, file, depth);
        default -> Optional.empty();
      };
    }
    // (Tests and branches rather than Optional's lambdas: every condition a model evaluates comes
    // here, mostly before the JIT has compiled anything.)
    if (condition instanceof Expr.Invoke invoke) {
      Optional<Test> startsWith = startsWith(invoke, scope, file);
      return startsWith.isPresent() ? startsWith : predicate(invoke, scope, file, depth);
    }
    if (condition instanceof Expr.Let let) {
      return test(let.body(), evaluator.letScope(let, scope, file), file, depth + 1);
    }
    Optional<Defined> definition = definition(condition, scope);
    if (definition.isEmpty()) {
      return Optional.empty();
    }
    Defined d = definition.get();
    return test(d.expr, d.scope, d.file, depth + 1);
  }

  private Optional<Test> either(
      Expr.Binary binary, Scope scope, String file, int depth, boolean whenTrue) {
    Optional<Test> left = test(binary.left(), scope, file, depth + 1);
    if (left.isPresent() && left.get().httpsWhenTrue() == whenTrue) {
      return left;
    }
    Optional<Test> right = test(binary.right(), scope, file, depth + 1);
    return right.isPresent() && right.get().httpsWhenTrue() == whenTrue ? right : Optional.empty();
  }

  /** {@code scheme = "https"} or {@code scheme <> "https"}, either way round. */
  private Optional<Test> comparison(Expr.Binary binary, Scope scope, String file, int depth) {
    boolean equal = binary.operator() == Expr.BinaryOperator.EQUAL;
    Optional<Test> found = Optional.empty();
    if (isHttps(binary.right(), scope, file)) {
      found = schemeOf(binary.left(), scope, file, depth + 1);
    } else if (isHttps(binary.left(), scope, file)) {
      found = schemeOf(binary.right(), scope, file, depth + 1);
    }
    return found.map(t -> new Test(t.tested(), t.scope(), t.file(), equal));
  }

  private boolean isHttps(Expr expression, Scope scope, String file) {
    if (expression instanceof Expr.Literal
        || expression instanceof Expr.Identifier
        || (expression instanceof Expr.Invoke invoke && isLibrary(invoke.function(), scope))) {
      return Values.text(evaluator.eval(expression, scope, file))
          .map(t -> t.strip().toLowerCase(Locale.ROOT))
          .filter(t -> t.equals("https") || t.equals("https:"))
          .isPresent();
    }
    return false;
  }

  /** The URL whose scheme an expression is: {@code Uri.Parts(url)[Scheme]}, lower-cased or not. */
  private Optional<Test> schemeOf(Expr expression, Scope scope, String file, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expression instanceof Expr.FieldAccess access
        && access.target().isPresent()
        && access.field().name().equals("Scheme")) {
      return uriParts(access.target().get(), scope, file, depth + 1);
    }
    if (expression instanceof Expr.Invoke invoke && invoke.arguments().size() >= 1) {
      if (isLibrary(invoke.function(), scope, "Record.Field")
          && invoke.arguments().size() == 2
          && Values.text(evaluator.eval(invoke.arguments().get(1), scope, file))
              .filter("Scheme"::equals)
              .isPresent()) {
        return uriParts(invoke.arguments().get(0), scope, file, depth + 1);
      }
      if (CASE_AND_SPACE.stream().anyMatch(n -> isLibrary(invoke.function(), scope, n))) {
        return schemeOf(invoke.arguments().get(0), scope, file, depth + 1);
      }
    }
    return definition(expression, scope).flatMap(d -> schemeOf(d.expr, d.scope, d.file, depth + 1));
  }

  private Optional<Test> uriParts(Expr expression, Scope scope, String file, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expression instanceof Expr.Invoke invoke
        && isLibrary(invoke.function(), scope, "Uri.Parts")
        && invoke.arguments().size() == 1) {
      return Optional.of(new Test(invoke.arguments().get(0), scope, file, true));
    }
    return definition(expression, scope).flatMap(d -> uriParts(d.expr, d.scope, d.file, depth + 1));
  }

  /** {@code Text.StartsWith(url, "https://")}, with or without a comparer. */
  private Optional<Test> startsWith(Expr.Invoke invoke, Scope scope, String file) {
    if (!isLibrary(invoke.function(), scope, "Text.StartsWith") || invoke.arguments().size() < 2) {
      return Optional.empty();
    }
    boolean https =
        Values.text(evaluator.eval(invoke.arguments().get(1), scope, file))
            .map(t -> t.toLowerCase(Locale.ROOT))
            .filter(t -> t.startsWith("https"))
            .isPresent();
    if (!https) {
      return Optional.empty();
    }
    Expr tested = invoke.arguments().get(0);
    while (tested instanceof Expr.Invoke inner
        && inner.arguments().size() == 1
        && CASE_AND_SPACE.stream().anyMatch(n -> isLibrary(inner.function(), scope, n))) {
      tested = inner.arguments().get(0);
    }
    return Optional.of(new Test(tested, scope, file, true));
  }

  /**
   * A call of the connector's own predicate ({@code IsHttps(url)}): its body is recognised with its
   * parameters bound to the arguments, so a check on a parameter is a check on the argument.
   */
  private Optional<Test> predicate(Expr.Invoke invoke, Scope scope, String file, int depth) {
    if (!(Values.plain(evaluator.eval(invoke.function(), scope, file))
        instanceof Value.FunctionValue function)) {
      return Optional.empty();
    }
    List<Expr.Parameter> parameters = function.function().parameters();
    Scope inner = function.closure().child();
    for (int i = 0; i < parameters.size(); i++) {
      Expr.Parameter parameter = parameters.get(i);
      Expr argument = i < invoke.arguments().size() ? invoke.arguments().get(i) : null;
      inner.bind(
          new Definition.Parameter(
              parameter.name().name(), parameter.span(), function.file(), function.function(), i),
          argument == null
              ? Thunk.of(new Value.Null(invoke.span(), file))
              : Thunk.lazy(argument, () -> evaluator.eval(argument, scope, file)));
    }
    // The tested value is evaluated in the predicate's scope: its parameter is the argument.
    return test(function.function().body(), inner, function.file(), depth + 1);
  }

  /** Where a name used in a condition is defined: a let variable, record field or member. */
  private record Defined(Expr expr, Scope scope, String file) {}

  private Optional<Defined> definition(Expr expression, Scope scope) {
    if (!(expression instanceof Expr.Identifier id)) {
      return Optional.empty();
    }
    Optional<Scope.Binding> binding = scope.lookup(id.name());
    if (binding.isEmpty() || binding.get().value().expression().isEmpty()) {
      return Optional.empty();
    }
    Expr defined = binding.get().value().expression().get();
    Definition definition = binding.get().definition();
    if (definition instanceof Definition.LetVariable let) {
      return scope.owner(id.name()).map(s -> new Defined(defined, s, let.file()));
    }
    if (definition instanceof Definition.RecordFieldName field) {
      return scope.owner(id.name()).map(s -> new Defined(defined, s, field.file()));
    }
    if (definition instanceof Definition.MemberDefinition member) {
      return Optional.of(
          new Defined(defined, evaluator.environment().sectionScope(), member.member().file()));
    }
    return Optional.empty(); // a parameter's expression belongs to a caller the model cannot see
  }

  private static boolean isLibrary(Expr function, Scope scope) {
    return function instanceof Expr.Identifier id && scope.lookup(id.name()).isEmpty();
  }

  private static boolean isLibrary(Expr function, Scope scope, String name) {
    return function instanceof Expr.Identifier id
        && id.name().equals(name)
        && scope.lookup(name).isEmpty();
  }

  private static Test negated(Test test) {
    return new Test(test.tested(), test.scope(), test.file(), !test.httpsWhenTrue());
  }
}
