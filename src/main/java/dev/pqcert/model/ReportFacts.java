package dev.pqcert.model;

import dev.pqcert.bundle.ReportQuery;
import dev.pqcert.bundle.TestReport;
import dev.pqcert.bundle.TestReportFormat;
import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a test report's queries do with a connector, read with our parser and never run: which of
 * its exported functions they call, with which constant arguments, and which navigation items they
 * reach from what those functions return ({@code Source{[Name = "Airlines"]}[Data]}, a {@code Key}
 * or any other lookup record, {@code Table.SelectRows(Source, each [Name] = "Airlines")}, {@code
 * Source{0}} by position), each level of a nested navigation as one step of a path. Steps are
 * followed through {@code let} steps however they are named ({@code #"Navigation 1"}), through
 * other queries and parameters of the report referred to by name, and through functions the report
 * defines.
 *
 * @param report the report as read
 * @param calls each call of an exported function, in the order met
 * @param reached each navigation path a query reaches, without the paths that another one of the
 *     same query continues
 * @param otherFunctions functions the queries call that are neither this connector's exports nor
 *     the standard library's (another connector's, say), sorted
 * @param notes what could not be read, one line each (a query that does not parse)
 */
public record ReportFacts(
    TestReport report,
    List<ExportCall> calls,
    List<Reach> reached,
    Set<String> otherFunctions,
    List<String> notes) {

  public ReportFacts {
    calls = List.copyOf(calls);
    reached = List.copyOf(reached);
    otherFunctions = java.util.Collections.unmodifiableSet(new TreeSet<>(otherFunctions));
    notes = List.copyOf(notes);
  }

  /** How deep the walk of one query may go (nested lets, calls of the report's functions). */
  private static final int MAX_DEPTH = 64;

  /** A call of an exported function: where, and its arguments as M text when constant. */
  public record ExportCall(String function, String query, List<String> arguments) {
    public ExportCall {
      arguments = List.copyOf(arguments);
    }
  }

  /** A navigation path one query reaches in what an exported function returns. */
  public record Reach(String query, String function, List<Step> path) {
    public Reach {
      path = List.copyOf(path);
    }

    /** The path as a reader writes it: {@code {[Name = "db"]} > {[Name = "Airlines"]}}. */
    public String describe() {
      return String.join(" > ", path.stream().map(Step::describe).toList());
    }
  }

  /** One level of navigation. */
  public sealed interface Step {
    String describe();

    /**
     * Whether this step picks the row {@code cells} (one navigation item's cells, by column) of a
     * table whose rows are in {@code position} order; cells not known match nothing.
     */
    boolean picks(Map<String, Value> cells, int position);
  }

  /** {@code {[Name = "Airlines"]}}, {@code {[Key = "a"]}}: the row whose cells equal these. */
  public record Lookup(Map<String, String> fields) implements Step {
    public Lookup {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String describe() {
      List<String> parts = new ArrayList<>();
      fields.forEach((k, v) -> parts.add(k + " = \"" + v + "\""));
      return "{[" + String.join(", ", parts) + "]}";
    }

    @Override
    public boolean picks(Map<String, Value> cells, int position) {
      return !fields.isEmpty()
          && fields.entrySet().stream()
              .allMatch(
                  f ->
                      cells.containsKey(f.getKey())
                          && Values.text(cells.get(f.getKey()))
                              .filter(f.getValue()::equals)
                              .isPresent());
    }
  }

  /** {@code Table.SelectRows(t, each [Name] = "Airlines")}: the rows whose column equals this. */
  public record Filter(String column, String value) implements Step {
    @Override
    public String describe() {
      return "[" + column + "] = \"" + value + "\"";
    }

    @Override
    public boolean picks(Map<String, Value> cells, int position) {
      return new Lookup(Map.of(column, value)).picks(cells, position);
    }
  }

  /** {@code {0}}: the row at a position, whichever it is. */
  public record Position(int index) implements Step {
    @Override
    public String describe() {
      return "{" + index + "}";
    }

    @Override
    public boolean picks(Map<String, Value> cells, int position) {
      return position == index;
    }
  }

  /**
   * Reads a report's queries for the calls of these exported functions and what they reach.
   *
   * @param exports the connector's exported function names ({@code Contoso.Contents})
   */
  public static ReportFacts read(TestReport report, Set<String> exports) {
    return read(ParsedReport.of(report), exports);
  }

  /** As {@link #read(TestReport, Set)}, for a report whose queries are parsed already. */
  public static ReportFacts read(ParsedReport report, Set<String> exports) {
    Walk walk = new Walk(report, exports);
    walk.run();
    return new ReportFacts(
        report.report(), walk.calls, withoutPrefixes(walk.reached), walk.others, walk.notes);
  }

  /** A report made in memory, for the tests and the rule documents' examples. */
  public static TestReport inMemory(String name, Map<String, String> queries) {
    List<ReportQuery> list = new ArrayList<>();
    queries.forEach(
        (query, text) ->
            list.add(new ReportQuery(query, query + ".m", text, dev.pqcert.parse.Position.START)));
    return new TestReport(Path.of(name), name, TestReportFormat.PBIP, list, List.of());
  }

  /** The functions this report calls, of the connector's. */
  public Set<String> functionsCalled() {
    Set<String> called = new TreeSet<>();
    calls.forEach(c -> called.add(c.function()));
    return called;
  }

  private static List<Reach> withoutPrefixes(List<Reach> all) {
    List<Reach> kept = new ArrayList<>();
    for (Reach reach : all) {
      boolean continued =
          all.stream()
              .anyMatch(
                  other ->
                      other.query().equals(reach.query())
                          && other.function().equals(reach.function())
                          && other.path().size() > reach.path().size()
                          && other.path().subList(0, reach.path().size()).equals(reach.path()));
      if (!continued && !kept.contains(reach)) {
        kept.add(reach);
      }
    }
    return kept;
  }

  /** What a query's expression is, as far as linking needs to know. */
  private sealed interface Abstract {}

  /** What an exported function returned, after these navigation steps. */
  private record Navigated(String function, List<Step> path) implements Abstract {}

  /** A constant: text, number, logical, null, or a list or record of constants. */
  private record Constant(Value value) implements Abstract {}

  /** A function named globally: the connector's, the library's or another connector's. */
  private record Named(String name) implements Abstract {}

  /** A function the report writes, with the names it closes over. */
  private record Closure(Expr.Function function, Env env) implements Abstract {}

  /** Anything else. */
  private record Opaque() implements Abstract {}

  private static final Abstract OPAQUE = new Opaque();

  /** Names in scope: let steps and parameters, innermost first, then the report's queries. */
  private static final class Env {
    private final Map<String, Expr> bindings;
    private final Map<String, Abstract> values = new LinkedHashMap<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final Optional<Env> parent;

    Env(Map<String, Expr> bindings, Map<String, Abstract> bound, Optional<Env> parent) {
      this.bindings = bindings;
      this.values.putAll(bound);
      this.parent = parent;
    }
  }

  /** The walk of every query of one report. */
  private static final class Walk {
    private final ParsedReport report;
    private final Set<String> exports;
    private final Map<String, ReportQuery> queries = new LinkedHashMap<>();
    private final Map<String, Expr> parsed = new LinkedHashMap<>();
    private final Map<String, Abstract> queryValues = new LinkedHashMap<>();
    private final Set<String> queriesRunning = new LinkedHashSet<>();
    final List<ExportCall> calls = new ArrayList<>();
    final List<Reach> reached = new ArrayList<>();
    final Set<String> others = new TreeSet<>();
    final List<String> notes = new ArrayList<>();
    private String query = "";
    private int depth;

    Walk(ParsedReport report, Set<String> exports) {
      this.report = report;
      this.exports = exports;
    }

    void run() {
      for (ReportQuery q : report.report().queries()) {
        queries.putIfAbsent(q.name(), q);
      }
      parsed.putAll(report.expressions());
      notes.addAll(report.notes());
      for (String name : parsed.keySet()) {
        queryValue(name);
      }
    }

    /** A query's value, walked once, its facts recorded under its own name. */
    private Abstract queryValue(String name) {
      Abstract known = queryValues.get(name);
      if (known != null) {
        return known;
      }
      if (!queriesRunning.add(name)) {
        return OPAQUE; // a query that refers to itself: M fails there too
      }
      String outer = query;
      query = name;
      Abstract value;
      try {
        value = eval(parsed.get(name), new Env(Map.of(), Map.of(), Optional.empty()));
      } finally {
        query = outer;
        queriesRunning.remove(name);
      }
      queryValues.put(name, value);
      return value;
    }

    private Abstract lookup(String name, Env env) {
      for (Optional<Env> at = Optional.of(env); at.isPresent(); at = at.get().parent) {
        Env scope = at.get();
        if (scope.values.containsKey(name)) {
          return scope.values.get(name);
        }
        Expr bound = scope.bindings.get(name);
        if (bound != null) {
          if (!scope.running.add(name)) {
            return OPAQUE;
          }
          Abstract value;
          try {
            value = eval(bound, scope);
          } finally {
            scope.running.remove(name);
          }
          scope.values.put(name, value);
          return value;
        }
      }
      if (parsed.containsKey(name)) {
        return queryValue(name);
      }
      return new Named(name);
    }

    private Abstract eval(Expr expression, Env env) {
      if (depth >= MAX_DEPTH) {
        return OPAQUE;
      }
      depth++;
      try {
        return evalHere(expression, env);
      } finally {
        depth--;
      }
    }

    private Abstract evalHere(Expr expression, Env env) {
      if (expression instanceof Expr.Literal literal) {
        return new Constant(constant(literal));
      }
      if (expression instanceof Expr.Identifier identifier) {
        return lookup(identifier.name(), env);
      }
      if (expression instanceof Expr.Let let) {
        Map<String, Expr> bindings = new LinkedHashMap<>();
        let.bindings().forEach(b -> bindings.putIfAbsent(b.name().name(), b.value()));
        return eval(let.body(), new Env(bindings, Map.of(), Optional.of(env)));
      }
      if (expression instanceof Expr.RecordExpr record) {
        Map<String, Value.RecordField> fields = new LinkedHashMap<>();
        boolean known = true;
        for (Expr.Field field : record.fields()) {
          Abstract value = eval(field.value(), env);
          if (value instanceof Constant c) {
            fields.put(
                field.name().name(),
                new Value.RecordField(field.name().span(), field.name().name(), c.value()));
          } else {
            known = false;
          }
        }
        return known ? new Constant(new Value.RecordValue(record.span(), fields, "")) : OPAQUE;
      }
      if (expression instanceof Expr.ListExpr list) {
        List<Value> items = new ArrayList<>();
        boolean known = true;
        for (Expr item : list.items()) {
          Abstract value = eval(item, env);
          if (value instanceof Constant c) {
            items.add(c.value());
          } else {
            known = false;
          }
        }
        return known ? new Constant(new Value.ListValue(list.span(), items, "")) : OPAQUE;
      }
      if (expression instanceof Expr.Binary binary) {
        return binary(binary, env);
      }
      if (expression instanceof Expr.Invoke invoke) {
        return invoke(invoke, env);
      }
      if (expression instanceof Expr.ItemAccess item) {
        Abstract target = eval(item.target(), env);
        Abstract index = eval(item.index(), env);
        if (target instanceof Navigated navigated && index instanceof Constant c) {
          return step(navigated, c.value());
        }
        return OPAQUE;
      }
      if (expression instanceof Expr.FieldAccess access) {
        // t[Data] enters the item reached; any other field is data, not navigation.
        Abstract target = access.target().map(t -> eval(t, env)).orElse(OPAQUE);
        return target instanceof Navigated ? target : OPAQUE;
      }
      if (expression instanceof Expr.Function function) {
        return new Closure(function, env);
      }
      if (expression instanceof Expr.Each each) {
        return new Closure(Evaluator.eachAsFunction(each), env);
      }
      // Whatever else: its parts are walked for the calls and steps inside them.
      walkChildren(expression, env);
      return OPAQUE;
    }

    private Abstract binary(Expr.Binary binary, Env env) {
      Abstract left = eval(binary.left(), env);
      Abstract right = eval(binary.right(), env);
      if (binary.operator() == Expr.BinaryOperator.META) {
        return left; // a parameter's value: "text" meta [IsParameterQuery = true, ...]
      }
      if (binary.operator() == Expr.BinaryOperator.CONCATENATE
          && left instanceof Constant l
          && right instanceof Constant r
          && Values.text(l.value()).isPresent()
          && Values.text(r.value()).isPresent()) {
        return new Constant(
            new Value.Text(
                binary.span(), Values.text(l.value()).get() + Values.text(r.value()).get(), ""));
      }
      return OPAQUE;
    }

    private Abstract invoke(Expr.Invoke invoke, Env env) {
      Abstract callee = eval(invoke.function(), env);
      List<Abstract> arguments = new ArrayList<>();
      for (Expr argument : invoke.arguments()) {
        arguments.add(eval(argument, env));
      }
      if (callee instanceof Closure closure) {
        return apply(closure, arguments);
      }
      if (!(callee instanceof Named named)) {
        return OPAQUE;
      }
      String name = named.name();
      if (exports.contains(name)) {
        List<String> described = new ArrayList<>();
        for (Abstract argument : arguments) {
          described.add(
              argument instanceof Constant c ? ConstantText.of(c.value()) : "<not constant>");
        }
        calls.add(new ExportCall(name, query, described));
        return new Navigated(name, List.of());
      }
      if (!LibraryNames.isLibrary(name) && !name.startsWith("#")) {
        others.add(name);
      }
      Optional<Navigated> first =
          arguments.stream()
              .filter(Navigated.class::isInstance)
              .map(Navigated.class::cast)
              .findFirst();
      if (first.isEmpty()) {
        // The library calls functions it is given: a navigation inside one is still one.
        for (Abstract argument : arguments) {
          if (argument instanceof Closure closure && closure.function().parameters().isEmpty()) {
            apply(closure, List.of());
          }
        }
        return OPAQUE;
      }
      if (name.equals("Table.SelectRows") && invoke.arguments().size() >= 2) {
        Optional<Filter> filter = filter(invoke.arguments().get(1), env);
        if (filter.isPresent()) {
          return navigate(first.get(), filter.get());
        }
      }
      // Any other function of what was reached (typing, renaming, expanding) keeps it reached.
      return first.get();
    }

    private Abstract apply(Closure closure, List<Abstract> arguments) {
      Map<String, Abstract> bound = new LinkedHashMap<>();
      List<Expr.Parameter> parameters = closure.function().parameters();
      for (int i = 0; i < parameters.size(); i++) {
        bound.put(
            parameters.get(i).name().name(), i < arguments.size() ? arguments.get(i) : OPAQUE);
      }
      return eval(closure.function().body(), new Env(Map.of(), bound, Optional.of(closure.env())));
    }

    /** {@code each [Name] = "Airlines"}, {@code (r) => r[Name] = "Airlines"}, either way round. */
    private Optional<Filter> filter(Expr condition, Env env) {
      Expr.Function function;
      if (condition instanceof Expr.Each each) {
        function = Evaluator.eachAsFunction(each);
      } else if (condition instanceof Expr.Function f && f.parameters().size() == 1) {
        function = f;
      } else {
        return Optional.empty();
      }
      if (!(function.body() instanceof Expr.Binary equal)
          || equal.operator() != Expr.BinaryOperator.EQUAL) {
        return Optional.empty();
      }
      String row = function.parameters().get(0).name().name();
      Optional<String> column = column(equal.left(), row).or(() -> column(equal.right(), row));
      Expr other = column(equal.left(), row).isPresent() ? equal.right() : equal.left();
      if (column.isEmpty()) {
        return Optional.empty();
      }
      Abstract value = eval(other, env);
      return value instanceof Constant c
          ? Values.text(c.value()).map(text -> new Filter(column.get(), text))
          : Optional.empty();
    }

    /** The column {@code [Name]} or {@code row[Name]} reads of the row parameter. */
    private static Optional<String> column(Expr expression, String row) {
      if (expression instanceof Expr.FieldAccess access) {
        boolean ofRow =
            access.target().isEmpty()
                || (access.target().get() instanceof Expr.Identifier id && id.name().equals(row));
        return ofRow ? Optional.of(access.field().name()) : Optional.empty();
      }
      return Optional.empty();
    }

    private Abstract step(Navigated navigated, Value index) {
      Value plain = Values.plain(index);
      if (plain instanceof Value.NumberValue number
          && number.value() >= 0
          && number.value() == Math.rint(number.value())) {
        List<Step> path = navigated.path();
        if (!path.isEmpty() && path.get(path.size() - 1) instanceof Filter) {
          return navigated; // the first of the rows a filter kept: the filter picked it
        }
        return navigate(navigated, new Position((int) number.value()));
      }
      if (plain instanceof Value.RecordValue record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Value.RecordField field : record.fields().values()) {
          Optional<String> text = Values.text(field.value());
          if (text.isEmpty()) {
            return OPAQUE;
          }
          fields.put(field.name(), text.get());
        }
        return navigate(navigated, new Lookup(fields));
      }
      return OPAQUE;
    }

    private Navigated navigate(Navigated from, Step step) {
      List<Step> path = new ArrayList<>(from.path());
      path.add(step);
      Navigated to = new Navigated(from.function(), path);
      Reach reach = new Reach(query, from.function(), path);
      if (!reached.contains(reach)) {
        reached.add(reach);
      }
      return to;
    }

    private void walkChildren(Expr expression, Env env) {
      ExprWalk.children(expression).forEach(child -> eval(child, env));
    }

    private static Value constant(Expr.Literal literal) {
      Span span = literal.span();
      return switch (literal.kind()) {
        case TEXT, VERBATIM -> new Value.Text(span, String.valueOf(literal.value()), "");
        case NUMBER ->
            new Value.NumberValue(
                span,
                literal.value() instanceof Number n ? n.doubleValue() : Double.NaN,
                literal.raw(),
                "");
        case LOGICAL -> new Value.Logical(span, Boolean.TRUE.equals(literal.value()), "");
        case NULL -> new Value.Null(span, "");
      };
    }
  }
}
