package dev.pqcert.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chain of name bindings: section members, then {@code let} variables, parameters and record
 * fields as expressions nest. Each binding's value is computed lazily, once.
 */
public final class Scope {
  private final Scope parent;
  private final Map<String, Binding> bindings;

  /** A name, what defines it, and its value. */
  public record Binding(Definition definition, Thunk value) {}

  private Scope(Scope parent, Map<String, Binding> bindings) {
    this.parent = parent;
    this.bindings = bindings;
  }

  public static Scope root() {
    return new Scope(null, new LinkedHashMap<>());
  }

  /** A child scope; fill it with {@link #bind} before evaluating anything in it. */
  public Scope child() {
    return new Scope(this, new LinkedHashMap<>());
  }

  public void bind(Definition definition, Thunk value) {
    bindings.put(definition.name(), new Binding(definition, value));
  }

  public Optional<Binding> lookup(String name) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      Binding binding = scope.bindings.get(name);
      if (binding != null) {
        return Optional.of(binding);
      }
    }
    return Optional.empty();
  }

  /** The scope that binds {@code name}: where a {@code let} variable's expression is evaluated. */
  public Optional<Scope> owner(String name) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      if (scope.bindings.containsKey(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  /** The bindings made directly in this scope, in order. */
  public Map<String, Binding> own() {
    return java.util.Collections.unmodifiableMap(bindings);
  }
}
