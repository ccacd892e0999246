package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every identifier use of the connector to its definition: a section member, a {@code let}
 * variable, a parameter ({@code _} for {@code each}), a sibling record field, a library name, or
 * nothing. Modules see the section's shared members, as {@code #shared} gives them.
 */
public final class NameResolver {
  private final IdentityHashMap<Expr.Identifier, Definition> resolutions = new IdentityHashMap<>();
  private final Deque<Map<String, Definition>> scopes = new ArrayDeque<>();
  private String file = "";

  /**
   * The bindings being initialized: a record field's or let variable's own name is not in scope in
   * its own expression (it names the outer one), unless written {@code @name}.
   */
  private final Deque<Map.Entry<Map<String, Definition>, String>> initializing = new ArrayDeque<>();

  /** Walks every node, so that no kind of node is skipped (see {@link ChildVisitor}). */
  private final Walker visitor = new Walker();

  private NameResolver() {}

  /** The resolution of each identifier use, by node identity. */
  public static Map<Expr.Identifier, Definition> resolve(
      Optional<Section> section, List<SourceFile> modules) {
    NameResolver resolver = new NameResolver();
    Map<String, Definition> members = new HashMap<>();
    Map<String, Definition> shared = new HashMap<>();
    for (Member member : section.map(Section::members).orElse(List.of())) {
      members.putIfAbsent(member.name(), new Definition.MemberDefinition(member));
      if (member.shared()) {
        shared.putIfAbsent(member.name(), new Definition.MemberDefinition(member));
      }
    }
    resolver.scopes.push(members);
    for (Member member : section.map(Section::members).orElse(List.of())) {
      resolver.file = member.file();
      resolver.walk(member.value());
    }
    resolver.scopes.clear();
    resolver.scopes.push(shared);
    for (SourceFile module : modules) {
      resolver.file = module.name();
      module.parse().document().expression().ifPresent(resolver::walk);
    }
    return resolver.resolutions;
  }

  private Definition lookup(String name, boolean inclusive) {
    for (Map<String, Definition> scope : scopes) {
      if (!inclusive && excluded(scope, name)) {
        continue;
      }
      Definition definition = scope.get(name);
      if (definition != null) {
        return definition;
      }
    }
    return LibraryNames.isLibrary(name)
        ? new Definition.Library(name)
        : new Definition.Unresolved(name);
  }

  private boolean excluded(Map<String, Definition> scope, String name) {
    for (Map.Entry<Map<String, Definition>, String> entry : initializing) {
      if (entry.getKey() == scope && entry.getValue().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Walks the expression that initializes {@code name} of {@code scope}. */
  private void walkInitializer(Map<String, Definition> scope, String name, Expr value) {
    initializing.push(Map.entry(scope, name));
    try {
      walk(value);
    } finally {
      initializing.pop();
    }
  }

  private void walk(Expr expression) {
    expression.accept(visitor);
  }

  /** Walks every node; overrides the ones that define or use a name. */
  private final class Walker extends ChildVisitor {
    @Override
    void child(Expr node) {
      walk(node);
    }

    @Override
    void child(TypeNode node) {
      node.accept(this);
    }

    @Override
    public Void identifier(Expr.Identifier node) {
      resolutions.put(node, lookup(node.name(), node.inclusive()));
      return null;
    }

    @Override
    public Void record(Expr.RecordExpr node) {
      Map<String, Definition> fields = new HashMap<>();
      for (Expr.Field field : node.fields()) {
        fields.putIfAbsent(
            field.name().name(),
            new Definition.RecordFieldName(field.name().name(), field.name().span(), file));
      }
      scopes.push(fields);
      node.fields().forEach(f -> walkInitializer(fields, f.name().name(), f.value()));
      scopes.pop();
      return null;
    }

    @Override
    public Void binary(Expr.Binary node) {
      walkBinary(node);
      return null;
    }

    @Override
    public Void function(Expr.Function node) {
      walkFunction(node);
      return null;
    }

    @Override
    public Void each(Expr.Each node) {
      walkFunction(Evaluator.eachAsFunction(node));
      return null;
    }

    @Override
    public Void let(Expr.Let node) {
      Map<String, Definition> variables = new HashMap<>();
      for (Expr.Binding binding : node.bindings()) {
        variables.putIfAbsent(
            binding.name().name(),
            new Definition.LetVariable(binding.name().name(), binding.name().span(), file));
      }
      scopes.push(variables);
      node.bindings().forEach(b -> walkInitializer(variables, b.name().name(), b.value()));
      walk(node.body());
      scopes.pop();
      return null;
    }

    @Override
    public Void tryCatch(Expr.Try node) {
      walk(node.body());
      node.otherwise().ifPresent(NameResolver.this::walk);
      node.catchHandler().ifPresent(NameResolver.this::walkFunction);
      return null;
    }
  }

  /** Left operands iteratively: a long {@code a + a + ...} chain is a deep left spine. */
  private void walkBinary(Expr.Binary binary) {
    Deque<Expr> rights = new ArrayDeque<>();
    Expr current = binary;
    while (current instanceof Expr.Binary b) {
      rights.push(b.right());
      current = b.left();
    }
    walk(current);
    while (!rights.isEmpty()) {
      walk(rights.pop());
    }
  }

  private void walkFunction(Expr.Function function) {
    Map<String, Definition> parameters = new HashMap<>();
    for (int i = 0; i < function.parameters().size(); i++) {
      Expr.Parameter parameter = function.parameters().get(i);
      parameters.put(
          parameter.name().name(),
          new Definition.Parameter(parameter.name().name(), parameter.span(), file, function, i));
      parameter.type().ifPresent(t -> t.accept(visitor));
    }
    scopes.push(parameters);
    walk(function.body());
    scopes.pop();
  }
}
