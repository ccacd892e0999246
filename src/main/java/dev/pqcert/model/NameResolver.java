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

  private Definition lookup(String name) {
    for (Map<String, Definition> scope : scopes) {
      Definition definition = scope.get(name);
      if (definition != null) {
        return definition;
      }
    }
    return LibraryNames.isLibrary(name)
        ? new Definition.Library(name)
        : new Definition.Unresolved(name);
  }

  private void walk(Expr expression) {
    if (expression instanceof Expr.Identifier identifier) {
      resolutions.put(identifier, lookup(identifier.name()));
    } else if (expression instanceof Expr.ListExpr list) {
      list.items().forEach(this::walk);
    } else if (expression instanceof Expr.Range range) {
      walk(range.from());
      walk(range.to());
    } else if (expression instanceof Expr.RecordExpr record) {
      Map<String, Definition> fields = new HashMap<>();
      for (Expr.Field field : record.fields()) {
        fields.putIfAbsent(
            field.name().name(),
            new Definition.RecordFieldName(field.name().name(), field.name().span(), file));
      }
      scopes.push(fields);
      record.fields().forEach(f -> walk(f.value()));
      scopes.pop();
    } else if (expression instanceof Expr.FieldAccess access) {
      if (access.target().isPresent()) {
        walk(access.target().get());
      } else {
        lookup("_"); // the implicit `_[field]`
      }
    } else if (expression instanceof Expr.Projection projection) {
      projection.target().ifPresent(this::walk);
    } else if (expression instanceof Expr.ItemAccess access) {
      walk(access.target());
      walk(access.index());
    } else if (expression instanceof Expr.Invoke invoke) {
      walk(invoke.function());
      invoke.arguments().forEach(this::walk);
    } else if (expression instanceof Expr.Unary unary) {
      walk(unary.operand());
    } else if (expression instanceof Expr.Binary binary) {
      walkBinary(binary);
    } else if (expression instanceof Expr.TypeTest test) {
      walk(test.value());
    } else if (expression instanceof Expr.TypeValue type) {
      walkType(type.type());
    } else if (expression instanceof Expr.Function function) {
      walkFunction(function);
    } else if (expression instanceof Expr.Each each) {
      walkFunction(Evaluator.eachAsFunction(each));
    } else if (expression instanceof Expr.Let let) {
      Map<String, Definition> variables = new HashMap<>();
      for (Expr.Binding binding : let.bindings()) {
        variables.putIfAbsent(
            binding.name().name(),
            new Definition.LetVariable(binding.name().name(), binding.name().span(), file));
      }
      scopes.push(variables);
      let.bindings().forEach(b -> walk(b.value()));
      walk(let.body());
      scopes.pop();
    } else if (expression instanceof Expr.If when) {
      walk(when.condition());
      walk(when.whenTrue());
      walk(when.whenFalse());
    } else if (expression instanceof Expr.ErrorRaise raise) {
      walk(raise.value());
    } else if (expression instanceof Expr.Try attempt) {
      walk(attempt.body());
      attempt.otherwise().ifPresent(this::walk);
      attempt.catchHandler().ifPresent(this::walkFunction);
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
      parameter.type().ifPresent(this::walkType);
    }
    scopes.push(parameters);
    walk(function.body());
    scopes.pop();
  }

  private void walkType(TypeNode type) {
    if (type instanceof TypeNode.ExpressionType expression) {
      walk(expression.expression());
    } else if (type instanceof TypeNode.FunctionType function) {
      function.parameters().forEach(p -> walkType(p.type()));
      walkType(function.returnType());
    } else if (type instanceof TypeNode.ListType list) {
      walkType(list.item());
    } else if (type instanceof TypeNode.NullableType nullable) {
      walkType(nullable.inner());
    } else if (type instanceof TypeNode.TableType table) {
      table.rowExpression().ifPresent(this::walk);
      table.rowType().ifPresent(this::walkType);
    } else if (type instanceof TypeNode.RecordType record) {
      record.fields().forEach(f -> f.type().ifPresent(this::walkType));
    }
  }
}
